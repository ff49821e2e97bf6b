extension AcademyScreen {
    /// The attainment table's columns for a content width: where each starts, and which of
    /// the optional ones (pupils, last year's value) fit.
    struct AttainmentColumns {
        var subject: Int
        var expected: Int
        var greaterDepth: Int
        var benchmark: Int
        var change: Int
        var pupils: Int?
        var last: Int?

        static let expectedWidth = 10
        /// Wide enough for "Higher %" and "Strong %".
        static let greaterDepthWidth = 8
        static let benchmarkWidth = 8
        static let changeWidth = 6
        static let pupilsWidth = 6
        static let lastWidth = 11

        init(labelWidth: Int, width: Int) {
            let core = [Self.expectedWidth, Self.greaterDepthWidth, Self.benchmarkWidth, Self.changeWidth]
            let optional = [Self.pupilsWidth, Self.lastWidth]
            // More columns first, as long as they keep two spaces apart; then wider gaps.
            let choices = [(2, 3), (2, 2), (1, 3), (1, 2), (0, 3), (0, 2), (0, 1)]
            let (extra, gap) =
                choices.first { extra, gap in
                    let columns = core + optional.prefix(extra)
                    return labelWidth + columns.reduce(0, +) + gap * columns.count <= width
                } ?? (0, 1)
            var x = labelWidth
            func next(_ width: Int) -> Int {
                x += gap
                defer { x += width }
                return x
            }
            subject = 0
            expected = next(Self.expectedWidth)
            greaterDepth = next(Self.greaterDepthWidth)
            benchmark = next(Self.benchmarkWidth)
            change = next(Self.changeWidth)
            pupils = extra >= 1 ? next(Self.pupilsWidth) : nil
            last = extra >= 2 ? next(Self.lastWidth) : nil
        }
    }
}
