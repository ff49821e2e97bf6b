import Metrics

/// The board pack: one self-contained HTML file of a drop's figures for a trust board or
/// a local governing body, in the order a board reads: a cover, a one-page summary, a
/// page per academy with its panels, charts and gaps, the worst of what changed, how the
/// figures are worked out, and the rest of what changed in an appendix.
///
/// A view, like the dashboard's screens: every figure, rating, change and comparison is
/// `Metrics`' (the same `ReportRow`s `report` writes, the same `RatingChanges` as
/// `report --changes`), so the pack cannot disagree with them. It has no script, fetches
/// nothing, and uses the system's fonts; print styles lay it out on A4 pages with a
/// running header and the marking.
public struct BoardPack {
    let figures: PackFigures

    /// The pack of `request.drop` from `data`, rated with `config`; `similar` gives a
    /// drop's similar-schools comparisons (nil without a school census), as `report`
    /// uses them.
    public init(
        data: TrustData, config: RatingConfig, request: PackRequest,
        similar: (DataDrop) -> SimilarComparisons? = { _ in nil }
    ) {
        figures = PackFigures(data: data, config: config, request: request, similar: similar)
    }

    /// The academies given pages, in order.
    public var academies: [Academy] { figures.academies }

    /// The whole HTML document.
    public func html() -> String {
        var text = ""
        write { piece in
            text += piece
            return true
        }
        return text
    }

    /// The HTML document in pieces passed to `output` in order: the head, cover and
    /// summary, each academy's page, and the rest, so that a pack of thousands of pages is
    /// never held whole (a national store's is 328 MB). `output` returns false to stop, as
    /// when the file being written has failed (a full disk): no page is worked out after
    /// that, so a national pack fails at once rather than after working out the other
    /// 22,000 pages. True when the whole document was handed on.
    @discardableResult
    public func write(goingOn output: (String) -> Bool) -> Bool {
        let request = figures.request
        var html = HTML()
        html.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.element("title", text: "\(request.trustName): board pack, \(request.drop)")
        html.raw("\n<style>\n")
        html.raw(
            PackStyle.css(
                header: "\(request.trustName) · \(request.drop)", marking: request.marking))
        html.raw("</style>\n</head>\n<body>\n")
        html.element("div", ["class": "marking screen-only"], text: request.marking)
        PackCover.write(figures, into: &html)
        PackSummary.write(figures, into: &html)
        guard output(html.take()) else { return false }
        // The academies' pages, three quarters of a large pack's work, are written on
        // every core, each with its own academy's figures, and handed on in order.
        let figures = figures
        let pages = PiecesInOrder(count: figures.academies.count, window: 8).run(
            make: { index in
                var page = HTML()
                PackAcademyPage.write(figures.academies[index], figures.forPage(), into: &page)
                return page.take()
            },
            goingOn: output)
        guard pages else { return false }
        PackChangesPage.write(figures, into: &html)
        PackMethodPage.write(figures, into: &html)
        PackChangesPage.writeAppendix(figures, into: &html)
        html.raw("</body>\n</html>\n")
        return output(html.take())
    }
}
