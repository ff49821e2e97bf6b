import Metrics

extension AcademyScreen {
    /// The inclusion panel: suspensions per 100 pupils, the share of pupils suspended and
    /// permanent exclusions per 100 pupils, each with its change; the suspension trend
    /// over the drops; the disadvantaged and SEND gaps in suspensions; then suspensions
    /// for each other pupil group and each year group. No national figure is built in, so
    /// the figures carry the "no rating" mark unless the trust's config rates them.
    static func inclusionLines(_ page: Context, width: Int, height: Int) -> [PanelLine] {
        let suspensions = KPI.inclusion(.suspensionRate)
        var lines = [
            figureLine(page, suspensions, label: "suspensions", width: width, focus: 0, priority: 0),
            figureLine(
                page, .inclusion(.pupilsSuspendedRate), label: "pupils suspended", width: width, focus: 1,
                priority: 2),
            figureLine(
                page, .inclusion(.permanentExclusionRate), label: "perm. exclusions", width: width, focus: 2,
                priority: 2),
            trendLine(page, suspensions, width: width, priority: 1),
        ]
        for sides in [GapSides.disadvantaged, .send] {
            lines += gapLines(
                page, suspensions, subject: "suspensions", sides: sides, width: width, priority: 3,
                always: false)
        }
        lines += groupAndYearLines(
            page, suspensions, panel: .inclusion, firstFocus: AcademyFigures.inclusionHeadlines.count,
            width: width, rows: height - lines.count, priority: 4)
        return lines
    }
}
