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

    /// A first frame of `store`; 200 columns wide shows the attendance trend, 160 does not.
    private func snapshot(_ store: String, width: Int = 160) throws -> CommandRunner.Result {
        try CommandRunner.run(["snapshot", "--store", store, "--width", "\(width)", "--height", "48"])
    }

    /// Spoils the stored attainment of one drop (`year` its first calendar year), so that
    /// reading it fails.
    private func spoilAttainment(of store: String, year: Int, term: String) throws {
        let file = try SQLiteFile(path: store)
        try file.execute(
            "UPDATE drop_counts SET counts = 'not a list' "
                + "WHERE kind = 'attainment' AND academic_year = \(year) AND term = '\(term)'")
    }

    /// Spoils the stored attendance of one drop, so that reading it fails.
    private func spoilAttendance(of store: String, year: Int, term: String) throws {
        let file = try SQLiteFile(path: store)
        try file.execute(
            "UPDATE drop_counts SET counts = 'not a list' "
                + "WHERE kind = 'attendance' AND academic_year = \(year) AND term = '\(term)'")
    }

    /// Of a drop the frame shows only the trend of, what the store kept of it at ingest
    /// (`attendance_trend`) is read, not its attendance records: a spoilt attendance value
    /// there no longer stops the frame, which is the same. Without the kept figures (a
    /// store whose figures for the drop could not be worked out) its records are read, the
    /// same frame is drawn from them, and a spoilt value is reported.
    @Test(.enabled(if: SQLiteFile.isAvailable))
    func theTrendsDropsAreReadFromWhatTheStoreKept() throws {
        let folder = try TemporaryFolder()
        let store = try sampleStore(in: folder)
        let before = try snapshot(store, width: 200)
        try #require(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("Att. trend"))

        try SQLiteFile(path: store).execute("DELETE FROM attendance_trend")
        let fromRecords = try snapshot(store, width: 200)
        #expect(fromRecords.status == 0, "\(fromRecords.stderr)")
        #expect(fromRecords.stdout == before.stdout)

        // A second store, ingested in its own minute, perhaps: the header's time is left out.
        func withoutTime(_ frame: String) -> String {
            frame.replacing(#/ingested \d+ \w+ \d{4} \d\d:\d\d/#, with: "ingested")
        }
        let other = try TemporaryFolder()
        let kept = try sampleStore(in: other)
        try spoilAttendance(of: kept, year: 2022, term: "autumn")
        let keptSpoilt = try snapshot(kept, width: 200)
        #expect(keptSpoilt.status == 0, "\(keptSpoilt.stderr)")
        #expect(withoutTime(keptSpoilt.stdout) == withoutTime(before.stdout))
        #expect(withoutTime(before.stdout) != before.stdout)

        try SQLiteFile(path: kept).execute(
            "DELETE FROM attendance_trend WHERE academic_year = 2022 AND term = 'autumn'")
        let spoilt = try snapshot(kept, width: 200)
        #expect(spoilt.status != 0)
        #expect(spoilt.stderr.contains("not a list"), "\(spoilt.stderr)")
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

        // 2023/24 spring (the same term last year as the header's comparison) is read only
        // for the previous values of the KPIs rated on their change, the absence bands: its
        // attainment is not read, and the frame is the same.
        try spoilAttainment(of: store, year: 2023, term: "spring")
        let previousSpoilt = try snapshot(store)
        #expect(previousSpoilt.status == 0, "\(previousSpoilt.stderr)")
        #expect(previousSpoilt.stdout == before.stdout)

        // 2024/25 spring, the header's comparison, is rated whole: its attainment is read,
        // and the spoilt value is reported.
        try spoilAttainment(of: store, year: 2024, term: "spring")
        let ratedSpoilt = try snapshot(store)
        #expect(ratedSpoilt.status != 0)
        #expect(ratedSpoilt.stderr.contains("not a list"), "\(ratedSpoilt.stderr)")
        #expect(ratedSpoilt.stderr.contains(store), "\(ratedSpoilt.stderr)")
    }
}
