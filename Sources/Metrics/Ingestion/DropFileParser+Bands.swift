/// The optional absence-band columns of the `attendance` file.
extension DropFileParser {
    /// The band columns, lowest band first.
    static let bandColumns: [Column] = [.bandUnder5, .band5To10, .band10To20, .band20To50, .band50Plus]

    /// The row's absence bands: nil when none is given. All five or none: given, they must
    /// add up to `pupils`, the three from 10% up to `persistent`, and the last to `severe`.
    mutating func absenceBands(pupils: Int?, persistent: Int?, severe: Int?) -> AbsenceBands? {
        // Most files give no bands: nothing to read, and no array made for each row.
        guard givesBands else { return nil }
        let counts = Self.bandColumns.map { count($0, required: false) }
        let given = counts.compactMap { $0 }
        guard !given.isEmpty else { return nil }
        guard given.count == counts.count else {
            let missing = zip(Self.bandColumns, counts).filter { $0.1 == nil }.map(\.0.header)
            log.error(
                line: line, column: missing[0],
                "is empty while other absence bands are given",
                fix: "give all five band columns (\(Self.bandColumns.map(\.header).joined(separator: ", "))) "
                    + "or none; write 0 for a band with no pupils")
            return nil
        }
        let bands = AbsenceBands(
            underFive: given[0], atRisk: given[1], tenToTwenty: given[2], twentyToFifty: given[3],
            fiftyPlus: given[4])
        if let pupils {
            crossCheck(
                bands.pupils == pupils, column: "pupils", value: pupils,
                "is not the sum of the five absence bands (\(bands.counts.map(String.init).joined(separator: " + "))"
                    + " = \(bands.pupils))",
                fix: "each pupil is in exactly one band; check the band columns against pupils")
        }
        if let persistent {
            crossCheck(
                bands.persistent == persistent, column: "persistent_absentees", value: persistent,
                "is not band_10_to_20 + band_20_to_50 + band_50_plus "
                    + "(\(bands.tenToTwenty) + \(bands.twentyToFifty) + \(bands.fiftyPlus) = \(bands.persistent))",
                fix: "the persistently absent are the pupils who missed 10% or more: the three top bands")
        }
        if let severe {
            crossCheck(
                bands.fiftyPlus == severe, column: "severe_absentees", value: severe,
                "is not band_50_plus (\(bands.fiftyPlus))",
                fix: "the severely absent are the pupils who missed 50% or more: the top band")
        }
        return bands
    }
}
