import Foundation

/// The rows of a pupil-level export (`pupil_attendance`) summed by hand into the rows an
/// aggregate `attendance` and `inclusion` file would hold, the way the data-drop format
/// defines them: `all` year groups is Years 1–11 for attendance and every pupil for
/// inclusion; a pupil is persistently absent at absent ≥ 10% of possible, severely at ≥ 50%.
/// Written apart from trustboard's own ingest so that tests can check one against the other.
struct ExportRowSums {
    /// Attendance counts by "urn|pupil_group|year_group": pupils, possible, absent, authorised,
    /// unauthorised, persistent, severe (the aggregate file's order).
    var attendance: [String: [Int]] = [:]
    /// Inclusion counts by the same key: pupils, suspensions, pupils suspended, exclusions.
    var inclusion: [String: [Int]] = [:]

    /// Sums `rows`, each mapping the export's column names to values.
    init(rows: [[String: String]]) {
        for row in rows {
            let urn = row["urn"] ?? ""
            let yearGroup = row["year_group"] ?? ""
            let number = { (column: String) in Int(row[column] ?? "") ?? 0 }
            let possible = number("possible_sessions")
            let authorised = number("authorised_sessions")
            let unauthorised = number("unauthorised_sessions")
            let absent = authorised + unauthorised
            let suspensions = number("suspensions")
            let attendanceCounts = [
                1, possible, absent, authorised, unauthorised, absent * 10 >= possible ? 1 : 0,
                absent * 2 >= possible ? 1 : 0,
            ]
            let inclusionCounts = [
                1, suspensions, suspensions > 0 ? 1 : 0, row["permanently_excluded"] == "Y" ? 1 : 0,
            ]
            var groups = ["all"]
            groups.append(row["disadvantaged"] == "Y" ? "disadvantaged" : "not_disadvantaged")
            groups.append(["K": "sen_support", "E": "ehcp"][row["sen"] ?? ""] ?? "no_sen")
            if row["eal"] == "Y" { groups.append("eal") }
            groups.append(row["sex"] == "F" ? "girls" : "boys")
            let compulsory = Int(yearGroup).map { (1...11).contains($0) } ?? false
            for group in groups {
                if compulsory { add(attendanceCounts, to: &attendance, "\(urn)|\(group)|all") }
                add(inclusionCounts, to: &inclusion, "\(urn)|\(group)|all")
            }
            add(attendanceCounts, to: &attendance, "\(urn)|all|\(yearGroup)")
            add(inclusionCounts, to: &inclusion, "\(urn)|all|\(yearGroup)")
        }
    }

    /// The export file of one drop at `url` (the generator's: no quoted fields, LF line ends)
    /// summed into the lines its aggregate `attendance` file would have: `urn,academic_year,
    /// term,pupil_group,year_group,pupils,possible_sessions,absent_sessions,…` as that file
    /// orders its columns.
    static func attendanceLines(ofExportAt url: URL) throws -> [String] {
        let rows = try PlainCSV(url: url).rows
        guard let first = rows.first else { return [] }
        let drop = "\(first["academic_year"] ?? ""),\(first["term"] ?? "")"
        return ExportRowSums(rows: rows).attendance.sorted { $0.key < $1.key }.map { key, counts in
            let parts = key.split(separator: "|")
            return "\(parts[0]),\(drop),\(parts[1]),\(parts[2]),"
                + counts.map(String.init).joined(separator: ",")
        }
    }

    /// How many attendance and inclusion lines trustboard makes of the export at `url`: one
    /// for each pupil group in all year groups, and one for all pupils in each year group,
    /// that has a pupil in it (for attendance, a pupil with a possible session, and in all
    /// year groups only Years 1–11). A group's own year-group lines are not made: the
    /// aggregate files do not give them either.
    static func lineCounts(ofExportAt url: URL) throws -> (attendance: Int, inclusion: Int) {
        var attendance: Set<String> = []
        var inclusion: Set<String> = []
        for row in try PlainCSV(url: url).rows {
            let urn = row["urn"] ?? ""
            let yearGroup = row["year_group"] ?? ""
            var groups = ["all", row["disadvantaged"] == "Y" ? "disadvantaged" : "not_disadvantaged"]
            groups.append(["K": "sen_support", "E": "ehcp"][row["sen"] ?? ""] ?? "no_sen")
            if row["eal"] == "Y" { groups.append("eal") }
            groups.append(row["sex"] == "F" ? "girls" : "boys")
            let compulsory = Int(yearGroup).map { (1...11).contains($0) } ?? false
            let attends = (Int(row["possible_sessions"] ?? "") ?? 0) > 0
            for group in groups {
                inclusion.insert("\(urn)|\(group)|all")
                if attends && compulsory { attendance.insert("\(urn)|\(group)|all") }
            }
            inclusion.insert("\(urn)|all|\(yearGroup)")
            if attends { attendance.insert("\(urn)|all|\(yearGroup)") }
        }
        return (attendance.count, inclusion.count)
    }

    private func add(_ counts: [Int], to table: inout [String: [Int]], _ key: String) {
        table[key] = zip(table[key] ?? counts.map { _ in 0 }, counts).map { $0 + $1 }
    }
}
