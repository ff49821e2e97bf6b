import Foundation

/// The open `inclusion` file of one data drop: suspensions and permanent exclusions, year to
/// date, for each pupil group and each year group of each academy.
///
/// Rows are written from a `DropTally`; each count is a sum over pupils, so the groups of a row
/// set always add up. Groups with no pupils get no row; groups of fewer than six do, and
/// trustboard suppresses them.
struct InclusionFile: ~Copyable {
    /// Column names of the inclusion file.
    static let header = [
        "urn", "academic_year", "term", "pupil_group", "year_group", "pupils", "suspensions",
        "pupils_suspended", "permanent_exclusions",
    ]

    private var writer: CSVLineWriter

    /// Opens `inclusion<suffix>.csv` in `folder`.
    ///
    /// - Throws: `GeneratorError.cannotCreateFile` if the file cannot be opened.
    init(folder: URL, suffix: String) throws {
        writer = try CSVLineWriter(
            url: folder.appendingPathComponent("inclusion\(suffix).csv"), header: Self.header)
    }

    /// Writes the `all` row of each pupil group (every year group on roll), then a line for
    /// each year group on roll.
    mutating func write(_ tally: DropTally, of academy: AcademyProfile, drop: DataDrop) throws {
        for group in PupilGroup.allCases {
            let counts = tally.inclusion(of: group)
            if counts.pupils > 0 {
                try writeRow(counts, urn: academy.urn, drop: drop, group: group.key, yearGroup: "all")
            }
        }
        for yearGroup in academy.yearGroups {
            let counts = tally.inclusion(ofYearGroup: yearGroup)
            if counts.pupils > 0 {
                try writeRow(
                    counts, urn: academy.urn, drop: drop, group: PupilGroup.all.key,
                    yearGroup: YearGroupLabel.text(yearGroup))
            }
        }
    }

    /// Closes the file.
    consuming func finish() throws -> WrittenFile {
        try writer.finish()
    }

    private mutating func writeRow(
        _ counts: InclusionCounts, urn: Int, drop: DataDrop, group: String, yearGroup: String
    ) throws {
        writer.number(urn)
        writer.text(drop.academicYear)
        writer.text(drop.term.key)
        writer.text(group)
        writer.text(yearGroup)
        writer.number(counts.pupils)
        writer.number(counts.suspensions)
        writer.number(counts.pupilsSuspended)
        writer.number(counts.permanentExclusions)
        try writer.endRow()
    }
}
