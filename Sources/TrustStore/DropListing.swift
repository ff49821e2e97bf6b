import Metrics

/// One drop in the store: how much it holds and the files its rows came from.
public struct DropListing: Hashable, Sendable, CustomStringConvertible {
    /// The drop.
    public var drop: DataDrop
    /// Academies with at least one attendance, attainment or score row in the drop.
    public var academies: Int
    /// Attendance rows in the drop.
    public var attendanceRows: Int
    /// Attainment rows in the drop.
    public var attainmentRows: Int
    /// Score rows in the drop.
    public var scoreRows: Int
    /// Figures the DfE published without counts, in the drop.
    public var publishedRows: Int
    /// Inclusion rows (suspensions and permanent exclusions) in the drop.
    public var inclusionRows: Int
    /// The files the drop's rows now come from, in the order they were ingested. A file
    /// whose rows were all corrected by later files is no longer among them.
    public var files: [StoredFile]

    /// Makes a listing.
    public init(
        drop: DataDrop, academies: Int, attendanceRows: Int, attainmentRows: Int, scoreRows: Int,
        publishedRows: Int = 0, inclusionRows: Int = 0, files: [StoredFile]
    ) {
        self.drop = drop
        self.academies = academies
        self.attendanceRows = attendanceRows
        self.attainmentRows = attainmentRows
        self.scoreRows = scoreRows
        self.publishedRows = publishedRows
        self.inclusionRows = inclusionRows
        self.files = files
    }

    /// Rows of every kind in the drop.
    public var rows: Int { attendanceRows + attainmentRows + scoreRows + publishedRows + inclusionRows }

    /// "2024/25 spring: 12 academies, 540 attendance, 1200 attainment, 0 score rows; from
    /// attendance.csv (14 Mar 2026 10:42), attainment.csv (14 Mar 2026 10:42)"; published
    /// figures and inclusion rows are counted when the drop has any.
    public var description: String {
        let sources = files.map { "\($0.name) (\($0.ingestedAtText))" }.joined(separator: ", ")
        return "\(drop): \(academies) academ\(academies == 1 ? "y" : "ies"), \(rowCounts); from \(sources)"
    }

    /// "540 attendance, 1200 attainment, 0 score rows", then the published figures and
    /// inclusion rows when the drop has any: the rows of each kind, for any listing of a
    /// drop (the store's, or the bundled sample trust's).
    public var rowCounts: String {
        "\(attendanceRows) attendance, \(attainmentRows) attainment, \(scoreRows) score row\(scoreRows == 1 ? "" : "s")"
            + (publishedRows > 0 ? ", \(publishedRows) published figure\(publishedRows == 1 ? "" : "s")" : "")
            + (inclusionRows > 0 ? ", \(inclusionRows) inclusion row\(inclusionRows == 1 ? "" : "s")" : "")
    }
}
