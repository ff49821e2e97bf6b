extension SmallGroupProtection {
    /// What the protection needs of one figure: its small key, pupils and denominator, and
    /// a few facts about it. Plain numbers, so that a national drop's figures are copied
    /// and sorted without reference counting, and so that the trust's sums need no whole
    /// `Figure`.
    struct Cell {
        /// `FigureCalculator.smallKey` of the figure.
        var key: Int
        var pupils: Int
        var denominator: Double
        /// Too few pupils to show, or published as `SUPP` (`Figure.isSuppressed`).
        var isSuppressed: Bool
        /// Summed into the trust's figure (`FigureCalculator.canBeSummed`).
        var canBeSummed: Bool
        /// The figure's KPI comes from the attendance file.
        var isAttendance: Bool
        /// The figure's KPI is an inclusion measure.
        var isInclusion: Bool
        /// False for a figure published without pupil numbers.
        var hasPupils: Bool
        /// Hidden by the owner's own partitions (set once its protection is worked out).
        var isHidden = false

        /// The cell of `figure`: every fact is read from the figure, so the protection
        /// counts exactly what the figures say.
        init(_ figure: Figure) {
            key = FigureCalculator.smallKey(figure)
            pupils = figure.pupils
            denominator = figure.denominator
            isSuppressed = figure.isSuppressed
            canBeSummed = FigureCalculator.canBeSummed(figure)
            isAttendance = figure.kpi.isAttendance
            if case .inclusion = figure.kpi { isInclusion = true } else { isInclusion = false }
            hasPupils = figure.publication?.hasPupils ?? true
        }

        /// The trust's cell for the academies' cells of one key whose pupils and
        /// denominators add up to `pupils` and `denominator`, `like` being any of them.
        ///
        /// `FigureCalculator.add` gives the trust's figure these same sums, and a
        /// publication (if any) with pupils and not `SUPP`, so the trust's figure is
        /// suppressed exactly when it has fewer than 6 pupils.
        init(trustOf like: Cell, pupils: Int, denominator: Double) {
            key = like.key
            self.pupils = pupils
            self.denominator = denominator
            isSuppressed = pupils < Figure.smallestShownGroup
            canBeSummed = true
            isAttendance = like.isAttendance
            isInclusion = like.isInclusion
            hasPupils = true
        }

        /// The pupil group's index in the small key.
        var groupIndex: Int { key >> 8 & 0xFF }
        /// The year group's code in the small key.
        var yearCode: Int { key & 0xFF }
        /// The pupil group and year group, as one number.
        var line: Int { key & 0xFFFF }
    }

    /// Small keys numbered densely from 0 (KPI, then pupil group, then year group), so
    /// that the trust's sums and members are kept in arrays rather than dictionaries. The
    /// numbering keeps the small keys' order.
    enum DenseKey {
        /// Year-group codes run from 0 to 15 (`YearGroup.code`).
        private static let years = 16
        /// The places of one KPI: each pupil group, each year group.
        private static let perKPI = PupilGroup.allCases.count * years

        /// How many dense keys there are.
        static let count = KPI.allCases.count * perKPI

        /// The dense key of a small key.
        static func of(_ key: Int) -> Int {
            (key >> 16) * perKPI + (key >> 8 & 0xFF) * years + (key & 0xFF)
        }

        /// The small key of a dense key.
        static func smallKey(_ dense: Int) -> Int {
            let kpi = dense / perKPI
            let place = dense % perKPI
            return kpi << 16 | (place / years) << 8 | place % years
        }
    }
}
