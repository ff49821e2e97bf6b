/// The checks of each file kind, row by row.
extension DropFileParser {
    /// Reads the current row as its file's kind and adds it to `batch` when it is sound.
    mutating func readRow(into batch: inout DropBatch) {
        switch kind {
        case .academies: readAcademy(into: &batch)
        case .attendance: readAttendance(into: &batch)
        case .attainment: readAttainment(into: &batch)
        case .scores: readScore(into: &batch)
        case .benchmarks: readBenchmark(into: &batch)
        case .context: readContext(into: &batch)
        case .inclusion: readInclusion(into: &batch)
        case .pupilAttendance: readPupil(into: &batch)
        }
    }

    private mutating func readInclusion(into batch: inout DropBatch) {
        let urn = urn()
        let drop = drop()
        let group = pupilGroup()
        let yearGroup = yearGroup()
        let pupils = count(.pupils)
        let suspensions = count(.suspensions)
        let suspended = count(.pupilsSuspended)
        let excluded = count(.permanentExclusions)
        if let suspended, let pupils {
            crossCheck(
                suspended <= pupils, column: "pupils_suspended", value: suspended,
                "is more than pupils (\(pupils))",
                fix: "pupils suspended are pupils, so cannot outnumber them; check the export")
        }
        if let suspended, let suspensions {
            crossCheck(
                suspended <= suspensions, column: "pupils_suspended", value: suspended,
                "is more than suspensions (\(suspensions))",
                fix: "each pupil suspended had at least one suspension; check the two columns are not swapped"
            )
        }
        if let excluded, let pupils {
            crossCheck(
                excluded <= pupils, column: "permanent_exclusions", value: excluded,
                "is more than pupils (\(pupils))",
                fix: "each permanent exclusion is of one pupil on roll; check the export")
        }
        if !rowIsSound, let urn { batch.rejectedRows.append(Sourced(urn, file: fileIndex, line: line)) }
        guard rowIsSound, let urn, let drop, let group, let yearGroup, let pupils, let suspensions,
            let suspended,
            let excluded
        else { return }
        let record = InclusionRecord(
            urn: urn, drop: drop, group: group, yearGroup: yearGroup, pupils: pupils,
            suspensions: suspensions,
            pupilsSuspended: suspended, permanentExclusions: excluded)
        batch.inclusion.append(Sourced(record, file: fileIndex, line: line))
    }

    private mutating func readAcademy(into batch: inout DropBatch) {
        let urn = urn()
        let name = requiredText(.name)
        let phase = word(.phase, Vocabularies.phase, what: "a phase")
        let localAuthority = optionalText(.localAuthority)
        let sil = optionalText(.sil)
        let joined = optionalText(.joined)
        if let joined, !Self.isDate(joined) {
            log.error(
                line: line, column: "joined", value: joined, "is not a date",
                fix: "write the date the academy joined as YYYY-MM-DD, such as 2021-09-01")
        }
        let ofsted =
            isBlank(.ofsted) ? nil : word(.ofsted, Vocabularies.ofsted, what: "an Ofsted judgement")
        guard rowIsSound, let urn, let name, let phase else { return }
        let academy = Academy(
            urn: urn, name: name, phase: phase, localAuthority: localAuthority, sil: sil, joined: joined,
            ofsted: ofsted)
        batch.academies.append(Sourced(academy, file: fileIndex, line: line))
    }

    private mutating func readAttendance(into batch: inout DropBatch) {
        let urn = urn()
        let drop = drop()
        let group = pupilGroup()
        let yearGroup = yearGroup()
        let pupils = count(.pupils)
        let possible = count(.possibleSessions)
        let absent = count(.absentSessions)
        let persistent = count(.persistentAbsentees)
        let severe = count(.severeAbsentees, required: false)
        let authorised = count(.authorisedAbsentSessions, required: false)
        let unauthorised = count(.unauthorisedAbsentSessions, required: false)
        let reasons = readReasons(absent: absent, authorised: authorised, unauthorised: unauthorised)
        if let absent, let possible {
            crossCheck(
                absent <= possible, column: "absent_sessions", value: absent,
                "is more than possible_sessions (\(possible))",
                fix: "absent sessions are part of possible sessions, so cannot exceed them; check the export")
        }
        if let persistent, let pupils {
            crossCheck(
                persistent <= pupils, column: "persistent_absentees", value: persistent,
                "is more than pupils (\(pupils))",
                fix: "persistent absentees are pupils, so cannot outnumber them; check the export")
        }
        if let severe, let persistent {
            crossCheck(
                severe <= persistent, column: "severe_absentees", value: severe,
                "is more than persistent_absentees (\(persistent))",
                fix: "every severe absentee (50%+) is also a persistent absentee (10%+); check the export")
        }
        if let authorised, let unauthorised, let absent {
            crossCheck(
                authorised + unauthorised == absent, column: "absent_sessions", value: absent,
                "is not authorised_absent_sessions + unauthorised_absent_sessions "
                    + "(\(authorised) + \(unauthorised) = \(authorised + unauthorised))",
                fix: "make absent_sessions the sum of the two, or leave both parts empty")
        }
        if let pupils, let possible {
            crossCheck(
                pupils == 0 || possible > 0, column: "possible_sessions", value: possible,
                "is 0 although pupils is \(pupils)",
                fix: "give the sessions those pupils could have attended, or 0 pupils")
        }
        let bands = absenceBands(pupils: pupils, persistent: persistent, severe: severe)
        if !rowIsSound, let urn { batch.rejectedRows.append(Sourced(urn, file: fileIndex, line: line)) }
        guard rowIsSound, let urn, let drop, let group, let yearGroup, let pupils, let possible, let absent,
            let persistent
        else { return }
        let record = AttendanceRecord(
            urn: urn, drop: drop, group: group, yearGroup: yearGroup, pupils: pupils,
            possibleSessions: possible,
            absentSessions: absent, persistentAbsentees: persistent, severeAbsentees: severe,
            authorisedAbsentSessions: authorised, unauthorisedAbsentSessions: unauthorised,
            absenceBands: bands, reasons: reasons)
        batch.attendance.append(Sourced(record, file: fileIndex, line: line))
    }

    private mutating func readAttainment(into batch: inout DropBatch) {
        let urn = urn()
        let drop = drop()
        let group = pupilGroup()
        let yearGroup = yearGroup()
        let subject = word(.subject, Vocabularies.subject, what: "a subject")
        let cohort = count(.cohort)
        let expected = count(.expected)
        let greaterDepth = count(.greaterDepth, required: false)
        let basis = word(.basis, Vocabularies.basis, what: "a basis", fallback: .teacherAssessment)
        if let expected, let cohort {
            crossCheck(
                expected <= cohort, column: "expected", value: expected, "is more than cohort (\(cohort))",
                fix: "pupils at the expected standard are part of the cohort; check the export")
        }
        if let greaterDepth, let expected {
            crossCheck(
                greaterDepth <= expected, column: "greater_depth", value: greaterDepth,
                "is more than expected (\(expected))",
                fix:
                    "pupils at greater depth also count as at the expected standard, so expected ≥ greater_depth"
            )
        }
        if !rowIsSound, let urn { batch.rejectedRows.append(Sourced(urn, file: fileIndex, line: line)) }
        guard rowIsSound, let urn, let drop, let group, let yearGroup, let subject, let cohort, let expected,
            let basis
        else { return }
        let record = AttainmentRecord(
            urn: urn, drop: drop, group: group, yearGroup: yearGroup, subject: subject, cohort: cohort,
            expected: expected, greaterDepth: greaterDepth, basis: basis)
        batch.attainment.append(Sourced(record, file: fileIndex, line: line))
    }

    private mutating func readScore(into batch: inout DropBatch) {
        let urn = urn()
        let drop = drop()
        let group = pupilGroup()
        let yearGroup = yearGroup()
        let measure = word(.measure, Vocabularies.scoreMeasure, what: "a score measure")
        let cohort = count(.cohort)
        let average = decimal(
            .average, allowNegative: measure == .progress8 || measure == nil, what: "an average score")
        if !rowIsSound, let urn { batch.rejectedRows.append(Sourced(urn, file: fileIndex, line: line)) }
        guard rowIsSound, let urn, let drop, let group, let yearGroup, let measure, let cohort, let average
        else { return }
        let record = ScoreRecord(
            urn: urn, drop: drop, group: group, yearGroup: yearGroup, measure: measure, cohort: cohort,
            average: average)
        batch.scores.append(Sourced(record, file: fileIndex, line: line))
    }

    private mutating func readBenchmark(into batch: inout DropBatch) {
        let drop = drop(defaultTerm: .summer)
        let kpi = word(.measure, Vocabularies.kpi, what: "a KPI key")
        let phase = isBlank(.phase) ? nil : word(.phase, Vocabularies.phase, what: "a phase")
        let group = pupilGroup()
        var scope = Benchmark.Scope.national
        if let text = optionalText(.scope) {
            if let parsed = Benchmark.Scope(parsing: text) {
                scope = parsed
            } else {
                log.error(
                    line: line, column: "scope", value: text, "is not a scope",
                    fix: "write national, or la: and the local authority's name, such as la:Bradford")
            }
        }
        let source = optionalText(.source)
        let value = decimal(.value, allowNegative: kpi?.isProgress ?? true, what: "a figure")
        if let value, let kpi, kpi.isPercentage, value > 100 {
            log.error(
                line: line, column: "value", value: String(value), "is over 100 for a percentage",
                fix: "write \(kpi.key) as a percentage from 0 to 100, such as 94.5")
        }
        guard rowIsSound, let drop, let kpi, let group, let value else { return }
        let benchmark = Benchmark(
            kpi: kpi, year: drop.year, term: drop.term, phase: phase, group: group, scope: scope,
            value: value,
            source: source)
        batch.benchmarks.append(Sourced(benchmark, file: fileIndex, line: line))
    }

    /// True for a real calendar date written YYYY-MM-DD.
    static func isDate(_ text: String) -> Bool {
        if let date = plainDate(text) { return date }
        return isDateByParts(text)
    }

    /// Whether `text` is a real date, for text of ten ASCII bytes with digits but for
    /// hyphens at the fifth and eighth, as every date in a drop is; nil for other text,
    /// which `isDateByParts` decides. Reading the digits in place spares splitting the
    /// text and parsing each part, which took a third of the time of reading a national
    /// academies file.
    static func plainDate(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
                return nil
            }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- 0x30
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
                return nil
            }
            return isDate(year: year, month: month, day: day)
        }
    }

    /// `isDate` for any text: split at its hyphens, each part parsed as a number.
    static func isDateByParts(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1900...2200).contains(year), (1...12).contains(month)
        else { return false }
        return isDate(year: year, month: month, day: day)
    }

    /// True when the day is in the month, in a year from 1900 to 2200.
    private static func isDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1900...2200).contains(year), (1...12).contains(month) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days =
            switch month {
            case 2: leap ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        return (1...days).contains(day)
    }
}
