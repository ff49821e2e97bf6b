import Foundation

extension BatchChecker {
    /// The first look at one kind's rows: which keys come twice, and which rows name an
    /// academy that is neither known nor in the batch. It reads the rows and nothing else,
    /// so kinds may have theirs on different threads; the checker then reports what they
    /// found in the order of kinds, as one thread did.
    struct FirstPass: Sendable {
        /// Keys given more than once, each with no place yet (the second pass finds it).
        var duplicated: [UInt64: (Int, Int)?] = [:]
        /// Per file, each URN not known: the first line naming it and how many rows do.
        var unknown: [Int: [URN: (line: Int, count: Int)]] = [:]

        /// Looks at `rows`. By runs when the rows come in runs, as drop files give them;
        /// else every key in one set.
        init<Record: DropRecord>(_ rows: [Sourced<Record>], academies: URNSet) {
            let kind = UInt64(Record.kind.index)
            var runs = KeyRuns()
            var inRuns = true
            var duplicated: [UInt64: (Int, Int)?] = [:]
            var unknown: [Int: [URN: (line: Int, count: Int)]] = [:]
            // By index into the buffer, so that each row's fields are read in place: taken
            // as a whole (`for row in rows`), every record was copied, retains and all.
            rows.withUnsafeBufferPointer { rows in
                for index in rows.indices {
                    let urn = rows[index].record.urn
                    if !academies.contains(urn) {
                        let (file, line) = (rows[index].file, rows[index].line)
                        let seen = unknown[file, default: [:]][urn]
                        unknown[file, default: [:]][urn] = (
                            min(seen?.line ?? line, line), (seen?.count ?? 0) + 1
                        )
                    }
                    guard inRuns else { continue }
                    let key = BatchChecker.key(
                        kind, urn, rows[index].record.drop, rows[index].record.group,
                        rows[index].record.yearGroup,
                        rows[index].record.itemIndex)
                    switch runs.insert(key) {
                    case .new: break
                    case .again: duplicated[key] = .some(nil)
                    case .notInRuns: inRuns = false
                    }
                }
            }
            if !inRuns {
                duplicated = [:]
                var seen = KeySet(capacity: rows.count)
                for row in rows {
                    let record = row.record
                    let key = BatchChecker.key(
                        kind, record.urn, record.drop, record.group, record.yearGroup, record.itemIndex)
                    if !seen.insert(key) { duplicated[key] = .some(nil) }
                }
            }
            self.duplicated = duplicated
            self.unknown = unknown
        }

        /// Starts the first pass of `rows` on another thread; a few rows are looked at
        /// here and now, for less than a thread costs.
        static func onTheSide<Record: DropRecord>(_ rows: [Sourced<Record>], academies: URNSet) -> Pending {
            guard rows.count >= 10_000 else { return Pending(done: FirstPass(rows, academies: academies)) }
            return Pending { FirstPass(rows, academies: academies) }
        }

        /// A first pass under way on another thread.
        final class Pending: @unchecked Sendable {
            // `pass` is written by the worker before it signals `done`, and read only after
            // waiting on it, so the semaphore orders every access.
            private var pass: FirstPass?
            private let done = DispatchSemaphore(value: 0)

            init(_ work: @escaping @Sendable () -> FirstPass) {
                let thread = Thread { [self] in
                    pass = work()
                    done.signal()
                }
                thread.start()
            }

            /// A pass already made.
            init(done pass: FirstPass) {
                self.pass = pass
                done.signal()
            }

            /// Waits for the pass and gives what it found.
            func result() -> FirstPass {
                done.wait()
                done.signal()
                return pass ?? FirstPass()
            }
        }

        /// Nothing found.
        init() {}
    }
}
