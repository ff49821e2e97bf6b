import Foundation
import Testing

/// Settings and options that used to fail quietly, run as a user would on the bundled
/// sample trust (no store: `--store` names a file that does not exist).
@Suite("Settings and options that fail loudly, end to end")
struct SettingsFailLoudlyTests {
    /// A config whose scope is a typing mistake for the sample's `la:Northshire`, and
    /// which sets a target for an academy that is not in the sample trust, on line 4.
    static let config = """
        trust_name: Northbrook Learning Trust
        benchmark_scope: la:Northshre
        targets:
          "900199": { attendance_rate: 95.0 }

        """

    @Test(arguments: [
        ["report", "--format", "csv"], ["snapshot", "--width", "80", "--height", "24"], ["dashboard"],
    ])
    func aScopeWithNoBenchmarksStopsEveryCommand(command: [String]) throws {
        let folder = try TemporaryFolder()
        let config = try folder.write("trustboard.yaml", Self.config)
        let result = try CommandRunner.run(
            command + ["--store", folder.path("none.sqlite"), "--config", config])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        // The sample trust has national benchmarks and Northshire's (sample-data/benchmarks.csv).
        #expect(
            result.stderr.contains(
                "trustboard.yaml:2: benchmark_scope 'la:Northshre' matches no benchmark in the store; it has: "
                    + "national, la:Northshire"), "\(result.stderr)")
    }

    @Test func aTargetForAnAcademyNotInTheTrustIsAWarning() throws {
        let folder = try TemporaryFolder()
        let config = try folder.write(
            "trustboard.yaml", Self.config.replacingOccurrences(of: "la:Northshre", with: "la:Northshire"))
        let result = try CommandRunner.run([
            "report", "--format", "csv", "--store", folder.path("none.sqlite"), "--config", config,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "trustboard.yaml:4: warning: targets are set for 900199, which is not an academy of the trust"
            ),
            "\(result.stderr)")
    }

    @Test func changesForOneAcademyListOnlyThatAcademy() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("none.sqlite")
        let all = try CommandRunner.run(["report", "--changes", "--format", "csv", "--store", store])
        #expect(all.status == 0, "\(all.stderr)")
        let one = try CommandRunner.run([
            "report", "--changes", "--academy", "900105", "--format", "csv", "--store", store,
        ])
        #expect(one.status == 0, "\(one.stderr)")
        let allLines = all.stdout.split(separator: "\n").dropFirst()
        let lines = one.stdout.split(separator: "\n").dropFirst()
        // The same lines as the whole trust's list for 900105, and no other academy's or the trust's.
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.split(separator: ",")[1] == "900105" })
        #expect(Array(lines) == allLines.filter { $0.split(separator: ",")[1] == "900105" })
        // The text form is headed by the academy's name.
        let text = try CommandRunner.run(["report", "--changes", "--academy", "900105", "--store", store])
        #expect(
            text.stdout.hasPrefix("Meadowbank Primary Academy: what changed in"), "\(text.stdout.prefix(80))")
    }
}
