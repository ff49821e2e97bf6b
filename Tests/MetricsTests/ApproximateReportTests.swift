import Testing

@testable import Metrics

/// A trust-wide percentage that has to weight an academy's rounded percentage by pupils
/// is marked approximate in every report form.
///
/// Two primaries, 2017/18 Year 6 RWM expected, as the DfE published them:
/// - Ash: 67% of 60 pupils, which only 40 of 60 rounds to (39 is 65.0%, 41 is 68.3%);
/// - Beech: 76% of 156, which 118 (75.64%) and 119 (76.28%) both round to: no count.
/// The trust's figure is (40 + 0.76 × 156) / (60 + 156) = 158.56 / 216 = 73.41% → ≈73.4,
/// green against a benchmark of 64. Ash's own figure is exact, so `false`.
enum ApproximateTrust {
    static let drop = DataDrop(year: AcademicYear(2017), term: .summer)
    static let ash = Fixtures.urn(100_001)
    static let beech = Fixtures.urn(100_002)

    static func rwm(_ urn: URN, _ value: Double, _ pupils: Int) -> PublishedFigure {
        PublishedFigure(
            urn: urn, drop: drop, kpi: .expected(.rwm), yearGroup: .year(6), value: value, pupils: pupils,
            source: "DfE KS2 performance tables 2017/18")
    }

    static let data = TrustData(
        trustName: "Test Trust",
        academies: [
            Academy(urn: ash, name: "Ash Primary", phase: .primary),
            Academy(urn: beech, name: "Beech Primary", phase: .primary),
        ],
        published: [rwm(ash, 67, 60), rwm(beech, 76, 156)],
        benchmarks: [Benchmark(kpi: .expected(.rwm), year: AcademicYear(2017), value: 64)])

    static func report() -> TrustReport {
        TrustReport(DropRater(data: data, drop: drop, config: RatingConfig()), trustName: "Test Trust")
    }
}

@Suite("Approximate trust figures in reports")
struct ApproximateReportTests {
    @Test func csvHasAnApproximateColumn() throws {
        let rows = CSVLines.parse(ApproximateTrust.report().write(.csv))
        let header = try #require(rows.first)
        // Added after the columns of version 1, before `benchmark_period` and the
        // similar-schools columns.
        #expect(
            Array(header.suffix(7)) == [
                "target", "approximate", "benchmark_period", "similar_median", "similar_rank",
                "similar_count", "similar_expected",
            ])
        let value = try #require(header.firstIndex(of: "value"))
        let approximate = try #require(header.firstIndex(of: "approximate"))
        func row(_ urn: String) throws -> [String] {
            try #require(rows.first { $0.count == header.count && $0[1] == urn && $0[4] == "rwm_expected" })
        }
        let trust = try row("trust")
        #expect(trust[value] == "73.4")
        #expect(trust[approximate] == "true")
        #expect(try row("100001")[approximate] == "false")
        #expect(try row("100002")[approximate] == "false")
    }

    @Test func jsonSaysApproximate() {
        let json = ApproximateTrust.report().write(.json)
        // The trust's row, and only it, is approximate.
        #expect(json.components(separatedBy: "\"approximate\" : true").count == 2)
        #expect(json.components(separatedBy: "\"approximate\" : false").count == 3)
    }

    @Test func textAndMarkdownMarkTheValue() {
        for format in [ReportFormat.text, .markdown] {
            let text = ApproximateTrust.report().write(format)
            let trust = text.split(separator: "\n").first { $0.contains("Test Trust") && $0.contains("rwm") }
            #expect(trust?.contains("≈73.4") == true, "\(format): \(trust ?? "")")
            #expect(text.contains(ReportFormat.approximateNote), "\(format)")
            // The academies' own figures are as published, with no mark.
            let ash = text.split(separator: "\n").first { $0.contains("Ash Primary") }
            #expect(ash?.contains(" 67.0") == true && ash?.contains("≈") == false, "\(format)")
        }
    }
}
