import Foundation
import Testing

/// `trustboard drops` without a store lists the bundled sample trust's drops with the rows
/// of each kind, in a store's listing's words; the counts are the data rows of the sample's
/// own files.
@Suite("Listing the sample trust's drops")
struct SampleDropsListingTests {
    /// The data rows (lines after the header) of a sample file.
    private static func dataRows(_ name: String) throws -> Int {
        let url = SuppressionAttackTests.sampleFolder.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").count - 1
    }

    @Test("each drop names its attendance, attainment, score and inclusion rows")
    func eachKindIsCounted() throws {
        let drops = try CommandRunner.run(["drops", "--store", "/nonexistent/trustboard-sample.sqlite"])
        #expect(drops.status == 0, "\(drops.stderr)")
        // The exporting academies' lines are those trustboard makes of their pupils, counted by
        // hand from the export; the other academies' are the aggregate files' rows.
        let exported = try ExportRowSums.lineCounts(
            ofExportAt: SuppressionAttackTests.sampleFolder.appendingPathComponent(
                "pupil-attendance-2024-25-summer.csv"))
        let attendance = try Self.dataRows("attendance-2024-25-summer.csv") + exported.attendance
        let attainment = try Self.dataRows("attainment-2024-25-summer.csv")
        let inclusion = try Self.dataRows("inclusion-2024-25-summer.csv") + exported.inclusion
        let line = try #require(drops.stdout.split(separator: "\n").first { $0.hasPrefix("2024/25 summer:") })
        // In the words of a store's listing: "186 attendance, 774 attainment, 176 score rows".
        #expect(line.contains(", \(attendance) attendance, \(attainment) attainment, "), "\(line)")
        #expect(line.contains(" score rows, \(inclusion) inclusion rows (bundled sample trust)"), "\(line)")
    }
}
