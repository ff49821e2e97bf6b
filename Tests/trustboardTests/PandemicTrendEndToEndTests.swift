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
    /// A store of BECKFOOT TRUST's drops from the Bradford file, in `folder`.
    static func bradfordStore(in folder: TemporaryFolder) throws -> String {
        let store = folder.path("trust.sqlite")
        let ingest = try CommandRunner.run([
            "ingest", "--store", store, "--trust", "BECKFOOT TRUST", DfEFiles.bradford,
        ])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        return store
    }

    @Test func everyDropBeforeItIsInTheTrend() throws {
        let folder = try TemporaryFolder()
        let store = try Self.bradfordStore(in: folder)
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

    /// Beckfoot Upper Heaton (URN 142031) has attendance in the file's summers from
    /// 2015/16 to 2021/22 but 2019/20: six drops, the fifth of them the pandemic year
    /// 2020/21. Its academy page's trends and its pack's charts say that they cross the
    /// pandemic, and the pack's line stops there.
    @Test func theTrendsSayTheyCrossThePandemic() throws {
        let folder = try TemporaryFolder()
        let store = try Self.bradfordStore(in: folder)
        let page = try CommandRunner.run([
            "snapshot", "--store", store, "--academy", "142031", "--screen", "academy", "--width", "80",
            "--height", "24",
        ])
        try #require(page.status == 0, "\(page.stderr)")
        let captions = page.stdout.split(separator: "\n").filter {
            $0.contains("6 drops, 2015/16 summer → 2021/22 summer; 2020/21 a pandemic year")
        }
        // Attendance, and persistent absence.
        #expect(captions.count == 2, "\(page.stdout)")
        let pack = folder.path("pack.html")
        let written = try CommandRunner.run(["pack", "--store", store, "--out", pack])
        try #require(written.status == 0, "\(written.stderr)")
        let html = try String(contentsOfFile: pack, encoding: .utf8)
        let start = try #require(html.range(of: "id=\"academy-142031\""))
        let end =
            html.range(of: "id=\"academy-", range: start.upperBound..<html.endIndex)?.lowerBound
            ?? html.endIndex
        let academy = html[start.lowerBound..<end]
        // Its attendance and persistent absence charts each break at the pandemic and say so.
        let notes =
            academy.components(separatedBy: "No line joins a figure across the pandemic years").count - 1
        #expect(notes == 4, "two charts, each in its note and its text alternative")
        // 2018/19 is never joined to 2020/21: each chart's line of four summers from 2015/16
        // ends at 2018/19, and 2021/22 stands alone beside the lone 2020/21.
        let lines = academy.components(separatedBy: "<polyline class=\"c-line\" points=\"").dropFirst()
        let pointCounts = lines.map { $0.prefix { $0 != "\"" }.split(separator: " ").count }
        #expect(pointCounts == [4, 4], "\(pointCounts)")
    }
}
