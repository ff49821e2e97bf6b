import Foundation
import Testing
import TrustGenerator

/// The national-scale writer's other drops, which `trustboard-bench --years N` ingests one
/// after another into one store.
@Suite("National-scale drops over many years")
struct NationalDropsTests {
    @Test("ten years end at 2025/26 spring and run three drops a year, oldest first")
    func dropsRunOldestFirst() {
        let drops = NationalScaleWriter.DropName.ending(at: .standard, count: 30)
        #expect(drops.count == 30)
        #expect(drops.first?.text == "2015/16-summer")
        #expect(drops.last?.text == "2025/26-spring")
        #expect(
            NationalScaleWriter.DropName.ending(at: .standard, count: 4).map(\.text) == [
                "2024/25-spring", "2024/25-summer", "2025/26-autumn", "2025/26-spring",
            ])
        #expect(Set(drops).count == 30)
    }

    @Test("another drop keeps the same academies and draws its own attendance, labelled with its drop")
    func anotherDropHasTheSameAcademies() throws {
        let standard = try YearsTestFolder()
        let autumn = try YearsTestFolder()
        _ = try NationalScaleWriter(academies: 20, seed: 1).write(to: standard.url)
        _ = try NationalScaleWriter(
            academies: 20, seed: 1, drop: .init(startYear: 2019, term: 0)
        ).write(to: autumn.url)
        let academies = { (folder: YearsTestFolder) in
            try Data(contentsOf: folder.url.appendingPathComponent("academies.csv"))
        }
        #expect(try academies(standard) == academies(autumn))
        let lines = try String(
            contentsOf: autumn.url.appendingPathComponent("attendance.csv"), encoding: .utf8
        ).split(separator: "\n").dropFirst()
        #expect(!lines.isEmpty)
        // Columns 2 and 3 are academic_year and term.
        #expect(
            lines.allSatisfy {
                $0.split(separator: ",")[1] == "2019/20" && $0.split(separator: ",")[2] == "autumn"
            })
        let standardLines = try String(
            contentsOf: standard.url.appendingPathComponent("attendance.csv"), encoding: .utf8
        ).split(separator: "\n").dropFirst()
        let counts = { (line: Substring) in line.split(separator: ",").dropFirst(3) }
        #expect(lines.map(counts) != standardLines.map(counts))
    }
}

/// A temporary folder removed when the test ends.
private final class YearsTestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("years-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
