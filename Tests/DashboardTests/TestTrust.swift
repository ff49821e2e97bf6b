import Dashboard
import Metrics

/// A small trust built by hand for the dashboard's tests. Every figure the tests and
/// golden files show is worked out here from the rows, against the built-in national
/// benchmarks for 2025/26 spring (the DfE's 2024/25 autumn-and-spring absence: primary
/// 5.16, secondary 8.09, special 12.77, so attendance 94.84, 91.91, 87.23; KS2 RWM 62 and
/// Attainment 8 46.0 for 2024/25), and the test's own `recentBenchmarks` for persistent
/// and severe absence, of which no DfE figure recent enough is built in.
///
/// 2025/26 spring, all pupils:
/// - Alder Primary: 2,500 of 50,000 sessions missed → attendance 95.0 (green ≥ 94.84),
///   a year ago 2,850 of 47,500 → 94.0, change +1.0; PA 30 of 200 → 15.0 (amber ≤ 19.56),
///   was 38 of 190 = 20.0, −5.0; severe 4 of 200 → 2.0 (green ≤ 2.3), was 3 of 190 = 1.6,
///   +0.4; Year 6 RWM 18 of 30 → 60.0 (amber ≥ 57), was 16 of 28 = 57.1, +2.9.
/// - Birch Academy: 22,500 of 250,000 → 91.0 (amber ≥ 90.91), was 20,825 of 245,000 = 91.5,
///   −0.5; PA 260 of 1,000 → 26.0 (amber ≤ 30.56), was 245 of 980 = 25.0, +1.0; severe 25 of
///   1,000 → 2.5 (amber ≤ 3.3), was 20 of 980 = 2.0, +0.5; Attainment 8 44.3 (amber ≥ 44.0),
///   was 45.1, −0.8.
/// - St Cedar’s C of E Primary: 6,000 of 75,000 → 92.0 (red < 93.84), was 5,425 of 77,500 =
///   93.0, −1.0; PA 60 of 300 → 20.0 (red > 19.56), was 40 of 310 = 12.9, +7.1; severe 9 of
///   300 → 3.0 (amber), was 6 of 310 = 1.9, +1.1; RWM 17 of 29 → 58.6 (amber), was 21 of 30
///   = 70.0, −11.4.
/// - Damson School (5 pupils) and Elm Hospital School (4 pupils): every figure suppressed;
///   special schools and alternative provision have no headline. There are two of them so
///   that the trust's figures do not give either away: with one, the trust minus the other
///   academies would be its figure, and the smallest other academy (Alder) would be
///   hidden to protect it.
/// - Trust-wide, the same five academies in both years, against each academy's own
///   benchmark weighted by the trust's counts: 31,333 of 377,250 missed → 91.7, was 29,450
///   of 372,250 = 92.1, −0.4, not rated (Elm, alternative provision, has no national
///   figure); PA 353 of 1,509 → 23.4, was 325 of 1,489 = 21.8, +1.6, not rated (no
///   special-school figure for Damson); severe 38 of 1,500 → 2.5 (amber: Damson and Elm
///   gave none, and Alder, Birch and Cedar all have the 2.3), was 29 of 1,480 = 2.0, +0.5;
///   RWM 35 of 59 → 59.3 (amber against the primaries' 62), was 37 of 58 = 63.8, −4.5.
enum TestTrust {
    static let now = DataDrop(year: AcademicYear(2025), term: .spring)
    static let lastYear = DataDrop(year: AcademicYear(2024), term: .spring)

    static func urn(_ value: Int) -> URN {
        guard let urn = URN(value) else { preconditionFailure("bad test URN") }
        return urn
    }

    static let alder = urn(100_101)
    static let birch = urn(100_102)
    static let cedar = urn(100_103)
    static let damson = urn(100_104)
    static let elm = urn(100_105)

    static let academies = [
        Academy(urn: alder, name: "Alder Primary", phase: .primary, sil: "A. Shah"),
        Academy(urn: birch, name: "Birch Academy", phase: .secondary, sil: "B. Jones"),
        Academy(urn: cedar, name: "St Cedar’s C of E Primary", phase: .primary, sil: "A. Shah"),
        Academy(urn: damson, name: "Damson School", phase: .special, sil: "B. Jones"),
        Academy(urn: elm, name: "Elm Hospital School", phase: .alternativeProvision, sil: "B. Jones"),
    ]

    static func attendance(
        _ urn: URN, _ drop: DataDrop, _ group: PupilGroup = .all, pupils: Int, possible: Int, absent: Int,
        persistent: Int, severe: Int?
    ) -> AttendanceRecord {
        AttendanceRecord(
            urn: urn, drop: drop, group: group, pupils: pupils, possibleSessions: possible,
            absentSessions: absent,
            persistentAbsentees: persistent, severeAbsentees: severe)
    }

    static let data = TrustData(
        trustName: "Test Learning Trust",
        academies: academies,
        attendance: [
            attendance(alder, now, pupils: 200, possible: 50_000, absent: 2_500, persistent: 30, severe: 4),
            attendance(
                alder, now, .disadvantaged, pupils: 60, possible: 15_000, absent: 1_200, persistent: 12,
                severe: 1),
            attendance(
                alder, now, .notDisadvantaged, pupils: 140, possible: 35_000, absent: 1_300, persistent: 18,
                severe: 3),
            attendance(
                alder, now, .senSupport, pupils: 5, possible: 1_250, absent: 100, persistent: 1, severe: 0),
            attendance(
                birch, now, pupils: 1_000, possible: 250_000, absent: 22_500, persistent: 260, severe: 25),
            attendance(cedar, now, pupils: 300, possible: 75_000, absent: 6_000, persistent: 60, severe: 9),
            attendance(damson, now, pupils: 5, possible: 1_250, absent: 250, persistent: 2, severe: nil),
            attendance(elm, now, pupils: 4, possible: 1_000, absent: 83, persistent: 1, severe: nil),
            attendance(
                alder, lastYear, pupils: 190, possible: 47_500, absent: 2_850, persistent: 38, severe: 3),
            attendance(
                birch, lastYear, pupils: 980, possible: 245_000, absent: 20_825, persistent: 245, severe: 20),
            attendance(
                cedar, lastYear, pupils: 310, possible: 77_500, absent: 5_425, persistent: 40, severe: 6),
            attendance(damson, lastYear, pupils: 5, possible: 1_250, absent: 260, persistent: 1, severe: nil),
            attendance(elm, lastYear, pupils: 4, possible: 1_000, absent: 90, persistent: 1, severe: nil),
        ],
        attainment: [
            AttainmentRecord(
                urn: alder, drop: now, yearGroup: .year(6), subject: .rwm, cohort: 30, expected: 18,
                greaterDepth: 3),
            AttainmentRecord(
                urn: alder, drop: now, group: .disadvantaged, yearGroup: .year(6), subject: .rwm, cohort: 10,
                expected: 4),
            AttainmentRecord(
                urn: alder, drop: now, group: .notDisadvantaged, yearGroup: .year(6), subject: .rwm,
                cohort: 20, expected: 14),
            AttainmentRecord(
                urn: cedar, drop: now, yearGroup: .year(6), subject: .rwm, cohort: 29, expected: 17),
            AttainmentRecord(
                urn: alder, drop: lastYear, yearGroup: .year(6), subject: .rwm, cohort: 28, expected: 16),
            AttainmentRecord(
                urn: cedar, drop: lastYear, yearGroup: .year(6), subject: .rwm, cohort: 30, expected: 21),
        ],
        scores: [
            ScoreRecord(
                urn: birch, drop: now, yearGroup: .year(11), measure: .attainment8, cohort: 150, average: 44.3
            ),
            ScoreRecord(
                urn: birch, drop: lastYear, yearGroup: .year(11), measure: .attainment8, cohort: 148,
                average: 45.1),
        ],
        benchmarks: BuiltInBenchmarks.all + recentBenchmarks,
        ingestedAt: [now: "14 Mar 2026 10:42", lastYear: "12 Mar 2025 09:15"])

    /// Persistent and severe absence for 2024/25, the test's own (the DfE's 2023/24 values
    /// moved a year on): no DfE figure for them is recent enough to rate 2025/26.
    static let recentBenchmarks = [
        Benchmark(
            kpi: .persistentAbsenceRate, year: AcademicYear(2024), phase: .primary, value: 14.56,
            source: "test figure"),
        Benchmark(
            kpi: .persistentAbsenceRate, year: AcademicYear(2024), phase: .secondary, value: 25.56,
            source: "test figure"),
        Benchmark(kpi: .severeAbsenceRate, year: AcademicYear(2024), value: 2.3, source: "test figure"),
    ]

    static func view() -> TrustView {
        TrustView(data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
    }
}

extension TrustData {
    /// This data with the records of `drops` alone.
    func keeping(_ drops: Set<DataDrop>) -> TrustData {
        var data = self
        data.attendance = attendance.filter { drops.contains($0.drop) }
        data.published = published.filter { drops.contains($0.drop) }
        data.attainment = attainment.filter { drops.contains($0.drop) }
        data.scores = scores.filter { drops.contains($0.drop) }
        data.inclusion = inclusion.filter { drops.contains($0.drop) }
        return data
    }

    /// The records the store reads of this data for the figures of `kpis` alone
    /// (`RecordItems(figuresOf:)`): each KPI's counted records, and the figures the DfE
    /// published of it.
    func records(of kpis: Set<KPI>) -> TrustData {
        let counted = Set(kpis.map(\.countedFrom).map { "\($0.kind) \($0.item)" })
        func keeps(_ record: some DropRecord) -> Bool {
            counted.contains("\(Swift.type(of: record).kind) \(record.item)")
        }
        var data = self
        data.attendance = attendance.filter(keeps)
        data.attainment = attainment.filter(keeps)
        data.scores = scores.filter(keeps)
        data.inclusion = inclusion.filter(keeps)
        data.published = published.filter { kpis.contains($0.kpi) }
        return data
    }

    /// What the store keeps of `drop` for the overview's trend, worked out as an ingest
    /// works it out: from the drop's own attendance and published records.
    func keptTrend(of drop: DataDrop) -> ShownAttendance {
        var ofDrop = TrustData(academies: academies, benchmarks: benchmarks)
        ofDrop.attendance = attendance.filter { $0.drop == drop }
        ofDrop.published = published.filter { $0.drop == drop }
        return ShownAttendance(of: drop, in: ofDrop)
    }
}
