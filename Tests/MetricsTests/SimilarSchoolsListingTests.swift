import Foundation
import Testing

@testable import Metrics

/// What `trustboard similar` prints, on a hand-made census of five secondary schools.
@Suite struct SimilarSchoolsListingTests {
    let summer = DataDrop(year: AcademicYear(2022), term: .summer)

    private func line(_ urn: Int, disadvantaged: Double) -> SchoolCensus {
        SchoolCensus(
            urn: Fixtures.urn(urn), year: summer.year, schoolType: "State-funded secondary",
            phase: .secondary,
            pupils: 1_000, disadvantagedPercent: disadvantaged, ealPercent: 10, senSupportPercent: 12,
            ehcpPercent: 2)
    }

    /// 100001 and, nearest first, 100002 (21%), 100003 (23%) and 100004 (26%); 100005 (60%)
    /// is the fourth nearest and left out of a group of 3. Attendance 95.5 for the academy,
    /// 94.0, 95.0 and 96.0 for the three; 100003 has no persistent absence.
    private func listing() throws -> SimilarSchoolsListing {
        let census = [
            line(100_001, disadvantaged: 20), line(100_002, disadvantaged: 21),
            line(100_003, disadvantaged: 23),
            line(100_004, disadvantaged: 26), line(100_005, disadvantaged: 60),
        ]
        let group = try SimilarSchoolsRequest.group(
            of: Fixtures.urn(100_001), in: census, year: summer.year, count: 3)
        var outcomes = SchoolOutcomes(drop: summer)
        for (urn, value) in [
            (100_001, 95.5), (100_002, 94.0), (100_003, 95.0), (100_004, 96.0), (100_005, 99.0),
        ] {
            outcomes.add(
                SchoolOutcome(urn: Fixtures.urn(urn), drop: summer, kpi: .attendanceRate, value: value))
        }
        for (urn, value) in [(100_001, 12.0), (100_002, 10.0), (100_004, 14.0)] {
            outcomes.add(
                SchoolOutcome(urn: Fixtures.urn(urn), drop: summer, kpi: .persistentAbsenceRate, value: value)
            )
        }
        let names = [
            Fixtures.urn(100_002): SchoolName(
                urn: Fixtures.urn(100_002), name: "Elm School", localAuthority: "380")
        ]
        return SimilarSchoolsListing(
            group: group, academyName: "Oak Academy", names: names, outcomes: outcomes)
    }

    /// The national line and CSV row come from the national row given, as it gives it;
    /// without one, the text says how to get it and the CSV has no `national` row.
    @Test func theNationalRowIsPrintedAsGivenOrItsAbsenceExplained() throws {
        let plain = try listing()
        #expect(
            plain.text.contains(
                "National figures: none stored for 2022/23; they come from the census file's national (NAT) rows"
            ))
        #expect(!plain.csv.contains("\nnational,"))
        let national = NationalCensus(
            year: summer.year, schoolType: "State-funded secondary", phase: .secondary, pupils: 3_327_970,
            disadvantagedPercent: 27.7, ealPercent: 16.9, senSupportPercent: 10.8, ehcpPercent: nil)
        let with = SimilarSchoolsListing(
            group: plain.group, academyName: plain.academyName, names: plain.names, outcomes: plain.outcomes,
            national: national)
        #expect(
            with.text.contains(
                "National (DfE school census 2022/23, state-funded secondary schools in England): "
                    + "disadvantaged 27.7% · EAL 16.9% · SEN support 10.8% · EHCP NA\n"), "\(with.text)")
        let rows = with.csv.split(separator: "\n").map(String.init)
        // The last row; its pupils left empty (England's total is no school's size), then
        // the four percentages, no distance, and no value for the two measures.
        #expect(rows.last == "national,,state-funded secondary schools in England,,,27.7,16.9,10.8,,,,")
    }

    @Test func textListsTheSchoolsThenEachMeasure() throws {
        let text = try listing().text
        #expect(
            text.hasPrefix(
                "Similar schools of Oak Academy (100001), 2022/23: the 3 nearest of 4 secondary schools"))
        #expect(
            text.contains("1,000 pupils · disadvantaged 20.0% · EAL 10.0% · SEN support 12.0% · EHCP 2.0%"))
        let lines = text.split(separator: "\n").map(String.init)
        // Nearest first; the name and local authority where a file gave them.
        let order = lines.compactMap { line in
            ["100002", "100003", "100004", "100005"].first { line.contains($0) }
        }
        #expect(order == ["100002", "100003", "100004"])
        #expect(lines.contains { $0.contains("100002") && $0.contains("Elm School") && $0.contains("380") })
        // 94.0, 95.0, 96.0: median 95.0, quartiles 94.5 and 95.5; 95.5 is beaten by 96.0 alone
        // (2nd of 4) and is at the upper quartile: the best quarter.
        let attendance = try #require(lines.first { $0.hasPrefix("attendance_rate") })
        #expect(
            attendance.split(separator: " ", omittingEmptySubsequences: true).map(String.init) == [
                "attendance_rate", "95.5", "95.0", "94.5–95.5", "2nd", "best", "of", "4", "1", "3", "of", "3",
            ])
        // Persistent absence (lower is better): 12.0 among 10.0 and 14.0; 100003 has none.
        let persistent = try #require(lines.first { $0.hasPrefix("persistent_absence_rate") })
        #expect(
            persistent.split(separator: " ", omittingEmptySubsequences: true).map(String.init) == [
                "persistent_absence_rate", "12.0", "12.0", "11.0–13.0", "2nd", "best", "of", "3", "2", "2",
                "of", "3",
            ])
    }

    @Test func csvHasASchoolPerRowThenTheSummaries() throws {
        let rows = try listing().csv.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try #require(rows.first)
        #expect(Array(header.suffix(2)) == ["attendance_rate", "persistent_absence_rate"])
        #expect(
            rows.dropFirst().map { $0[0] } == [
                "academy", "similar", "similar", "similar", "median", "lower_quartile", "upper_quartile",
                "rank", "ranked", "quartile",
            ])
        // 100003 published no persistent absence: an empty cell, never a value made up.
        let elm = try #require(rows.first { $0[1] == "100003" })
        #expect(elm.last == "")
        #expect(rows.first { $0[0] == "rank" }.map { Array($0.suffix(2)) } == ["2", "2"])
    }
}
