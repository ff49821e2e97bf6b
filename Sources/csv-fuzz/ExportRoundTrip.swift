import Foundation
import Metrics

/// Checks that every academy name the reader accepted comes back out of the CSV and JSON
/// reports exactly: CSV after undoing the formula guard's leading `'`, JSON as it is. A
/// name that does not is a finding, and the process traps so that libFuzzer keeps the input.
func checkExports(of batch: DropBatch) {
    let drop = DataDrop(year: AcademicYear(2024), term: .spring)
    for academy in batch.academies.prefix(8).map(\.record) {
        let data = TrustData(
            trustName: academy.name, academies: [academy],
            attendance: [
                AttendanceRecord(
                    urn: academy.urn, drop: drop, pupils: 100, possibleSessions: 30_000,
                    absentSessions: 1_500,
                    persistentAbsentees: 10)
            ])
        let report = TrustReport(
            DropRater(data: data, drop: drop, config: RatingConfig()), trustName: academy.name)
        let csv = report.write(.csv)
        let rows = FuzzCSV.rows(csv)
        for row in rows.dropFirst() where row.count > 2 {
            let written = row[2]
            let name =
                written.hasPrefix("'") && !academy.name.hasPrefix("'") ? String(written.dropFirst()) : written
            guard name == academy.name else {
                preconditionFailure(
                    "CSV changed the name \(academy.name.debugDescription) into \(written.debugDescription)")
            }
        }
        guard let json = report.write(.json).data(using: .utf8),
            let decoded = try? JSONDecoder().decode([ReportRow].self, from: json)
        else {
            preconditionFailure("the JSON report of \(academy.name.debugDescription) does not decode")
        }
        for row in decoded where row.academy != academy.name {
            preconditionFailure(
                "JSON changed the name \(academy.name.debugDescription) into \(row.academy.debugDescription)")
        }
    }
}

/// A small RFC 4180 reader, written apart from trustboard's own so that the two check
/// each other: quoted fields, doubled quotes, and line breaks inside quotes.
enum FuzzCSV {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }
}
