/// The cells of a report row from its value on, as a rated figure gives them.
///
/// The one place for what a row may show: a suppressed figure shows no cohort, national
/// percentile, target or expected value, and a figure without a value no similar-schools
/// comparison. `ReportRow` is made from these, and the CSV of a national-scale report is
/// written from them straight, without a row of strings per figure (`CSVRowWriter`).
///
/// Numbers only, and the rating as its case: a plain value that copies without
/// reference counting, as a national report makes 3.5 million of them. The benchmark's
/// period, the one text cell, is taken from the rated figure by whoever writes it.
struct ReportCells {
    var value: Double?
    var rating: RAGRating
    var benchmark: Double?
    var previous: Double?
    var change: Double?
    var cohort: Int?
    var nationalPercentile: Int?
    var target: Double?
    var approximate: Bool?
    var similarMedian: Double?
    var similarRank: Int?
    var similarCount: Int?
    var similarExpected: Double?
    var decimals: Int
}

extension ReportCells {
    /// The cells of `rated`, without a similar-schools comparison. The value and the
    /// previous value as shown are each worked out once here (`RatedFigure.change(shown:
    /// previousShown:)`), not again for the change.
    init(_ rated: borrowing RatedFigure) {
        let figure = rated.figure
        let suppressed = rated.rating == .suppressed
        let decimals = figure.kpi.decimals
        self.decimals = decimals
        let shown = rated.shown
        value = shown
        rating = rated.rating
        // Read through the optional in place: mapping it copied the benchmark, retaining
        // its texts, for one number.
        let benchmarkValue = rated.benchmark?.benchmark.value
        benchmark = benchmarkValue.map { DisplayRounding.round($0, decimals: decimals) }
        let previousShown = rated.previousShown
        previous = previousShown
        change = rated.change(shown: shown, previousShown: previousShown)
        cohort = suppressed ? nil : figure.knownPupils
        nationalPercentile = suppressed ? nil : rated.nationalPercentile?.percentile
        target = suppressed || rated.origin != .academyTarget ? nil : rated.greenLine
        // From the publication, not `rated.isApproximate`, so the value is not rounded twice
        // on every row of a national-scale report.
        approximate = value == nil ? nil : figure.publication?.isApproximate == true
        similarExpected =
            suppressed || value == nil
            ? nil : rated.similarExpected.map { DisplayRounding.round($0, decimals: decimals) }
    }

    /// The similar-schools cells of a row showing `value`: none for a row without a value.
    static func similar(
        _ comparison: SimilarSchoolsComparison?, value: Double?, decimals: Int
    ) -> (median: Double, rank: Int, count: Int)? {
        guard let comparison, value != nil else { return nil }
        return (
            DisplayRounding.round(comparison.median, decimals: decimals), comparison.rank, comparison.outOf
        )
    }

    /// Adds the similar-schools comparison, as `similar(_:value:decimals:)` allows.
    mutating func compare(with comparison: SimilarSchoolsComparison?) {
        guard let similar = Self.similar(comparison, value: value, decimals: decimals) else { return }
        similarMedian = similar.median
        similarRank = similar.rank
        similarCount = similar.count
    }
}
