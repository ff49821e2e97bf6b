import Foundation
import Metrics

/// What an ingest did, file by file.
public struct IngestOutcome: Hashable, Sendable {
    /// What one file of the batch did to the store.
    public struct File: Hashable, Sendable {
        /// The file's name as the user gave it.
        public var name: String
        /// The SHA-256 of its bytes, lower-case hex.
        public var sha256: String
        /// Its kind, when recognised.
        public var kind: DropFileKind?
        /// Rows whose key was new to the store.
        public var inserted: Int
        /// Rows that replaced a stored row with different values: corrections.
        public var replaced: Int
        /// Rows identical to the stored row, which were left as they were.
        public var unchanged: Int
        /// Benchmark rows identical to a built-in national figure: neither new nor the
        /// user's own rows unchanged, so counted apart.
        public var sameAsBuiltIn = 0
        /// Benchmark rows that replaced a built-in national figure with another value or
        /// source: the user's figure now wins, which is not a correction of their own data.
        public var replacedBuiltIn = 0
        /// Schools whose stored name or local authority (from DfE files) the file changed;
        /// they are no rows of its own, so they are counted apart.
        public var renamed = 0
        /// Schools the file gave their first stored name or local authority (DfE files).
        public var schoolsNamed = 0
        /// True when a file with the same SHA-256 had been ingested before.
        public var alreadyKnown: Bool

        /// Makes a file outcome.
        public init(
            name: String, sha256: String, kind: DropFileKind?, inserted: Int = 0, replaced: Int = 0,
            unchanged: Int = 0, alreadyKnown: Bool = false
        ) {
            self.name = name
            self.sha256 = sha256
            self.kind = kind
            self.inserted = inserted
            self.replaced = replaced
            self.unchanged = unchanged
            self.alreadyKnown = alreadyKnown
        }

        /// True when the file changed no row and no school's name.
        public var changedNothing: Bool {
            inserted == 0 && replaced == 0 && replacedBuiltIn == 0 && renamed == 0 && schoolsNamed == 0
        }

        /// What the file did, for the end of its line: "186 new, 0 corrected, 0 unchanged",
        /// with any built-in figures it matched or replaced, and "(ingested before)".
        public var counts: String {
            var text = "\(inserted) new, \(replaced) corrected, \(unchanged) unchanged"
            if sameAsBuiltIn > 0 { text += ", \(sameAsBuiltIn) as built in" }
            if replacedBuiltIn > 0 { text += ", \(replacedBuiltIn) replacing built-in figures" }
            if schoolsNamed > 0 { text += ", " + Self.schools(schoolsNamed) + " stored" }
            if renamed > 0 { text += ", " + Self.schools(renamed) + " updated" }
            if alreadyKnown { text += changedNothing ? " (ingested before; skipped)" : " (ingested before)" }
            return text
        }

        /// "1 school's name or local authority", "2 schools' names or local authorities":
        /// a DfE file may give either or both.
        private static func schools(_ count: Int) -> String {
            count == 1
                ? "1 school's name or local authority" : "\(count) schools' names or local authorities"
        }

        /// True when the file was recorded in the store: all files are, except one ingested
        /// before that changed nothing this time.
        public var recorded: Bool { !(alreadyKnown && changedNothing) }
    }

    /// One entry per file of the batch, in the batch's order.
    public var files: [File]
    /// When the ingest happened.
    public var date: Date

    /// Makes an outcome.
    public init(files: [File], date: Date) {
        self.files = files
        self.date = date
    }

    /// Rows new to the store, over all files.
    public var inserted: Int { files.reduce(0) { $0 + $1.inserted } }
    /// Rows that replaced different stored values, over all files.
    public var replaced: Int { files.reduce(0) { $0 + $1.replaced } }
    /// Rows identical to stored ones, over all files.
    public var unchanged: Int { files.reduce(0) { $0 + $1.unchanged } }
    /// Benchmark rows identical to built-in national figures, over all files.
    public var sameAsBuiltIn: Int { files.reduce(0) { $0 + $1.sameAsBuiltIn } }
    /// Benchmark rows that replaced built-in national figures, over all files.
    public var replacedBuiltIn: Int { files.reduce(0) { $0 + $1.replacedBuiltIn } }
    /// True when the store was left exactly as it was: every file known and no row changed.
    public var changedNothing: Bool { !files.contains { $0.recorded } }

    /// A few lines for the terminal: one per file, then the totals.
    ///
    /// - Parameters:
    ///   - storePath: The store's path, as the user should see it.
    ///   - created: True when the ingest created the store.
    /// - Returns: Lines separated by newlines, without a final newline.
    public func summary(storePath: String, created: Bool) -> String {
        (files.map { "\($0.name): \($0.counts)" } + [totals(storePath: storePath, created: created)])
            .joined(separator: "\n")
    }

    /// The last line of the summary: what the whole batch did to the store. The built-in
    /// national figures a benchmarks file repeated or replaced are counted on their own,
    /// never as the user's rows unchanged or corrected.
    public func totals(storePath: String, created: Bool) -> String {
        if changedNothing { return "nothing changed in \(storePath): every file had been ingested before" }
        let action = created ? "created \(storePath) and stored" : "stored in \(storePath)"
        var line =
            "\(action): \(inserted) new row\(inserted == 1 ? "" : "s"), "
            + "\(replaced) correction\(replaced == 1 ? "" : "s"), \(unchanged) unchanged"
        var builtIn: [String] = []
        if sameAsBuiltIn > 0 {
            builtIn.append(
                "\(sameAsBuiltIn) benchmark\(sameAsBuiltIn == 1 ? " was" : "s were") already built in")
        }
        if replacedBuiltIn > 0 {
            builtIn.append(
                replacedBuiltIn == 1
                    ? "1 benchmark replaced a built-in national figure"
                    : "\(replacedBuiltIn) benchmarks replaced built-in national figures")
        }
        if !builtIn.isEmpty { line += "; " + builtIn.joined(separator: ", ") }
        return line
    }
}
