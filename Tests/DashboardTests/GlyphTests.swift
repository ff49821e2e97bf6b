import Dashboard
import Metrics
import Testing

/// Rating marks and change arrows are different shapes, in Unicode and in ASCII, and in
/// ASCII no rating, no figure and the `·` between words all look different.
@Suite("Marks and arrows")
struct GlyphTests {
    static let ratings: [RAGRating] = [.green, .amber, .red, .none, .suppressed]

    @Test func arrowsFollowTheSignOfTheChange() {
        #expect(ChangeArrow(1.0) == .up)
        #expect(ChangeArrow(0.05) == .up)
        #expect(ChangeArrow(-0.1) == .down)
        #expect(ChangeArrow(0) == .level)
        #expect(ChangeArrow.up.glyph(ascii: false) == "↑")
        #expect(ChangeArrow.down.glyph(ascii: false) == "↓")
        #expect(ChangeArrow.level.glyph(ascii: false) == "=")
        #expect(ChangeArrow.up.glyph(ascii: true) == "^")
        #expect(ChangeArrow.down.glyph(ascii: true) == "v")
        #expect(ChangeArrow.level.glyph(ascii: true) == "=")
        #expect(ChangeArrow.text(-5.0, size: "5.0", ascii: false) == "↓ 5.0")
        #expect(ChangeArrow.text(2.9, size: "2.9", ascii: true, spaced: false) == "^2.9")
    }

    @Test(arguments: [false, true])
    func noArrowIsARatingMark(ascii: Bool) {
        let marks = Set(Self.ratings.map { RatingMark.mark($0, ascii: ascii) })
        let arrows = Set([ChangeArrow.up, .down, .level].map { $0.glyph(ascii: ascii) })
        #expect(marks.count == 5, "every rating has its own mark")
        #expect(arrows.count == 3)
        #expect(marks.isDisjoint(with: arrows), "\(marks) \(arrows)")
        // Amber is ▲ (A); "went up" is never that shape.
        #expect(RatingMark.mark(.amber, ascii: ascii) != ChangeArrow.up.glyph(ascii: ascii))
    }

    @Test func unicodeMarksAreTheShapesTheREADMEGives() {
        #expect(Self.ratings.map { RatingMark.mark($0, ascii: false) } == ["●", "▲", "■", "·", "◌"])
        #expect(Self.ratings.map { RatingMark.mark($0, ascii: true) } == ["G", "A", "R", "N", "S"])
    }

    /// In ASCII a missing figure is `-` and the `·` between words becomes `.`: the
    /// no-rating mark is neither.
    @Test func asciiNoRatingIsNotNoFigure() {
        let style = TextStyle(ascii: true)
        let none = RatingMark.mark(.none, ascii: true)
        #expect(none != style.clean("—"))
        #expect(none != style.clean("–"))
        #expect(none != style.clean("·"))
        #expect(none != RatingMark.approximate(ascii: true))
    }

    /// Text cleaned for ASCII turns each mark and arrow into its own ASCII form, so a ▲
    /// written anywhere still reads "amber", never "went up".
    @Test func asciiTransliterationKeepsMarksAndArrowsApart() {
        let style = TextStyle(ascii: true)
        for rating in [RAGRating.green, .amber, .red, .suppressed] {
            #expect(
                style.clean(RatingMark.mark(rating, ascii: false)) == RatingMark.mark(rating, ascii: true))
        }
        for arrow in [ChangeArrow.up, .down, .level] {
            #expect(style.clean(arrow.glyph(ascii: false)) == arrow.glyph(ascii: true))
        }
        #expect(style.clean("▲ 1.0") == "A 1.0")
        #expect(style.clean("≈73.4") == "~73.4")
    }

    /// The overview at 80×24 in ASCII: Cedar's attendance 92.0 is red and down 1.0
    /// (93.0 → 92.0), its PA 20.0 red and up 7.1 (12.9 → 20.0); the trust's attendance
    /// has no rating (91.7, down 0.4); Damson's severe absence has no figure.
    @Test func overviewRowsInASCII() throws {
        let view = TestTrust.view()
        let state = DashboardState(view: view, width: 120, height: 40, ascii: true)
        let text = DashboardRenderer.render(state, view: view).text
        let lines = text.split(separator: "\n").map(String.init)
        let cedar = try #require(lines.first { $0.contains("St Cedar's") })
        #expect(cedar.contains("R  92.0 v1.0"), "\(cedar)")
        #expect(cedar.contains("R  20.0 ^7.1"), "\(cedar)")
        let trust = try #require(lines.first { $0.contains("Trust (5 of 5)") })
        #expect(trust.contains("N  91.7 v0.4"), "\(trust)")
        let damson = try #require(lines.first { $0.contains("Damson School") })
        #expect(damson.contains("S SUPP"), "\(damson)")
        #expect(damson.hasSuffix(" -"), "\(damson)")
    }
}
