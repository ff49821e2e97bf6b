import Testing

@testable import Metrics

/// Complementary suppression on small hand-made trusts, each case worked out by hand.
@Suite("Small groups stay hidden, also by subtraction")
struct SmallGroupProtectionTests {
    static let drop = DataDrop(year: AcademicYear(2025), term: .spring)
    static let a = Fixtures.urn(300_001)
    static let b = Fixtures.urn(300_002)
    static let c = Fixtures.urn(300_003)

    static func row(
        _ urn: URN, _ group: PupilGroup = .all, _ year: YearGroup = .all, pupils: Int, possible: Int? = nil,
        absent: Int = 10, persistent: Int = 1
    ) -> AttendanceRecord {
        AttendanceRecord(
            urn: urn, drop: drop, group: group, yearGroup: year, pupils: pupils,
            possibleSessions: possible ?? pupils * 100, absentSessions: absent,
            persistentAbsentees: persistent)
    }

    static func hidden(_ records: [AttendanceRecord], academies: [URN]? = nil) -> Set<String> {
        let urns = academies ?? Array(Set(records.map(\.urn))).sorted()
        let data = TrustData(
            academies: urns.map { Academy(urn: $0, name: "A\($0)", phase: .primary) }, attendance: records)
        let rater = DropRater(data: data, drop: drop, config: RatingConfig())
        var names: Set<String> = []
        for rated in rater.academiesWithData.flatMap({ rater.rated($0) }) + rater.ratedTrust()
        where rated.figure.kpi == .attendanceRate && rated.rating == .suppressed {
            let owner = rated.figure.owner.urn.map { "\($0)" } ?? "trust"
            names.insert("\(owner) \(rated.figure.group.rawValue) \(rated.figure.yearGroup.rawValue)")
        }
        return names
    }

    @Test("girls under 6 with boys and all shown: boys are hidden too, all stays")
    func twoGroups() {
        // 40 = 36 boys + 4 girls; the girls are small, so the boys go too.
        let records = [
            Self.row(Self.a, pupils: 40), Self.row(Self.a, .boys, pupils: 36),
            Self.row(Self.a, .girls, pupils: 4),
            Self.row(Self.b, pupils: 300),
        ]
        // Only Ash has boys and girls, so the trust's are Ash's: hidden with them.
        #expect(
            Self.hidden(records) == [
                "300001 girls all", "300001 boys all", "trust girls all", "trust boys all",
            ])
    }

    @Test("SEN: 1 EHCP pupil hides the next smallest, SEN support (6), not no SEN (36)")
    func threeGroupsHideTheNextSmallest() {
        let records = [
            Self.row(Self.a, pupils: 43), Self.row(Self.a, .senSupport, pupils: 6),
            Self.row(Self.a, .ehcp, pupils: 1), Self.row(Self.a, .noSen, pupils: 36),
            Self.row(Self.b, pupils: 300),
        ]
        #expect(
            Self.hidden(records) == [
                "300001 ehcp all", "300001 sen_support all", "trust ehcp all", "trust sen_support all",
            ])
    }

    @Test("groups that do not add up to all are no partition, so nothing more is hidden")
    func aPartitionMustAddUp() {
        // 20 + 4 is not 40 pupils, nor 2,400 of 4,000 sessions.
        let records = [
            Self.row(Self.a, pupils: 40), Self.row(Self.a, .boys, pupils: 20),
            Self.row(Self.a, .girls, pupils: 4),
            Self.row(Self.b, pupils: 300),
        ]
        #expect(Self.hidden(records) == ["300001 girls all", "trust girls all"])
    }

    @Test("year groups: Years 1–11 make all pupils, Reception stands apart")
    func yearGroups() {
        // all = Year 1 (20) + Year 2 (3) = 23; Reception (30) is not part of it.
        let records = [
            Self.row(Self.a, pupils: 23), Self.row(Self.a, .all, .reception, pupils: 30),
            Self.row(Self.a, .all, .year(1), pupils: 20), Self.row(Self.a, .all, .year(2), pupils: 3),
            Self.row(Self.b, pupils: 300),
        ]
        #expect(Self.hidden(records) == ["300001 all 2", "300001 all 1", "trust all 2", "trust all 1"])
    }

    @Test("the trust: an academy under 6 hides the next smallest academy")
    func trustPartition() {
        // Trust = 4 + 50 + 300; the 4 would be the trust minus the others, so the 50 goes.
        let records = [
            Self.row(Self.a, pupils: 4), Self.row(Self.b, pupils: 50), Self.row(Self.c, pupils: 300),
        ]
        #expect(Self.hidden(records) == ["300001 all all", "300002 all all"])
    }

    @Test("the trust: hiding an academy's group for the trust's sake carries on inside that academy")
    func cascade() {
        // A's girls (4) hide A's boys (36). In the trust's girls, A's 4 is then one of two
        // hidden only if another academy's girls go: B's girls (30), the smallest shown, so
        // B's boys (20) go too, to protect B's girls. The trust's boys then have A's and B's
        // hidden: two, so nothing more.
        let records = [
            Self.row(Self.a, pupils: 40), Self.row(Self.a, .boys, pupils: 36),
            Self.row(Self.a, .girls, pupils: 4),
            Self.row(Self.b, pupils: 50), Self.row(Self.b, .boys, pupils: 20),
            Self.row(Self.b, .girls, pupils: 30),
            Self.row(Self.c, pupils: 300), Self.row(Self.c, .boys, pupils: 150),
            Self.row(Self.c, .girls, pupils: 150),
        ]
        #expect(
            Self.hidden(records) == [
                "300001 girls all", "300001 boys all", "300002 girls all", "300002 boys all",
            ])
    }

    @Test("a hidden figure says why it is hidden")
    func explanation() throws {
        let records = [
            Self.row(Self.a, pupils: 40), Self.row(Self.a, .boys, pupils: 36),
            Self.row(Self.a, .girls, pupils: 4),
            Self.row(Self.b, pupils: 300),
        ]
        let data = TrustData(
            academies: [
                Academy(urn: Self.a, name: "A", phase: .primary),
                Academy(urn: Self.b, name: "B", phase: .primary),
            ],
            attendance: records)
        let rated = DropRater(data: data, drop: Self.drop, config: RatingConfig()).rated(Self.a)
        let boys = try #require(rated.first { $0.figure.kpi == .attendanceRate && $0.figure.group == .boys })
        let girls = try #require(
            rated.first { $0.figure.kpi == .attendanceRate && $0.figure.group == .girls })
        #expect(boys.figure.suppressionNote == "hidden to protect a small group")
        #expect(girls.figure.suppressionNote == "fewer than 6 pupils")
        #expect(RatingExplanation(boys).lines.first?.text.contains("worked out by subtraction") == true)
        let row = ReportRow(boys, academy: nil, trustName: "T")
        #expect(row.value == nil && row.cohort == nil && row.rating == "suppressed")
    }
}
