import Testing

@testable import Metrics

/// The records a batch holds a million of are packed tightly; what they give back must be
/// exactly what they were made with, whatever the size of the figures.
@Suite("Compact records and the duplicate-key set")
struct CompactRecordTests {
    let drop = DataDrop(year: AcademicYear(2024), term: .spring)
    let urn = Fixtures.urn(900101)

    @Test func attainmentGivesBackItsCountsSmallOrBeyondFourBytes() {
        // 3,000,000,000 does not fit in four bytes; -5 and 0 do.
        for (cohort, expected, greaterDepth) in [
            (30, 18, 5 as Int?), (3_000_000_000, 2_999_999_999, nil), (-5, 0, 0),
        ] {
            var record = AttainmentRecord(
                urn: urn, drop: drop, yearGroup: .year(6), subject: .rwm, cohort: cohort, expected: expected,
                greaterDepth: greaterDepth, basis: .statutory)
            #expect(record.cohort == cohort)
            #expect(record.expected == expected)
            #expect(record.greaterDepth == greaterDepth)
            #expect(record.urn == urn && record.drop == drop && record.yearGroup == .year(6))
            #expect(record.subject == .rwm && record.basis == .statutory && record.group == .all)
            record.greaterDepth = nil
            #expect(record.greaterDepth == nil)
            #expect(record.cohort == cohort && record.expected == expected)
            record.cohort = Int.max
            #expect(record.cohort == Int.max && record.expected == expected)
        }
    }

    /// An attainment record holds no reference, whatever its counts, so a batch's million
    /// are copied and freed as plain bytes; and it is no larger than before.
    @Test func attainmentRecordsArePlainBytes() {
        #expect(_isPOD(AttainmentRecord.self))
        #expect(_isPOD(Sourced<AttainmentRecord>.self))
        #expect(MemoryLayout<AttainmentRecord>.stride <= 28)
        #expect(MemoryLayout<Sourced<AttainmentRecord>>.stride <= 40)
        let wide = AttainmentRecord(urn: urn, drop: drop, subject: .maths, cohort: 3_000_000_000, expected: 7)
        let same = AttainmentRecord(urn: urn, drop: drop, subject: .maths, cohort: 3_000_000_000, expected: 7)
        #expect(wide == same && wide.hashValue == same.hashValue)
        #expect(
            wide
                != AttainmentRecord(urn: urn, drop: drop, subject: .maths, cohort: 3_000_000_001, expected: 7)
        )
    }

    @Test func attainmentRecordsAreEqualWhenTheirFiguresAre() {
        let small = AttainmentRecord(urn: urn, drop: drop, subject: .maths, cohort: 30, expected: 18)
        var changed = small
        changed.cohort = 3_000_000_000
        #expect(changed != small)
        changed.cohort = 30
        #expect(changed == small)
        #expect(changed.hashValue == small.hashValue)
        // Greater depth of 0 is a figure; not given is not.
        var zero = small
        zero.greaterDepth = 0
        #expect(zero != small)
    }

    @Test func attendanceGivesBackEveryCountAndWhichOptionalOnesWereGiven() {
        let bands = AbsenceBands(underFive: 10, atRisk: 5, tenToTwenty: 3, twentyToFifty: 1, fiftyPlus: 1)
        var record = AttendanceRecord(
            urn: urn, drop: drop, group: .girls, yearGroup: .reception, pupils: 20, possibleSessions: 6000,
            absentSessions: 300, persistentAbsentees: 5, severeAbsentees: 1, authorisedAbsentSessions: nil,
            unauthorisedAbsentSessions: 120, absenceBands: bands)
        #expect(record.pupils == 20)
        #expect(record.possibleSessions == 6000)
        #expect(record.absentSessions == 300)
        #expect(record.persistentAbsentees == 5)
        #expect(record.severeAbsentees == 1)
        #expect(record.authorisedAbsentSessions == nil)
        #expect(record.unauthorisedAbsentSessions == 120)
        #expect(record.absenceBands == bands)
        #expect(record.group == .girls && record.yearGroup == .reception && record.urn == urn)
        // Past four bytes, and back.
        record.possibleSessions = 5_000_000_000
        record.authorisedAbsentSessions = 180
        record.severeAbsentees = nil
        record.absenceBands = nil
        #expect(record.possibleSessions == 5_000_000_000)
        #expect(record.authorisedAbsentSessions == 180)
        #expect(record.severeAbsentees == nil)
        #expect(record.absenceBands == nil)
        #expect(
            record.pupils == 20 && record.absentSessions == 300 && record.unauthorisedAbsentSessions == 120)
        record.possibleSessions = 6000
        let same = AttendanceRecord(
            urn: urn, drop: drop, group: .girls, yearGroup: .reception, pupils: 20, possibleSessions: 6000,
            absentSessions: 300, persistentAbsentees: 5, severeAbsentees: nil, authorisedAbsentSessions: 180,
            unauthorisedAbsentSessions: 120)
        #expect(record == same)
        #expect(record.hashValue == same.hashValue)
    }

    /// The records a store loads by the million are no larger than their fields need:
    /// attainment 48 bytes and attendance 80 before the drop and year group were packed.
    @Test func heldRecordsArePacked() {
        #expect(MemoryLayout<AcademicYear>.size == 2)
        #expect(MemoryLayout<DataDrop>.size == 3)
        #expect(MemoryLayout<YearGroup.Packed>.size == 1)
        #expect(MemoryLayout<AttainmentRecord>.stride == 28)
        #expect(MemoryLayout<AttendanceRecord>.stride == 56)
    }

    /// Every year group a record can hold comes back from its byte as itself, in every
    /// record that packs it: those the files give, and years past 13 a caller may make.
    @Test func everyYearGroupComesBackFromItsByte() {
        var seen = Set<YearGroup.Packed>()
        let past13: [YearGroup] = [.year(14), .year(20), .year(252), .year(253)]
        for yearGroup in YearGroup.allCases + past13 {
            let packed = YearGroup.Packed(yearGroup)
            #expect(packed.yearGroup == yearGroup)
            seen.insert(packed)
            var attainment = AttainmentRecord(
                urn: urn, drop: drop, yearGroup: yearGroup, subject: .maths, cohort: 10, expected: 5)
            #expect(attainment.yearGroup == yearGroup && attainment.drop == drop && attainment.urn == urn)
            attainment.yearGroup = .all
            #expect(attainment.yearGroup == .all && attainment.subject == .maths && attainment.cohort == 10)
            let attendance = AttendanceRecord(
                urn: urn, drop: drop, group: .eal, yearGroup: yearGroup, pupils: 7, possibleSessions: 70,
                absentSessions: 7, persistentAbsentees: 1)
            #expect(attendance.yearGroup == yearGroup && attendance.group == .eal && attendance.drop == drop)
        }
        #expect(seen.count == YearGroup.allCases.count + past13.count)
    }

    /// An academic year is held in two bytes; one read from outside (a store) must be a
    /// year of at most four digits, so that the year before it is one too.
    @Test func academicYearsReadFromOutsideAreFourDigitsAtMost() {
        #expect(AcademicYear(exactly: 2024) == AcademicYear(2024))
        #expect(AcademicYear(exactly: 2024)?.start == 2024)
        #expect(AcademicYear(exactly: 9999)?.description == "9999/00")
        #expect(AcademicYear(exactly: 1)?.previous.start == 0)
        for outside in [0, -1, 10_000, 40_000, Int.max, Int.min] {
            #expect(AcademicYear(exactly: outside) == nil)
        }
        #expect(AcademicYear(2025) > AcademicYear(2024))
        #expect(
            DataDrop(year: AcademicYear(2024), term: .summer)
                < DataDrop(year: AcademicYear(2025), term: .autumn))
    }

    @Test func sourcedKeepsItsFileAndLine() {
        var row = Sourced(urn, file: 3, line: 1_000_000_000_000)
        #expect(row.file == 3)
        #expect(row.line == 1_000_000_000_000)
        row.file = 16_777_215
        row.line = 1
        #expect(row.file == 16_777_215)
        #expect(row.line == 1)
        #expect(row.record == urn)
    }

    @Test func keySetFindsEveryKeyGivenAgainAcrossGrowing() {
        // Room for 4 keys at first, so 20,000 make it grow many times.
        var set = KeySet(capacity: 4)
        let keys = (0..<20_000).map { UInt64($0) &* 7_919 << 6 | UInt64($0 % 64) }
        var new = 0
        for key in keys where set.insert(key) { new += 1 }
        #expect(new == keys.count)
        var again = 0
        for key in keys where key % 3 == 0 { again += set.insert(key) ? 0 : 1 }
        #expect(again == keys.filter { $0 % 3 == 0 }.count)
        let edges: [UInt64] = [1 << 62, 1 << 62 | 1, 1 << 62, 1 << 62 | 1]
        var firstTimes: [Bool] = []
        for key in edges { firstTimes.append(set.insert(key)) }
        #expect(firstTimes == [true, true, false, false])
    }
}
