import Foundation
import Metrics
import Testing

@testable import BoardPack

/// No suppressed figure can be worked out from the pack.
///
/// The trust: `PackTrust`'s 2025/26 spring with four of Beech's pupils disadvantaged
/// (800 possible sessions, 100 missed: attendance 87.5; 2 persistently absent: 50.0) and
/// 96 not (19,200 and 1,200: 93.8; 16 persistently absent: 16.7). Beech's disadvantaged
/// figures are hidden (fewer than 6 pupils); its other pupils' too, since all pupils
/// minus them would give the four away. The trust's disadvantaged figure is Ash & Oak's
/// plus Beech's, so Ash & Oak's disadvantaged figure is hidden too (with it shown, the
/// trust minus Ash & Oak would be Beech's), and then Ash & Oak's other pupils', since
/// Ash & Oak's all pupils minus them would give its disadvantaged figure away.
@Suite("Suppression in the pack")
struct SuppressionTests {
    static let data: TrustData = {
        var data = PackTrust.data
        data.attendance =
            data.attendance.filter { $0.drop == PackTrust.now && $0.urn == PackTrust.ash } + [
                PackTrust.attendance(
                    PackTrust.beech, PackTrust.now, .all, pupils: 100, possible: 20_000, absent: 1_300,
                    persistent: 18),
                PackTrust.attendance(
                    PackTrust.beech, PackTrust.now, .disadvantaged, pupils: 4, possible: 800, absent: 100,
                    persistent: 2),
                PackTrust.attendance(
                    PackTrust.beech, PackTrust.now, .notDisadvantaged, pupils: 96, possible: 19_200,
                    absent: 1_200, persistent: 16),
            ]
        data.attainment = data.attainment.filter { $0.drop == PackTrust.now }
        return data
    }()

    static let html = PackTrust.pack(data: data).html()

    @Test("The small group and every group that would give it away read SUPP, with no number")
    func hiddenRows() {
        for (id, urn) in [("academy-100202", "Beech"), ("academy-100201", "Ash & Oak")] {
            let page = PackHTML(text: Self.html).section(id)
            for label in ["Disadvantaged", "Not disadvantaged"] {
                let rows = page.rows(label)
                #expect(rows.count == 1, "\(urn) \(label): one row of attendance and persistent absence")
                let cells = rows.first?.components(separatedBy: "</td>") ?? []
                guard cells.count == 11 else {
                    Issue.record("\(urn) \(label): \(cells.count - 1) cells")
                    continue
                }
                // Pupils hidden; for attendance and persistent absence the value and change
                // say nothing, and the benchmark, a national figure, is the only number left.
                #expect(cells[1] == "<td class=\"n\">hidden", "\(urn) \(label)")
                for first in [2, 6] {
                    #expect(cells[first] == "<td class=\"n\">SUPP", "\(urn) \(label): \(cells[first])")
                    #expect(cells[first + 1] == "<td class=\"r-suppressed\">◌ SUPP")
                    #expect(cells[first + 3] == "<td class=\"n\">—", "\(urn) \(label): \(cells[first + 3])")
                }
            }
        }
        // Why, once per row under its label: the same reason for attendance and
        // persistent absence, so written once.
        let beech = PackHTML(text: Self.html).section("academy-100202")
        #expect(
            beech.rows("Disadvantaged").first?.hasPrefix(
                "<tr><td>Disadvantaged<br><span class=\"why\">SUPP: fewer than 6 pupils</span></td>") == true)
        #expect(
            beech.rows("Not disadvantaged").first?.hasPrefix(
                "<tr><td>Not disadvantaged<br><span class=\"why\">SUPP: hidden to protect a small group</span></td>"
            )
                == true)
        let ash = PackHTML(text: Self.html).section("academy-100201")
        #expect(
            ash.rows("Disadvantaged").first?.hasPrefix(
                "<tr><td>Disadvantaged<br><span class=\"why\">SUPP: hidden to protect a small group</span></td>"
            )
                == true)
    }

    @Test("Neither the small group's figures nor their complements appear anywhere")
    func valuesAbsent() throws {
        // Beech's four: 87.5 and 50.0; its other 96: 93.8 and 16.7; Ash & Oak's
        // disadvantaged 92.0 and 20.0, and its others 96.0 and 6.7. The charts' axis ticks
        // are round numbers that say nothing of a figure, so they are left out of the search.
        let ticks = try Regex("<text[^>]*class=\"c-tick\"[^>]*>[^<]*</text>")
        let html = Self.html.replacing(ticks, with: "")
        for value in ["87.5", "50.0", "93.8", "16.7", "92.0", "20.0", "96.0", "6.7"] {
            #expect(!html.contains(">\(value)<"), "\(value) is in a cell")
            #expect(!html.contains(" \(value) "), "\(value) is in a sentence")
            #expect(!html.contains(" \(value),"), "\(value) is in a chart's description")
            #expect(!html.contains(" \(value)."), "\(value) ends a sentence")
        }
        // Nor are the pupil counts of the hidden groups: Beech's 4 and 96, Ash & Oak's 50 and 150.
        for count in ["4", "96", "50", "150"] {
            #expect(!Self.html.contains("<td class=\"n\">\(count)</td>"), "\(count) pupils shown")
        }
    }

    @Test("No gap is worked out from a hidden figure")
    func noGap() {
        let beech = PackHTML(text: Self.html).section("academy-100202").text
        #expect(
            beech.contains(
                "Disadvantaged gap (Attendance): not shown (disadvantaged: fewer than 6 pupils; others: hidden to protect a small group)"
            ))
    }
}
