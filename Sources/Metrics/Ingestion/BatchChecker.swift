/// The checks that look across all the files of a batch: every URN must be a known
/// academy, and no key may be given twice.
struct BatchChecker {
    let batch: DropBatch
    let knownAcademies: Set<URN>
    /// Errors found, per file index.
    private var logs: [Int: IssueLog] = [:]

    init(batch: DropBatch, knownAcademies: Set<URN>) {
        self.batch = batch
        self.knownAcademies = knownAcademies
    }

    /// The issues found.
    var issues: [DropIssue] { logs.keys.sorted().flatMap { logs[$0]?.report ?? [] } }

    /// Errors found per file index.
    var errorsByFile: [(Int, Int)] { logs.map { ($0.key, $0.value.errors) } }

    mutating func check() {
        var academies = URNSet(knownAcademies)
        var firstAcademy: [URN: (Int, Int)] = [:]
        for row in batch.academies {
            if let (file, line) = firstAcademy[row.record.urn] {
                duplicate(row.file, row.line, "academy \(row.record.urn)", first: (file, line))
            } else {
                firstAcademy[row.record.urn] = (row.file, row.line)
            }
            academies.insert(row.record.urn)
        }
        var unknown: [Int: [URN: (line: Int, count: Int)]] = [:]
        func note(_ urn: URN, _ file: Int, _ line: Int) {
            guard !academies.contains(urn) else { return }
            let seen = unknown[file, default: [:]][urn]
            unknown[file, default: [:]][urn] = (min(seen?.line ?? line, line), (seen?.count ?? 0) + 1)
        }
        // The attainment rows, most of a national batch, have their first pass on another
        // thread while the other kinds have theirs here (see `FirstPass`).
        let attainment = FirstPass.onTheSide(batch.attainment, academies: academies)
        // One pass per record kind, each through the kind's own description of its key.
        // The first finds whether any key comes twice and which rows name an academy not
        // known; only then does a second pass find where each such key was first given,
        // reporting the rows in the same order.
        func checkKeys<Record: DropRecord>(_: Record.Type, firstPass: FirstPass? = nil) {
            let kind = UInt64(Record.kind.index)
            let rows = batch[keyPath: Record.inBatch]
            let pass = firstPass ?? FirstPass(rows, academies: academies)
            for (file, urns) in pass.unknown {
                for (urn, seen) in urns {
                    let before = unknown[file, default: [:]][urn]
                    unknown[file, default: [:]][urn] = (
                        min(before?.line ?? seen.line, seen.line), (before?.count ?? 0) + seen.count
                    )
                }
            }
            var duplicated = pass.duplicated
            guard !duplicated.isEmpty else { return }
            for row in rows {
                let record = row.record
                let key = Self.key(
                    kind, record.urn, record.drop, record.group, record.yearGroup, record.itemIndex)
                guard let first = duplicated[key] else { continue }
                guard let first else {
                    duplicated[key] = .some((row.file, row.line))
                    continue
                }
                duplicate(
                    row.file, row.line,
                    "\(record.what) for \(record.urn), \(record.drop), \(record.group.label), \(record.yearGroup)",
                    first: first)
            }
        }
        for kind in DropRecordKind.allCases {
            // Each kind by its own type, so that the loop is compiled for it: opened from
            // `recordType`, every record was copied through a generic witness (a memmove a
            // row, an eighth of a national dry run).
            switch kind {
            case .attendance: checkKeys(AttendanceRecord.self)
            case .attainment: checkKeys(AttainmentRecord.self, firstPass: attainment.result())
            case .scores: checkKeys(ScoreRecord.self)
            case .published: checkKeys(PublishedFigure.self)
            case .inclusion: checkKeys(InclusionRecord.self)
            }
        }
        var context: [Int: (Int, Int)] = [:]
        for row in batch.context {
            let line = row.record
            note(line.urn, row.file, row.line)
            let key = line.year.start * 1_000_000 + line.urn.value
            if let first = context[key] {
                duplicate(row.file, row.line, "the \(line.year) context of \(line.urn)", first: first)
            } else {
                context[key] = (row.file, row.line)
            }
        }
        for row in batch.rejectedRows { note(row.record, row.file, row.line) }
        var benchmarks: [String: (Int, Int)] = [:]
        for row in batch.benchmarks {
            let b = row.record
            let key =
                "\(b.kpi.key)|\(b.drop)|\(b.phase?.rawValue ?? "all phases")|\(b.group.rawValue)|\(b.scope)"
            if let first = benchmarks[key] {
                duplicate(
                    row.file, row.line,
                    "\(b.scope) \(b.kpi.key) benchmark for \(b.drop), \(b.phase?.rawValue ?? "all phases"), "
                        + b.group.label,
                    first: first)
            } else {
                benchmarks[key] = (row.file, row.line)
            }
        }
        var census: [Int: (Int, Int)] = [:]
        for row in batch.census {
            let school = row.record
            let key = school.year.start * 1_000_000 + school.urn.value
            if let first = census[key] {
                duplicate(
                    row.file, row.line, "the \(school.year) census line of school \(school.urn)", first: first
                )
            } else {
                census[key] = (row.file, row.line)
            }
        }
        for (file, urns) in unknown {
            for (urn, place) in urns.sorted(by: { $0.value.line < $1.value.line }) {
                let more = place.count > 1 ? " (\(place.count - 1) more rows in this file name it too)" : ""
                error(
                    file, line: place.line, column: "urn", value: urn.description,
                    "is not an academy of the trust\(more)",
                    fix: "add it to an academies file in this batch, or ingest that file first")
            }
        }
    }

    private mutating func duplicate(_ file: Int, _ line: Int, _ what: String, first: (Int, Int)) {
        let firstName = batch.files[first.0].name
        error(
            file, line: line, "gives \(what) again; it was first given at \(firstName):\(first.1)",
            fix: "keep one of the two rows (a later batch may correct a value)")
    }

    private mutating func error(
        _ file: Int, line: Int, column: String? = nil, value: String? = nil, _ problem: String, fix: String
    ) {
        var log = logs.removeValue(forKey: file) ?? IssueLog(file: batch.files[file].name)
        log.error(line: line, column: column, value: value, problem, fix: fix)
        logs[file] = log
    }

    /// Packs a record's key into 64 bits: kind 8, URN 20, year 8, term 2, group 4,
    /// year group 4, subject, measure or KPI 6.
    static func key(
        _ kind: UInt64, _ urn: URN, _ drop: DataDrop, _ group: PupilGroup, _ yearGroup: YearGroup, _ item: Int
    ) -> UInt64 {
        var key = kind
        key = key << 20 | UInt64(urn.value - 100_000)
        key = key << 8 | UInt64(max(0, min(255, drop.year.start - 1900)))
        key = key << 2 | UInt64(drop.term.index)
        key = key << 4 | UInt64(group.index)
        key = key << 4 | UInt64(yearGroup.code)
        key = key << 6 | UInt64(item)
        return key
    }
}
