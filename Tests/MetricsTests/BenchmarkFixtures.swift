@testable import Metrics

/// Small trusts for the benchmark tests: academies with one attendance row each, rated
/// against benchmarks written in the test.
enum BenchmarkFixtures {
    /// An academy with the URN `urn` and `phase`, named "Academy URN".
    static func academy(_ urn: Int, _ phase: Phase) -> Academy {
        Academy(urn: Fixtures.urn(urn), name: "Academy \(urn)", phase: phase)
    }

    /// One all-pupils attendance row.
    static func attendance(
        _ urn: Int, _ drop: DataDrop, group: PupilGroup = .all, pupils: Int, possible: Int, absent: Int,
        persistent: Int, severe: Int? = nil
    ) -> AttendanceRecord {
        AttendanceRecord(
            urn: Fixtures.urn(urn), drop: drop, group: group, pupils: pupils, possibleSessions: possible,
            absentSessions: absent, persistentAbsentees: persistent, severeAbsentees: severe)
    }

    /// A national benchmark for the term `term` of `year`.
    static func bench(
        _ kpi: KPI, _ year: Int, _ term: Term, phase: Phase? = nil, _ value: Double,
        source: String = "test release"
    ) -> Benchmark {
        Benchmark(kpi: kpi, year: AcademicYear(year), term: term, phase: phase, value: value, source: source)
    }

    /// A national benchmark for the whole of `year`.
    static func bench(
        _ kpi: KPI, _ year: Int, phase: Phase? = nil, _ value: Double, source: String = "test release"
    ) -> Benchmark {
        bench(kpi, year, .summer, phase: phase, value, source: source)
    }

    /// Rates `drop` of a trust of `academies` and `attendance` against `benchmarks`.
    static func rater(
        _ academies: [Academy], _ attendance: [AttendanceRecord], _ benchmarks: [Benchmark], drop: DataDrop
    ) -> DropRater {
        DropRater(
            data: TrustData(
                trustName: "Test Trust", academies: academies, attendance: attendance, benchmarks: benchmarks),
            drop: drop, config: RatingConfig())
    }

    /// The all-pupils, all-years rated figure of `kpi` in `rated`.
    static func figure(_ rated: [RatedFigure], _ kpi: KPI, group: PupilGroup = .all) -> RatedFigure? {
        rated.first { $0.figure.kpi == kpi && $0.figure.group == group && $0.figure.yearGroup == .all }
    }

    /// The explanation's "Benchmark" line and the unlabelled lines after it, joined.
    static func benchmarkText(_ rated: RatedFigure) -> String {
        let lines = RatingExplanation(rated).lines
        guard let start = lines.firstIndex(where: { $0.label == "Benchmark" }) else { return "" }
        var text = lines[start].text
        var next = start + 1
        while next < lines.count, lines[next].label.isEmpty || lines[next].label == "Working" {
            text += "\n" + lines[next].text
            next += 1
        }
        return text
    }
}
