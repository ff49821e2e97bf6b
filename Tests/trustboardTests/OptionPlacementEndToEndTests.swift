import Foundation
import Testing

@Suite("Shared options before or after the command, end to end")
struct OptionPlacementEndToEndTests {
    @Test func storeBeforeOrAfterTheCommandReadsTheSameStore() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        let store = folder.path("store/trust.sqlite")
        // Ingest with --store before the command.
        let ingest = try CommandRunner.run(["--store", store, "ingest", drop])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(FileManager.default.fileExists(atPath: store))

        let after = try CommandRunner.run(["report", "--store", store, "--format", "csv"])
        let before = try CommandRunner.run(["--store", store, "report", "--format", "csv"])
        let joined = try CommandRunner.run(["--store=\(store)", "report", "--format", "csv"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(before.status == 0, "\(before.stderr)")
        #expect(joined.status == 0, "\(joined.stderr)")
        // The hand trust's store, not the bundled sample trust.
        #expect(after.stdout.contains("Alpha Primary"))
        #expect(!after.stderr.contains("sample trust"))
        #expect(before.stdout == after.stdout)
        #expect(joined.stdout == after.stdout)

        let drops = try CommandRunner.run(["--store", store, "drops"])
        #expect(drops.status == 0, "\(drops.stderr)")
        #expect(drops.stdout.contains("2024/25 spring"))
    }

    @Test func configBeforeOrAfterTheCommand() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        let store = folder.path("trust.sqlite")
        let config = try folder.write("trustboard.yaml", "trust_name: Placed Learning Trust\n")
        #expect(try CommandRunner.run(["ingest", "--store", store, drop]).status == 0)
        let runs = [
            ["--config", config, "--store", store, "report"],
            ["--store", store, "--config", config, "report"],
            ["report", "--config", config, "--store", store],
            ["--config", config, "report", "--store", store],
        ]
        for arguments in runs {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.hasPrefix("Placed Learning Trust: 2024/25 spring"), "\(arguments)")
        }
    }

    @Test func aMistypedCommandAfterTheOptionsIsStillSuggested() throws {
        let result = try CommandRunner.run(["--store", "/nonexistent/trust.sqlite", "reprot"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("did you mean 'report'?"), "\(result.stderr)")
    }

    @Test func aStoreNamedAfterACommandIsAStoreNotACommand() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        // `--store report` takes "report" as the store's path, relative to the folder.
        let ingest = try CommandRunner.run(["--store", "report", "ingest", drop], in: folder.url)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("report")))
    }
}
