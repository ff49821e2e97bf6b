import Metrics
import Testing

@testable import BoardPack

/// The pack of the hand-worked `PackTrust`: its golden file, and each figure the file
/// shows checked against the working in `PackTrust`.
@Suite("Board pack of a hand-worked trust")
struct PackGoldenTests {
    static let html = PackTrust.pack().html()
    static let pack = PackHTML(text: html)

    /// A row of a figure table, cell by cell.
    static func row(_ cells: [(String, String?)]) -> String {
        "<tr>"
            + cells.map { text, style in "<td\(style.map { " class=\"\($0)\"" } ?? "")>\(text)</td>" }
            .joined() + "</tr>"
    }

    static func figure(
        _ label: String, value: String, rating: String, ratingClass: String, against: String,
        lastYear: String,
        change: String, pupils: String
    ) -> String {
        row([
            (label, nil), (value, "n"), (rating, ratingClass), (against, "n"), (lastYear, "n"), (change, "n"),
            (pupils, "n"),
        ])
    }

    @Test("The pack matches its golden file")
    func golden() {
        Golden.check(Self.html, named: "pack-test-trust.html")
    }

    /// Written in pieces, the pack is the same document; told to stop (its file has
    /// failed), it hands on nothing more: the head, cover and summary, then each academy's
    /// page (two here), then the rest.
    @Test("Written in pieces it is the whole pack, and it stops when told")
    func writtenInPieces() {
        let pack = PackTrust.pack()
        var pieces: [String] = []
        #expect(
            pack.write(goingOn: {
                pieces.append($0)
                return true
            }))
        #expect(pieces.count == 4, "the head, cover and summary; two academies' pages; the rest")
        #expect(pieces.joined() == Self.html)
        for stop in 0..<4 {
            var handed: [String] = []
            let whole = pack.write(goingOn: { piece in
                handed.append(piece)
                return handed.count <= stop
            })
            #expect(!whole)
            #expect(handed == Array(pieces.prefix(stop + 1)), "stopped at piece \(stop)")
        }
    }

    @Test("Ash & Oak's attendance and absence, figure by figure")
    func ashAttendance() {
        let page = Self.pack.section("academy-100201")
        // Attendance 2,000 of 40,000 missed → 95.0, GREEN at or above 94.0; last year 2,280
        // of 38,000 → 94.0, +1.0. PA 20 of 200 → 10.0, GREEN at or below 16.0; last year 25
        // of 190 → 13.2, −3.2.
        #expect(
            page.rows("All pupils").first
                == Self.row([
                    ("All pupils", nil), ("200", "n"), ("95.0", "n"), ("● GREEN", "r-green"), ("94.0", "n"),
                    ("+1.0 better", "n"), ("10.0", "n"), ("● GREEN", "r-green"), ("16.0", "n"),
                    ("-3.2 better", "n"),
                ]))
        // 800 of 10,000 → 92.0, RED below 93.0, last year 960 of 9,600 → 90.0, +2.0; PA 10 of
        // 50 → 20.0, AMBER within 5.0 above 16.0, was 12 of 48 = 25.0, −5.0.
        #expect(
            page.rows("Disadvantaged").first
                == Self.row([
                    ("Disadvantaged", nil), ("50", "n"), ("92.0", "n"), ("■ RED", "r-red"), ("94.0", "n"),
                    ("+2.0 better", "n"), ("20.0", "n"), ("▲ AMBER", "r-amber"), ("16.0", "n"),
                    ("-5.0 better", "n"),
                ]))
        // No severe absence in the drop, so no column for it.
        #expect(!page.text.contains("Severe absence"))
    }

    @Test("Ash & Oak's absence by reason, against the national figure where there is one")
    func ashReasons() {
        let page = Self.pack.section("academy-100201")
        #expect(
            page.text.contains(
                "<h3>Absence by reason, % of possible sessions; pupils at risk of persistent absence</h3>"))
        // Illness and medical are authorised, the other two unauthorised: two tables.
        #expect(page.text.contains("<th>Authorised</th>") && page.text.contains("<th>Unauthorised</th>"))
        // Illness 1,200 of 40,000 → 3.0, against 3.2 (2025/26 spring); was 1,330 of 38,000
        // → 3.5; −0.5, lower is better. Not rated, so no rating column.
        #expect(
            page.rows("Illness absence").first
                == Self.row([
                    ("Illness absence", nil), ("3.0", "n"), ("3.2", "n"), ("-0.5 better", "n"),
                ]))
        // Medical 200 of 40,000 → 0.5, was 190 of 38,000 → 0.5; against 0.6 from 2024/25
        // spring, a year earlier than the figure, so the year is named beside it.
        #expect(
            page.rows("Medical appointments absence").first
                == Self.row([
                    ("Medical appointments absence", nil), ("0.5", "n"), ("0.6 (2024/25)", "n"), ("0.0", "n"),
                ]))
        // Unauthorised holiday 120 of 40,000 → 0.3, was 76 of 38,000 → 0.2: +0.1 worse; no
        // national figure. Late 40 of 40,000 → 0.1, was 38 of 38,000 → 0.1.
        #expect(
            page.rows("Unauthorised holiday absence").first
                == Self.row([
                    ("Unauthorised holiday absence", nil), ("0.3", "n"), ("—", "n"), ("+0.1 worse", "n"),
                ]))
        #expect(
            page.rows("Late after registers closed").first
                == Self.row([("Late after registers closed", nil), ("0.1", "n"), ("—", "n"), ("0.0", "n")]))
        // No other reason is given, so no other row.
        #expect(!page.text.contains("Other authorised absence"))
        #expect(!page.text.contains("No reason yet absence"))
    }

    @Test("Ash & Oak's pupils at risk, beside the persistently absent")
    func ashBands() {
        let page = Self.pack.section("academy-100201")
        // 30 of 200 at risk → 15.0, was 35 of 190 → 18.4: −3.4. The at-risk share is rated on
        // its change since the same term last year: a fall is within green's +1.0.
        #expect(
            page.rows("5% to under 10% (at risk)").first
                == Self.row([
                    ("5% to under 10% (at risk)", nil), ("15.0", "n"), ("● GREEN", "r-green"),
                    ("—", "n"), ("-3.4 better", "n"),
                ]))
        // 20 of 200 persistently absent → 10.0 GREEN against 16.0; was 25 of 190 → 13.2.
        #expect(
            page.rows("10% or more (persistent)").first
                == Self.row([
                    ("10% or more (persistent)", nil), ("10.0", "n"), ("● GREEN", "r-green"),
                    ("16.0", "n"), ("-3.2 better", "n"),
                ]))
        // No severe absence given, so no row for it.
        #expect(page.rows("50% or more (severe)").isEmpty)
    }

    @Test("Beech gives no reasons or bands, so its page has no such table")
    func beechNoReasons() {
        let page = Self.pack.section("academy-100202")
        #expect(!page.text.contains("Absence by reason"))
        #expect(!page.text.contains("at risk"))
    }

    @Test("Beech's attainment and gap")
    func beech() {
        let page = Self.pack.section("academy-100202")
        // RWM 16 of 25 → 64.0, GREEN at or above 62.0; was 15 of 27 = 55.6; +8.4.
        #expect(
            page.rows("RWM expected").first
                == Self.figure(
                    "RWM expected", value: "64.0", rating: "● GREEN", ratingClass: "r-green", against: "62.0",
                    lastYear: "55.6", change: "+8.4 better", pupils: "25"))
        // Others 95.4 (640 of 14,000 missed) − disadvantaged 89.0 = 6.4; a year ago 95.6 − 94.0 = 1.6.
        #expect(
            page.text.contains(
                "Disadvantaged gap (Attendance): others 95.4 − disadvantaged 89.0 = 6.4 percentage points; 1.6 a year ago"
            ))
    }

    @Test("A lower-is-better gap is written so that a positive gap means the first group is behind")
    func persistentAbsenceGap() {
        let page = Self.pack.section("academy-100201")
        // Ash & Oak's PA: disadvantaged 10 of 50 → 20.0, others 10 of 150 → 6.7; the
        // disadvantaged are behind by 20.0 − 6.7 = 13.3 points, written as a positive gap.
        #expect(
            page.text.contains(
                "Disadvantaged gap (Persistent absence): disadvantaged 20.0 − others 6.7 = 13.3 percentage points"
            ))
    }

    @Test("The summary: the trust's figures and the counts of academies by rating")
    func summary() {
        let page = Self.pack.section("summary")
        // 3,300 of 60,000 → 94.5 GREEN against 94.0 (both academies primary); was 94.4; +0.1.
        // Ash GREEN, Beech AMBER: 1 green, 1 amber, 0 red.
        #expect(
            page.rows("Attendance").first
                == Self.row([
                    ("Attendance", nil), ("94.5", "n"), ("● GREEN", "r-green"), ("94.0", "n"), ("—", nil),
                    ("94.4", "n"), ("+0.1 better", "n"), ("1", "n"), ("1", "n"), ("0", "n"),
                ]))
        // RWM 34 of 55 → 61.8, AMBER against 62.0; was 32 of 55 = 58.2; Ash AMBER, Beech GREEN.
        #expect(
            page.rows("Year 6 RWM expected").first
                == Self.row([
                    ("Year 6 RWM expected", nil), ("61.8", "n"), ("▲ AMBER", "r-amber"), ("62.0", "n"),
                    ("—", nil),
                    ("58.2", "n"), ("+3.6 better", "n"), ("1", "n"), ("1", "n"), ("0", "n"),
                ]))
        // Only Beech's disadvantaged attendance turned red: 94.0 AMBER → 89.0 RED.
        #expect(page.text.contains("Turned red since 2024/25 spring: 1"))
    }

    @Test("The changes: one turned red, two red and worse, two now amber, four improved")
    func changes() {
        let page = Self.pack.section("changes")
        #expect(page.text.contains("<h3>Turned red: 1 "))
        #expect(page.text.contains("<h3>Red and worse: 2 "))
        #expect(page.text.contains("<h3>Now amber: 2 "))
        #expect(page.text.contains("<h3>Improved: 4 "))
    }

    @Test("The changes section keeps the worst, beyond chance first; the rest go to the appendix, in order")
    func changesAppendix() {
        // PackTrust with 25 of Beech's 30 disadvantaged pupils persistently absent now
        // (83.3, was 8 of 30 = 26.7: red and worse). Two-proportion test: pooled 33 of 60
        // = 0.55, se = √(0.55 × 0.45 × (1/30 + 1/30)) = 0.128, z = (0.833 − 0.267) ÷ 0.128
        // = 4.4, beyond chance. The trust's disadvantaged PA goes from 12 + 8 = 20 of 48 +
        // 30 = 78 (25.6, red) to 10 + 25 = 35 of 80 (43.8, red and worse): pooled 55 of
        // 158 = 0.348, se = √(0.348 × 0.652 × (1/78 + 1/80)) = 0.076, z = 0.181 ÷ 0.076
        // = 2.4, beyond chance. Every other change is as in PackTrust, and could be chance:
        // turned red 1, red and worse 1 more, now amber 2, improved 4; ten in all.
        var data = PackTrust.data
        data.attendance = data.attendance.map { record in
            guard record.urn == PackTrust.beech, record.drop == PackTrust.now, record.group == .disadvantaged
            else { return record }
            var changed = record
            changed.persistentAbsentees = 25
            return changed
        }
        let figures = PackFigures(
            data: data, config: RatingConfig(),
            request: PackRequest(
                drop: PackTrust.now, academies: nil, trustName: "Test Learning Trust",
                marking: "OFFICIAL-SENSITIVE", date: "1 December 2026"),
            similar: { _ in nil })
        #expect(PackChangesPage.listed(figures).count == 10)
        // With 2 for the board: the two beyond chance, though the list puts the new red
        // (could be chance) first; it and the seven others go to the appendix.
        var section = HTML()
        PackChangesPage.write(figures, count: 2, into: &section)
        var appendix = HTML()
        PackChangesPage.writeAppendix(figures, count: 2, into: &appendix)
        #expect(section.text.contains("The 2 worst of the 10 changes are here"))
        #expect(section.text.contains("The other 8 are in the appendix after the method page."))
        #expect(!section.text.contains("<h3>Turned red"))
        #expect(section.text.contains("<h3>Red and worse: 3 (2 beyond chance); 1 more in the appendix</h3>"))
        #expect(!section.text.contains("could be chance</td>"))
        #expect(appendix.text.contains("<h2>Appendix: the other 8 changes in 2025/26 spring</h2>"))
        #expect(appendix.text.contains("<h3>Turned red: 1 more (0 beyond chance)</h3>"))
        #expect(appendix.text.contains("<h3>Red and worse: 1 more (0 beyond chance)</h3>"))
        #expect(appendix.text.contains("<h3>Now amber: 2 more (0 beyond chance)</h3>"))
        #expect(appendix.text.contains("<h3>Improved: 4 more (0 beyond chance)</h3>"))
        // Every change is in one place or the other, once: 2 + 8 rows.
        let rows = { (text: String) in text.components(separatedBy: "<tr><td>").count - 1 }
        #expect(rows(section.text) == 2 && rows(appendix.text) == 8)
        // With the default of 15, PackTrust's nine changes are all in the section and there
        // is no appendix.
        #expect(!Self.html.contains("id=\"changes-appendix\""))
    }

    @Test("The method page names each national figure's source")
    func method() {
        let page = Self.pack.section("method")
        #expect(page.text.contains("<td>Test absence release, 2025/26</td>"))
        #expect(page.text.contains("<td>Test KS2 results, 2024/25</td>"))
        #expect(page.text.contains("green at or above the benchmark; amber within 1.0 below it; red beyond"))
    }

    @Test("--academy gives only that academy's page and changes")
    func oneAcademy() {
        let html = PackTrust.pack(academies: [PackTrust.beech]).html()
        #expect(!html.contains("id=\"academy-100201\""))
        #expect(html.contains("id=\"academy-100202\""))
        #expect(!PackHTML(text: html).section("changes").text.contains("Ash &amp; Oak"))
    }
}
