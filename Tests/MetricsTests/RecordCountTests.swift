import Testing

@testable import Metrics

/// The counts catalogue measures are computed from, read by a switch (`RecordCount`):
/// every name the catalogue may give resolves, and reads what the record holds by that
/// name, on seeded records with and without each optional count.
@Suite struct RecordCountTests {
    /// A record with counts from `random`, each optional count, the bands and each reason
    /// given or not.
    private func attendance(_ random: inout SplitMix) throws -> AttendanceRecord {
        let urn = try #require(URN(100_000 + random.int(0...999)))
        let possible = random.int(0...100_000)
        let absent = random.int(0...possible)
        func sometimes() -> Int? { random.chance(50) ? random.int(0...absent) : nil }
        var reasons = AttendanceReasons()
        for reason in AbsenceReason.allCases where random.chance(30) {
            reasons[reason] = random.int(0...absent)
        }
        let bands =
            random.chance(50)
            ? AbsenceBands(
                underFive: random.int(0...99), atRisk: random.int(0...99), tenToTwenty: random.int(0...99),
                twentyToFifty: random.int(0...99), fiftyPlus: random.int(0...99)) : nil
        return AttendanceRecord(
            urn: urn, drop: DataDrop(year: AcademicYear(2024), term: .summer), pupils: random.int(0...2_000),
            possibleSessions: possible, absentSessions: absent, persistentAbsentees: random.int(0...500),
            severeAbsentees: sometimes(), authorisedAbsentSessions: sometimes(),
            unauthorisedAbsentSessions: sometimes(),
            absenceBands: bands, reasons: reasons)
    }

    /// Each count name with what `record` holds by it, written out here.
    private static func held(in record: AttendanceRecord) -> [(name: String, value: Int?)] {
        let bands = record.absenceBands
        var held: [(name: String, value: Int?)] = []
        held.append(("pupils", record.pupils))
        held.append(("possible_sessions", record.possibleSessions))
        held.append(("absent_sessions", record.absentSessions))
        held.append(("attended_sessions", record.possibleSessions - record.absentSessions))
        held.append(("persistent_absentees", record.persistentAbsentees))
        held.append(("severe_absentees", record.severeAbsentees))
        held.append(("authorised_absent_sessions", record.authorisedAbsentSessions))
        held.append(("unauthorised_absent_sessions", record.unauthorisedAbsentSessions))
        held.append(("band_under_5", bands?.underFive))
        held.append(("band_5_to_10", bands?.atRisk))
        held.append(("band_10_to_20", bands?.tenToTwenty))
        held.append(("band_20_to_50", bands?.twentyToFifty))
        held.append(("band_50_plus", bands?.fiftyPlus))
        for reason in AbsenceReason.allCases { held.append((reason.countName, record.reasons[reason])) }
        return held
    }

    @Test func attendanceCountsReadWhatTheRecordHolds() throws {
        var random = SplitMix(state: 15)
        // Every value column has a count of its name, and the counts are told apart.
        for name in AttendanceRecord.valueNames { #expect(AttendanceCount(named: name) != nil, "\(name)") }
        let names = try Self.held(in: attendance(&random)).map(\.name)
        let counts = try names.map { try #require(AttendanceCount(named: $0), "\($0)") }
        #expect(Set(counts).count == counts.count)
        #expect(AttendanceCount(named: "suspensions") == nil)
        #expect(AttendanceCount(named: "") == nil)
        var lacking = Set<String>()
        for _ in 0..<500 {
            let record = try attendance(&random)
            for ((name, held), count) in zip(Self.held(in: record), counts) {
                #expect(count.value(in: record) == held, "\(name)")
                #expect(AttendanceRecord.count(named: name)?(record) == held, "\(name)")
                if held == nil { lacking.insert(name) }
            }
        }
        // Some records lacked each kind of optional count.
        #expect(lacking.contains("severe_absentees") && lacking.contains("band_50_plus"))
        #expect(lacking.contains(AbsenceReason.illness.countName))
    }

    @Test func inclusionCountsReadWhatTheRecordHolds() throws {
        var random = SplitMix(state: 16)
        let names: [(String, (InclusionRecord) -> Int)] = [
            ("pupils", { $0.pupils }), ("suspensions", { $0.suspensions }),
            ("pupils_suspended", { $0.pupilsSuspended }),
            ("permanent_exclusions", { $0.permanentExclusions }),
        ]
        #expect(names.map(\.0) == InclusionRecord.valueNames)
        #expect(InclusionCount(named: "absent_sessions") == nil)
        for _ in 0..<200 {
            let record = InclusionRecord(
                urn: try #require(URN(100_000 + random.int(0...999))),
                drop: DataDrop(year: AcademicYear(2024), term: .spring), pupils: random.int(0...2_000),
                suspensions: random.int(0...300), pupilsSuspended: random.int(0...100),
                permanentExclusions: random.int(0...5))
            for (name, held) in names {
                #expect(
                    try #require(InclusionCount(named: name)).value(in: record) == held(record), "\(name)")
                #expect(InclusionRecord.count(named: name)?(record) == held(record), "\(name)")
            }
        }
    }
}
