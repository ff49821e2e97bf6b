import Testing

@testable import Metrics

/// Settings checked against the store they are to rate: a scope with no benchmarks is an
/// error, a target for an academy not in the trust a warning, each on its line.
@Suite("Rating settings checked against the store")
struct RatingConfigStoreTests {
    static let oak = Fixtures.urn(900_101)

    static let data = TrustData(
        academies: [Academy(urn: oak, name: "Oak Primary", phase: .primary)],
        benchmarks: [
            Benchmark(kpi: .attendanceRate, year: AcademicYear(2023), value: 94.5),
            Benchmark(
                kpi: .attendanceRate, year: AcademicYear(2023), scope: .localAuthority("Northshire"),
                value: 95.0),
            Benchmark(
                kpi: .attendanceRate, year: AcademicYear(2023), scope: .localAuthority("Eastshire"),
                value: 94.0),
        ])

    static func message(_ text: String) throws -> String? {
        let config = try RatingConfig.parse(text, file: "trustboard.yaml")
        do throws(ConfigError) {
            _ = try config.check(against: data)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aScopeWithNoBenchmarksIsAnErrorListingTheScopes() throws {
        // "Northshre" is a typing mistake for "Northshire"; the scopes are listed national
        // first, then by name.
        #expect(
            try Self.message("trust_name: Oak Trust\nbenchmark_scope: la:Northshre\n")
                == "trustboard.yaml:2: benchmark_scope 'la:Northshre' matches no benchmark in the store; it has: "
                + "national, la:Eastshire, la:Northshire")
    }

    @Test func aScopeWithBenchmarksIsFine() throws {
        #expect(try Self.message("benchmark_scope: la:Northshire\n") == nil)
        #expect(try Self.message("benchmark_scope: national\n") == nil)
        // Without the setting there is nothing to check: the built-in national scope.
        #expect(try Self.message("trust_name: Oak Trust\n") == nil)
    }

    @Test func aStoreWithNoBenchmarksSaysSo() throws {
        let config = try RatingConfig.parse("benchmark_scope: national\n", file: "trustboard.yaml")
        #expect(throws: ConfigError.self) { try config.check(against: TrustData()) }
        do throws(ConfigError) {
            _ = try config.check(against: TrustData())
        } catch {
            #expect(
                error.description
                    == "trustboard.yaml:1: benchmark_scope 'national' matches no benchmark in the store; it has no "
                    + "benchmarks at all; ingest some, or remove the line")
        }
    }

    @Test func aTargetForAnotherURNIsAWarningOnItsLine() throws {
        let text = """
            targets:
              "900101":
                attendance_rate: 95.0
              "900199":
                attendance_rate: 96.0
            """
        let config = try RatingConfig.parse(text, file: "trustboard.yaml")
        let warnings = try config.check(against: Self.data)
        #expect(
            warnings.map(\.description) == [
                "trustboard.yaml:4: warning: targets are set for 900199, which is not an academy of the trust, so "
                    + "they are never used; check the URN, or remove the targets of an academy that has left the trust"
            ])
    }
}
