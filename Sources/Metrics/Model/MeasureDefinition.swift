/// One entry of the measure catalogue: everything trustboard knows about a KPI in one
/// place, so that a new measure is one entry and the compiler finds the rest.
///
/// The key is the interface (files, config, reports) and never changes; the label is the
/// words people read. `computation` says how the figure comes from the counts of its
/// record kind, by the counts' stored names, and `FigureCalculator` computes counted
/// measures from it.
public struct MeasureDefinition: Hashable, Sendable {
    /// What a figure's number is.
    public enum Unit: String, Hashable, Sendable {
        /// Percent, 0–100.
        case percent
        /// A count per 100 pupils, which may exceed 100 (suspensions, say).
        case perHundredPupils
        /// An average score, weighted by cohort.
        case score
        /// A progress score around 0, which may be negative.
        case progress
    }

    /// How a figure is computed from the counts of one record.
    public enum Computation: Hashable, Sendable {
        /// `numerator` over `denominator`, times `scale` (100 for a percentage or a rate
        /// per 100 pupils). Sums of both counts make the trust's figure.
        case rate(numerator: String, denominator: String, scale: Double)
        /// The record's `average`, weighted by `weight` in the trust's figure.
        case average(of: String, weightedBy: String)
        /// Only ever published by the DfE, never computed from a trust's counts.
        case publishedOnly
    }

    /// The key used in files, config and reports, such as `attendance_rate`.
    public let key: String
    /// How the measure is named on screen, without a year group.
    public let label: String
    /// A shorter name for narrow columns, when the label is long.
    public let shortLabel: String?
    /// What the number is.
    public let unit: Unit
    /// Which way is better.
    public let direction: KPI.Direction
    /// Decimal places shown.
    public let decimals: Int
    /// The record kind whose counts the figure comes from; nil when only published.
    public let source: DropRecordKind?
    /// How the figure comes from the counts.
    public let computation: Computation
    /// The trust-wide rule when the config gives none; nil for unrated.
    public let rule: RatingRule?
    /// The DfE's name for the measure, as its releases and files publish it.
    public let dfeName: String

    /// What numerator over denominator is multiplied by for the figure: 100 for a
    /// percentage or a rate per 100 pupils, 1 for an average.
    public var scale: Double {
        switch computation {
        case .rate(_, _, let scale): scale
        case .average, .publishedOnly: 1
        }
    }

    /// Makes a catalogue entry.
    public init(
        key: String, label: String, shortLabel: String? = nil, unit: Unit, direction: KPI.Direction,
        decimals: Int = 1,
        source: DropRecordKind?, computation: Computation, rule: RatingRule?, dfeName: String
    ) {
        self.key = key
        self.label = label
        self.shortLabel = shortLabel
        self.unit = unit
        self.direction = direction
        self.decimals = decimals
        self.source = source
        self.computation = computation
        self.rule = rule
        self.dfeName = dfeName
    }
}
