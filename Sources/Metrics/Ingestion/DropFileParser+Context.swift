/// The checks of a `context` file: an academy's intake for a year.
extension DropFileParser {
    /// The text a `context` cell holds for a characteristic that is not known.
    static let notKnown = "NA"

    /// Reads a `context` row: `urn`, `academic_year`, `pupils` (a count), and the four
    /// percentages (0–100). Each characteristic may be `NA` (in any case) when it is not
    /// known; an empty cell is an error, as in every required column, so that a value
    /// left out by mistake is not taken for one not known. SEN support and EHCP are
    /// separate groups of pupils, so together they are at most 100%.
    mutating func readContext(into batch: inout DropBatch) {
        let urn = urn()
        let year = academicYear()
        let pupils = isNotKnown(.pupils) ? nil : pupilCount()
        let disadvantaged = percent(.disadvantagedPercent)
        let eal = percent(.ealPercent)
        let senSupport = percent(.senSupportPercent)
        let ehcp = percent(.ehcpPercent)
        if let senSupport, let ehcp, senSupport + ehcp > 100 {
            log.error(
                line: line, column: Column.ehcpPercent.header, value: text(of: .ehcpPercent),
                "and sen_support_percent (\(text(of: .senSupportPercent))) add up to more than 100",
                fix: "a pupil is on SEN support or has an EHC plan, not both; check the two columns")
        }
        if !rowIsSound, let urn { batch.rejectedRows.append(Sourced(urn, file: fileIndex, line: line)) }
        guard rowIsSound, let urn, let year else { return }
        let context = SchoolContext(
            urn: urn, year: year, pupils: pupils, disadvantagedPercent: disadvantaged, ealPercent: eal,
            senSupportPercent: senSupport, ehcpPercent: ehcp)
        batch.context.append(Sourced(context, file: fileIndex, line: line))
    }

    /// True when the cell of `column` says the value is not known (`NA`, in any case).
    private func isNotKnown(_ column: Column) -> Bool {
        guard let field = field(column) else { return false }
        return text(field).uppercased() == Self.notKnown
    }

    /// The trimmed text of the cell of `column`, or "" when the file has no such column.
    private func text(of column: Column) -> String {
        field(column).map(text) ?? ""
    }

    /// A percentage from 0 to 100, or nil for `NA`; nil (and an error) for an empty cell
    /// or anything else.
    private mutating func percent(_ column: Column) -> Double? {
        guard let field = field(column), !isNotKnown(column) else { return nil }
        let range = trimmed(field)
        let fix = "write a percentage from 0 to 100 with no % sign, such as 23.5, or NA when it is not known"
        if range.isEmpty {
            log.error(line: line, column: column.header, "is empty", fix: fix)
            return nil
        }
        guard let value = Self.parseDecimal(bytes, range), value >= 0 else {
            log.error(line: line, column: column.header, value: text(field), "is not a percentage", fix: fix)
            return nil
        }
        guard value <= 100 else {
            log.error(
                line: line, column: column.header, value: text(field), "is over 100 for a percentage",
                fix: fix)
            return nil
        }
        // -0 is 0: stored and shown as 0.0, never as -0.0.
        return value == 0 ? 0 : value
    }

    /// The pupils on roll: a count; an empty cell is an error that says `NA` is allowed.
    private mutating func pupilCount() -> Int? {
        if let field = field(.pupils), trimmed(field).isEmpty {
            log.error(
                line: line, column: Column.pupils.header, "is empty",
                fix: "write the pupils on roll in plain digits, such as 412, or NA when it is not known")
            return nil
        }
        return count(.pupils)
    }
}
