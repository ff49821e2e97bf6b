/// The checks of a pupil-level export (`pupil_attendance`), row by row. No message ever
/// holds a pupil's reference: each says "the pupil on line N".
extension DropFileParser {
    /// The longest pupil reference accepted, in characters.
    static let longestPupilRef = 40

    /// Reads the current row as one pupil and, when it is sound, adds the pupil to the
    /// file's sums.
    mutating func readPupil(into batch: inout DropBatch) {
        let urn = urn()
        let drop = drop()
        let ref = pupilRef()
        let yearGroup = pupilYearGroup()
        let sex = word(.sex, Self.sexes, what: "a sex code")
        let disadvantaged = word(.disadvantaged, Self.disadvantage, what: "Y or N")
        let sen = word(.sen, Self.senCodes, what: "a SEN code")
        let eal = word(.eal, Self.yesNo, what: "Y or N")
        let possible = count(.possibleSessions)
        let present = count(.presentSessions)
        let aea = count(.aeaSessions)
        let authorised = count(.authorisedSessions)
        let unauthorised = count(.unauthorisedSessions)
        let codes = DropFileKind.attendanceCodes.map { count($0, required: false) }
        let suspensions = isAbsent(.suspensions) ? nil : pupilCount(.suspensions)
        let excluded =
            isAbsent(.permanentlyExcluded) ? nil : word(.permanentlyExcluded, Self.yesNo, what: "Y or N")
        let row = line
        if let possible, let present, let aea, let authorised, let unauthorised {
            let sum = present + aea + authorised + unauthorised
            crossCheck(
                sum == possible, column: "possible_sessions", value: possible,
                "is not present + aea + authorised + unauthorised sessions "
                    + "(\(present) + \(aea) + \(authorised) + \(unauthorised) = \(sum)) for the pupil on line \(row)",
                fix: "every possible session has one present, approved-activity or absence code; sessions "
                    + "coded D, X, Y1–Y7, Z or # are not possible sessions and belong in none of the columns")
        }
        let authorisedCodes = Array(codes.prefix(DropFileKind.authorisedCodes.count))
        let unauthorisedCodes = Array(codes.suffix(DropFileKind.unauthorisedCodes.count))
        checkCodes(authorisedCodes, add: authorised, column: .authorisedSessions, what: "authorised")
        checkCodes(unauthorisedCodes, add: unauthorised, column: .unauthorisedSessions, what: "unauthorised")
        if !rowIsSound, let urn { batch.rejectedRows.append(Sourced(urn, file: fileIndex, line: line)) }
        // Taken out while it changes, so that its sums are not copied on every row.
        guard let urn, let drop, let ref, var aggregate = pupils.take() else { return }
        defer { pupils = aggregate }
        // A pupil given twice is found even when one of the rows has another error.
        if let first = aggregate.firstLine(of: ref, urn: urn, drop: drop, line: line) {
            log.error(
                line: line, column: "pupil_ref",
                "the pupil on line \(line) has the same pupil_ref as the pupil on line \(first), "
                    + "for \(urn), \(drop)",
                fix: "give each pupil once for an academy and drop: remove one of the two rows, or correct "
                    + "the reference of one")
        }
        if rowIsSound, let yearGroup, let sex, let disadvantaged, let sen, let eal, let possible,
            let authorised, let unauthorised
        {
            let pupil = PupilAggregate.Pupil(
                yearGroup: yearGroup, groups: [disadvantaged, sen, sex] + (eal ? [.eal] : []),
                possible: possible, authorised: authorised, unauthorised: unauthorised,
                codeSessions: codes.map { $0 ?? 0 }, suspensions: suspensions, permanentlyExcluded: excluded)
            aggregate.add(pupil, urn: urn, drop: drop, line: line)
        }
    }

    /// The pupil reference's bytes: 1–40 printable characters. Its errors never show it.
    private mutating func pupilRef() -> [UInt8]? {
        guard let field = field(.pupilRef) else { return nil }
        let range = trimmed(field)
        // The common case, printable ASCII (a UPN, an admission number): its bytes are its
        // characters, with nothing to look up.
        if !range.isEmpty, range.count <= Self.longestPupilRef, !field.hasControl, !field.hasDoubledQuotes,
            range.allSatisfy({ (0x20...0x7E).contains(bytes[$0]) })
        {
            return Array(bytes[range])
        }
        let problem: String?
        let text = range.isEmpty ? "" : text(field)
        if range.isEmpty {
            problem = "is empty for the pupil on line \(line)"
        } else if field.hasControl
            || text.unicodeScalars.contains(where: {
                TerminalText.isControl($0) || TerminalText.isReordering($0) || TerminalText.isInvisible($0)
            })
        {
            problem = "holds a character that cannot be printed for the pupil on line \(line)"
        } else if text.count > Self.longestPupilRef {
            problem = "is longer than \(Self.longestPupilRef) characters for the pupil on line \(line)"
        } else {
            problem = nil
        }
        if let problem {
            log.error(
                line: line, column: "pupil_ref", problem,
                fix: "give the MIS's own identifier (UPN or admission number), 1–\(Self.longestPupilRef) "
                    + "printable characters")
            return nil
        }
        return Array(text.utf8)
    }

    /// The pupil's actual year group: `N`, `R` or `1`–`13`, never `all`.
    private mutating func pupilYearGroup() -> YearGroup? {
        guard let yearGroup = word(.yearGroup, Self.pupilYearGroups, what: "a pupil's year group") else {
            return nil
        }
        return yearGroup
    }

    /// A count in an optional per-pupil column the file has: an empty cell is an error,
    /// since the group's total would be unknown.
    private mutating func pupilCount(_ column: Column) -> Int? {
        if isBlank(column) {
            log.error(
                line: line, column: column.header, "is empty for the pupil on line \(line)",
                fix: "write 0 if there were none, or leave the column out for every pupil")
            return nil
        }
        return count(column)
    }

    /// True when the file has no such column.
    private func isAbsent(_ column: Column) -> Bool { indexes[column.rawValue] < 0 }

    /// Checks that the code columns given on the row add up to `total`, a missing or empty
    /// one counting 0; nothing to check when the row gives none.
    private mutating func checkCodes(_ codes: [Int?], add total: Int?, column: Column, what: String) {
        guard let total, codes.contains(where: { $0 != nil }) else { return }
        let sum = codes.reduce(0) { $0 + ($1 ?? 0) }
        let row = line
        let columns =
            what == "authorised" ? DropFileKind.authorisedCodes : DropFileKind.unauthorisedCodes
        crossCheck(
            sum == total, column: column.header, value: total,
            "is not the sum of the \(what) code columns (\(sum)) for the pupil on line \(row)",
            fix: "make the \(what) codes (\(columns.map(\.exportName).joined(separator: ", "))) add up to "
                + "\(column.header), with an empty code counting 0")
    }

    static let sexes = Vocabulary([("f", PupilGroup.girls), ("m", .boys)])
    static let disadvantage = Vocabulary([("y", PupilGroup.disadvantaged), ("n", .notDisadvantaged)])
    static let senCodes = Vocabulary([("n", PupilGroup.noSen), ("k", .senSupport), ("e", .ehcp)])
    static let yesNo = Vocabulary([("y", true), ("n", false)])
    static let pupilYearGroups = Vocabulary(
        YearGroup.allCases.filter { $0 != .all }.map { ($0.rawValue.lowercased(), $0) })
}

extension Column {
    /// A code column's name as the export writes it: `code_C1`.
    var exportName: String {
        let name = header
        guard name.hasPrefix("code_") else { return name }
        return "code_" + name.dropFirst(5).uppercased()
    }
}
