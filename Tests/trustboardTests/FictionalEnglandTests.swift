import Foundation
import Testing

/// The fictional England beside the sample trust (`sample-data/fictional-national/`) says
/// it is fictional everywhere it can, never stands in for a DfE figure, and holds the
/// sample academies as their drops describe them.
@Suite("The sample's fictional England")
struct FictionalEnglandTests {
    static let folder = SampleSimilarSchoolsTests.national

    private static func rows(_ name: String) throws -> [[String]] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").map(DfEFiles.fields)
    }

    @Test("every file is named fictional, for 2022/23 and 2023/24, and the folder is well under a few MB")
    func filesAreNamedFictional() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        let expected = ["2022-23", "2023-24"].flatMap { year in
            ["abs", "census", "ks4"].map { "fictional_england_\($0)_\(year).csv" }
        }
        #expect(names == expected.sorted())
        let bytes = try names.map {
            try FileManager.default.attributesOfItem(atPath: Self.folder.appendingPathComponent($0).path)[
                .size]
                as? Int ?? 0
        }
        #expect(bytes.reduce(0, +) < 2_000_000)
    }

    @Test("no national rows, fewer than 100 local authorities, and every named school is called fictional")
    func nothingPassesForDfEData() throws {
        for year in ["2022-23", "2023-24"] {
            let census = try Self.rows("fictional_england_census_\(year).csv")
            let absence = try Self.rows("fictional_england_abs_\(year).csv")
            let ks4 = try Self.rows("fictional_england_ks4_\(year).csv")
            // A national row has no URN (absence `NAT`, census `NAT`) or is KS4 RECTYPE 4, 5 or 7.
            #expect(census.dropFirst().allSatisfy { Int($0[0]) != nil })
            #expect(absence.dropFirst().allSatisfy { Int($0[2]) != nil })
            #expect(ks4.dropFirst().allSatisfy { $0[0] == "1" || $0[0] == "2" })
            // National percentiles need school rows from at least 100 local authorities.
            #expect(Set(absence.dropFirst().map { $0[0] }).count < 100)
            #expect(Set(ks4.dropFirst().map { $0[1] }).count < 100)
            // Every school but the sample's own four with a Year 11, which keep their names.
            let sample = ks4.dropFirst().filter { $0[3].hasPrefix("9001") }.map { $0[4] }
            #expect(
                sample == [
                    "Northbrook Academy", "Fellside School", "Harbour View Academy", "Brookside School",
                ])
            let names = ks4.dropFirst().filter { !$0[3].hasPrefix("9001") }.map { $0[4] }
            #expect(names.allSatisfy { $0.hasSuffix(" (fictional)") })
            // A few thousand schools of every phase.
            let types = Dictionary(grouping: census.dropFirst(), by: { $0[3] }).mapValues(\.count)
            #expect(types["State-funded primary"] == 2_400 + 8)
            #expect(types["State-funded secondary"] == 500 + 3)
            #expect(types["State-funded special school"] == 150 + 1)
        }
    }

    @Test("each sample academy's census line is its pupils and mix; Brookside's is a special school's")
    func sampleAcademiesInTheCensus() throws {
        let census = try Self.rows("fictional_england_census_2023-24.csv")
        let header = try #require(census.first)
        #expect(
            header == [
                "URN", "LA", "ESTAB", "SCHOOLTYPE", "NOR", "PSENELSE", "PSENELK", "PNUMEAL", "PNUMFSMEVER",
            ])
        func line(_ urn: String) throws -> [String] { try #require(census.first { $0[0] == urn }) }
        // Harbour View (NorthbrookTrust.swift): 150 a year group, Years 7–11; 40% disadvantaged,
        // 30% EAL, the mainstream 13% SEN support and 2.5% EHCP.
        #expect(
            try line("900111") == [
                "900111", "Northshire", "4911", "State-funded secondary", "750", "2.5", "13.0", "30.0",
                "40.0",
            ])
        // Brookside: 8 a year group, Years 7–11; 55% disadvantaged, 10% EAL, 9% SEN support, 89% EHCP.
        #expect(
            try line("900112") == [
                "900112", "Northshire", "7912", "State-funded special school", "40", "89.0", "9.0", "10.0",
                "55.0",
            ])
        // Northbrook Academy has a sixth form: 210 × 7 year groups.
        #expect(try line("900109")[4] == "1470")
    }
}
