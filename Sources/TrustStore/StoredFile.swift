import Foundation
import Metrics

/// A file as recorded in the store when it was ingested.
public struct StoredFile: Hashable, Sendable {
    /// The store's number for the file.
    public var id: Int
    /// The file's name as the user gave it.
    public var name: String
    /// The SHA-256 of its bytes in lower-case hex; empty for the built-in national figures.
    public var sha256: String
    /// Its kind, when it was recognised.
    public var kind: DropFileKind?
    /// Data rows it held.
    public var rows: Int
    /// Its size in bytes.
    public var bytes: Int
    /// When it was ingested.
    public var ingestedAt: Date

    /// Makes a stored file.
    public init(
        id: Int, name: String, sha256: String, kind: DropFileKind?, rows: Int, bytes: Int, ingestedAt: Date
    ) {
        self.id = id
        self.name = name
        self.sha256 = sha256
        self.kind = kind
        self.rows = rows
        self.bytes = bytes
        self.ingestedAt = ingestedAt
    }

    /// When it was ingested, for people: "14 Mar 2026 10:42", UTC.
    public var ingestedAtText: String { IngestTime.text(ingestedAt) }
}
