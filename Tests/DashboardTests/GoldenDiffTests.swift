import Testing

@Suite("Golden's line diff")
struct GoldenDiffTests {
    @Test func namesEachDifferingLineWithBothTexts() {
        // Lines 1 and 3 are equal; line 2 differs; the actual text has a fourth line.
        let expected = "top\nold middle\nbottom"
        let actual = "top\nnew middle\nbottom\nextra"
        let diff = Golden.lineDiff(expected: expected, actual: actual)
        #expect(
            diff == """
                line 2:
                - |old middle|
                + |new middle|
                line 4:
                - (none)
                + |extra|
                """)
    }

    @Test func equalTextsHaveNoDiff() {
        #expect(Golden.lineDiff(expected: "a\nb\n", actual: "a\nb\n").isEmpty)
    }

    @Test func trailingSpacesShowBetweenTheBars() {
        // Only a trailing space differs: the bars make it visible.
        #expect(Golden.lineDiff(expected: "a ", actual: "a") == "line 1:\n- |a |\n+ |a|")
    }
}
