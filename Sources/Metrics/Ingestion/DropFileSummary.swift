/// What was read from one file of a batch.
public struct DropFileSummary: Hashable, Sendable {
    /// The file's name as the user gave it.
    public var name: String
    /// The SHA-256 of the file's bytes, in lower-case hex.
    public var sha256: String
    /// The kind, when the header was recognised.
    public var kind: DropFileKind?
    /// Data rows read (the header not counted).
    public var rows: Int
    /// The drops the rows belong to.
    public var drops: Set<DataDrop>
    /// The academies the rows name.
    public var academies: Set<URN>
    /// Warnings about the file.
    public var warnings: Int
    /// Errors in the file.
    public var errors: Int
    /// Size of the file in bytes.
    public var bytes: Int
    /// For a DfE file, the name of its layout (`dfe-absence`, `dfe-ks2`…); nil for the
    /// trust's own files.
    public var layout: String?
    /// For a DfE file, the school rows skipped because the school is not in the trust.
    public var otherSchools: Int = 0
    /// For the DfE's school census file, its year and schools by phase.
    public var census: CensusSummary?

    /// Makes a summary.
    public init(
        name: String, sha256: String, kind: DropFileKind? = nil, rows: Int = 0, drops: Set<DataDrop> = [],
        academies: Set<URN> = [], warnings: Int = 0, errors: Int = 0, bytes: Int = 0
    ) {
        self.name = name
        self.sha256 = sha256
        self.kind = kind
        self.rows = rows
        self.drops = drops
        self.academies = academies
        self.warnings = warnings
        self.errors = errors
        self.bytes = bytes
    }
}
