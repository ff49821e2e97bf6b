import Foundation
import Testing

/// `snapshot` reads of a store only what its first frame draws, even when the store holds
/// no more drops than that frame reads: of a drop the overview shows only the attendance
/// trend of, it reads only the attendance (`TrustView.trendOnlyDrops`). Before, a store of
/// up to twelve drops (the trend's length) was read whole, attainment and all, which made
/// a national store of twelve drops twice as slow to draw as one of thirty.
@Suite("snapshot reads only what its first frame draws, end to end")
struct SnapshotReadsWhatItDrawsTests {
    /// The sample trust's nine drops, ingested by the binary into `folder`; its latest drop
    /// is 2024/25 summer, which the first frame rates with 2024/25 spring (the header's
    /// comparison) and 2023/24 summer and spring (the same terms last year). The other five
    /// drops are in the frame's trend only.
    private func sampleStore(in folder: TemporaryFolder) throws -> String {
        let store = folder.path("store/trust.sqlite")
        let ingest = try CommandRunner.run(["ingest", "--store", store, DashboardTmuxTests.sampleData.path])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        return store
    }

    private func snapshot(_ store: String) throws -> CommandRunner.Result {
        try CommandRunner.run(["snapshot", "--store", store, "--width", "160", "--height", "48"])
    }

    /// Spoils the stored attainment of one drop (`year` its first calendar year), so that
    /// reading it fails.
    private func spoilAttainment(of store: String, year: Int, term: String) throws {
        let file = try SQLiteFile(path: store)
        try file.execute(
            "UPDATE drop_counts SET counts = 'not a list' "
                + "WHERE kind = 'attainment' AND academic_year = \(year) AND term = '\(term)'")
    }

    @Test(.enabled(if: SQLiteFile.isAvailable))
    func theTrendsDropsAreReadForTheirAttendanceAlone() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(in: folder)
        let before = try snapshot(store)
        try #require(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("2024/25 summer"))

        // 2022/23 autumn is in the trend only: its attainment is not read, so the frame is
        // drawn, and the same.
        try spoilAttainment(of: store, year: 2022, term: "autumn")
        let trendOnlySpoilt = try snapshot(store)
        #expect(trendOnlySpoilt.status == 0, "\(trendOnlySpoilt.stderr)")
        #expect(trendOnlySpoilt.stdout == before.stdout)

        // 2023/24 spring is rated (the same term last year as the header's comparison): its
        // attainment is read, and the spoilt value is reported.
        try spoilAttainment(of: store, year: 2023, term: "spring")
        let ratedSpoilt = try snapshot(store)
        #expect(ratedSpoilt.status != 0)
        #expect(ratedSpoilt.stderr.contains("not a list"), "\(ratedSpoilt.stderr)")
        #expect(ratedSpoilt.stderr.contains(store), "\(ratedSpoilt.stderr)")
    }
}
