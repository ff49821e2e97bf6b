import Foundation

/// The `academies.csv` file, written one academy at a time.
struct AcademyListFile: ~Copyable {
    /// Column names of the academies file.
    static let header = ["urn", "name", "phase", "local_authority", "sil", "joined", "ofsted"]

    private var writer: CSVLineWriter

    /// Creates `academies.csv` in `folder`, which must exist.
    init(folder: URL) throws {
        writer = try CSVLineWriter(url: folder.appendingPathComponent("academies.csv"), header: Self.header)
    }

    /// Writes one academy's row; an empty school improvement lead leaves the `sil` cell empty.
    mutating func write(_ profile: AcademyProfile) throws {
        writer.number(profile.urn)
        writer.text(profile.name)
        writer.text(profile.phase.rawValue)
        writer.text(profile.localAuthority)
        writer.text(profile.improvementLead)
        writer.text(profile.joined)
        writer.text(profile.ofsted)
        try writer.endRow()
    }

    /// Closes the file and says what was written.
    consuming func finish() throws -> WrittenFile {
        try writer.finish()
    }
}
