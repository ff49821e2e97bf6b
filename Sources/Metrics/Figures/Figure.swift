/// One KPI for one academy, or for the trust as a whole, in one drop, for one pupil
/// group and year group, with the counts it was computed from.
public struct Figure: Hashable, Sendable {
    /// Whose figure it is.
    public enum Owner: Hashable, Comparable, Sendable {
        case academy(URN)
        case trust

        /// The URN, or nil for the trust.
        public var urn: URN? {
            if case .academy(let urn) = self { return urn }
            return nil
        }
    }

    /// Whose figure it is.
    public var owner: Owner
    /// The KPI.
    public var kpi: KPI
    /// The drop.
    public var drop: DataDrop
    /// The pupil group.
    public var group: PupilGroup
    /// The year group.
    public var yearGroup: YearGroup
    /// For a percentage, the count on top (pupils at expected, absent sessions…); for an
    /// average score, the sum of average × cohort.
    public var numerator: Double
    /// For a percentage, the count below (cohort, possible sessions…); for an average
    /// score, the cohort.
    public var denominator: Double
    /// Pupils in the group: enrolments for attendance, the cohort for attainment. A group
    /// of fewer than 6 pupils is suppressed.
    public var pupils: Int
    /// Academies whose counts are summed (1 for an academy's own figure).
    public var academies: Int
    /// For attainment, how the figures were arrived at; mixed bases give nil.
    public var basis: AttainmentRecord.Basis?
    /// For a figure the DfE published without counts, what was published with it; nil
    /// for a figure worked out from counts. It holds no text or array, so `Figure` stays a
    /// plain value that copies without reference counting: a national report copies
    /// millions of figures. (Where a figure was published is in `PublishedFigure.source`.)
    public var publication: Publication?
    /// True when the figure is hidden although its group is large enough, because with
    /// it shown a small group's hidden figure could be worked out by subtraction (see
    /// `SmallGroupProtection`).
    public var protectsSmallGroup = false

    /// What the DfE published with a figure.
    public struct Publication: Hashable, Sendable {
        /// True when the figure comes with its pupil numbers, so that `pupils` is real
        /// and a trust-wide figure can weight by it.
        public var hasPupils: Bool
        /// True when the DfE published `SUPP` instead of a value.
        public var suppressed: Bool
        /// The published 95% confidence interval of a progress score; for the trust, the
        /// interval worked out from its academies' (see `FigureCalculator.trustFigures`).
        public var interval: ClosedRange<Double>?
        /// For an academy's published percentage, the only whole count of its pupils that
        /// rounds to it (see `PublishedCount`); nil when none or several do.
        public var count: Int?
        /// For a trust-wide percentage, how many academies' figures had no such count and
        /// were weighted by their pupils instead, which makes the trust's figure approximate.
        public var weightedAcademies: Int

        /// Makes a publication.
        public init(
            hasPupils: Bool, suppressed: Bool = false, interval: ClosedRange<Double>? = nil,
            count: Int? = nil,
            weightedAcademies: Int = 0
        ) {
            self.hasPupils = hasPupils
            self.suppressed = suppressed
            self.interval = interval
            self.count = count
            self.weightedAcademies = weightedAcademies
        }

        /// True for a trust-wide percentage that averages some academies' rounded
        /// percentages, weighted by pupils, because their counts are not known: it may not
        /// be a value any count of pupils could give.
        public var isApproximate: Bool { weightedAcademies > 0 }
    }

    /// Makes a figure.
    public init(
        owner: Owner, kpi: KPI, drop: DataDrop, group: PupilGroup, yearGroup: YearGroup, numerator: Double,
        denominator: Double, pupils: Int, academies: Int = 1, basis: AttainmentRecord.Basis? = nil
    ) {
        self.owner = owner
        self.kpi = kpi
        self.drop = drop
        self.group = group
        self.yearGroup = yearGroup
        self.numerator = numerator
        self.denominator = denominator
        self.pupils = pupils
        self.academies = academies
        self.basis = basis
    }

    /// Groups smaller than this are never shown or exported.
    public static let smallestShownGroup = 6

    /// True when the group is too small to show, the DfE published `SUPP`, or the figure
    /// is hidden to protect a small group (`protectsSmallGroup`). A figure
    /// published without pupil numbers was published for everyone to see, so only `SUPP`
    /// hides it.
    public var isSuppressed: Bool {
        if protectsSmallGroup { return true }
        if let publication {
            return publication.suppressed || (publication.hasPupils && pupils < Self.smallestShownGroup)
        }
        return pupils < Self.smallestShownGroup
    }

    /// Why the figure is hidden, in a few words for a screen ("fewer than 6 pupils");
    /// nil when it is shown.
    public var suppressionNote: String? {
        guard isSuppressed else { return nil }
        if protectsSmallGroup { return "hidden to protect a small group" }
        if publication?.suppressed == true { return "suppressed by the DfE" }
        return "fewer than \(Self.smallestShownGroup) pupils"
    }

    /// Pupils in the group when known: nil for a figure published without them.
    public var knownPupils: Int? {
        guard let publication else { return pupils }
        return publication.hasPupils ? pupils : nil
    }

    /// The exact value: a percentage 0–100, or an average score; nil when the
    /// denominator is 0.
    public var value: Double? {
        guard denominator > 0 else { return nil }
        return numerator / denominator * kpi.definition.scale
    }

    /// The value as shown: rounded half away from zero to the KPI's decimals. Ratings
    /// are decided on this, so a figure never looks over a line yet is rated under it.
    public var shown: Double? {
        guard denominator > 0 else { return nil }
        return DisplayRounding.shown(numerator: numerator, denominator: denominator, kpi: kpi)
    }
}
