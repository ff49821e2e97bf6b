import Foundation
import Testing

/// The first frame of a drop whose header comparison crosses the pandemic years draws its
/// whole trend. BECKFOOT TRUST's drops from the DfE's Bradford absence file are the
/// summers of 2013/14 to 2021/22 but 2019/20, which the DfE did not publish. 2020/21
/// summer (a pandemic year, none rated) compares with nothing, as its last year is
/// missing, so its first frame rates it alone; until the seventeenth session `snapshot` and the live dashboard then read
/// neither 2018/19 summer (the same term a year before the missing drop, counted among the
/// drops the frame rates) nor its trend, and drew a gap where the whole store shows the
/// trust's 2018/19 attendance.
@Suite(
    "The trend of a drop compared across the pandemic, end to end",
    .enabled(if: DfEFiles.bradfordPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
struct PandemicTrendEndToEndTests {
    @Test func everyDropBeforeItIsInTheTrend() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("trust.sqlite")
        let ingest = try CommandRunner.run([
            "ingest", "--store", store, "--trust", "BECKFOOT TRUST", DfEFiles.bradford,
        ])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        let frame = try CommandRunner.run([
            "snapshot", "--store", store, "--drop", "2020/21-summer", "--width", "250", "--height", "40",
        ])
        try #require(frame.status == 0, "\(frame.stderr)")
        #expect(frame.stdout.contains("2020/21 is a pandemic year"), "\(frame.stdout)")
        let trust = try #require(
            frame.stdout.split(separator: "\n").first { $0.hasPrefix("  Trust (10 of 10)") })
        // Seven drops up to 2020/21 summer (2013/14 to 2018/19, then 2020/21), a mark each;
        // the trust has attendance in every one.
        let trend = trust.trimmingCharacters(in: .whitespaces).split(separator: " ").last.map(String.init)
        #expect(trend?.count == 7, "\(trust)")
        #expect(trend?.allSatisfy { "▁▂▃▄▅▆▇█".contains($0) } == true, "\(trust)")
    }
}
