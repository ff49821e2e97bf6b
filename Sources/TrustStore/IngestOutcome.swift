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

        /// True when the file changed no row.
        public var changedNothing: Bool { inserted == 0 && replaced == 0 }

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
    /// True when the store was left exactly as it was: every file known and no row changed.
    public var changedNothing: Bool { !files.contains { $0.recorded } }

    /// A few lines for the terminal: one per file, then the totals.
    ///
    /// - Parameters:
    ///   - storePath: The store's path, as the user should see it.
    ///   - created: True when the ingest created the store.
    /// - Returns: Lines separated by newlines, without a final newline.
    public func summary(storePath: String, created: Bool) -> String {
        var lines = files.map { file in
            var line =
                "\(file.name): \(file.inserted) new, \(file.replaced) corrected, \(file.unchanged) unchanged"
            if file.alreadyKnown {
                line += file.changedNothing ? " (ingested before; skipped)" : " (ingested before)"
            }
            return line
        }
        let action = created ? "created \(storePath) and stored" : "stored in \(storePath)"
        if changedNothing {
            lines.append("nothing changed in \(storePath): every file had been ingested before")
        } else {
            lines.append(
                "\(action): \(inserted) new row\(inserted == 1 ? "" : "s"), "
                    + "\(replaced) correction\(replaced == 1 ? "" : "s"), \(unchanged) unchanged")
        }
        return lines.joined(separator: "\n")
    }
}
