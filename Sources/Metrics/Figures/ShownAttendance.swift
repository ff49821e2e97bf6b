/// What the overview's attendance trend shows of one drop: each academy's and the trust's
/// attendance of all pupils, whole school, as shown (rounded, and nil where small-group
/// protection hides it or there is no figure).
///
/// It comes from the drop's attendance and published records alone: whether an attendance
/// figure is hidden depends on figures of the same measure only (`SmallGroupProtection`).
/// The store works it out when a drop is ingested and keeps it (`AttendanceTrendTable` in
/// `TrustStore`), so that the dashboard's first frame of a store of many drops reads one
/// row an academy for each drop it shows only the trend of, rather than that drop's
/// attendance records, about a third of the frame's time on a store of ten years.
public struct ShownAttendance: Sendable, Equatable {
    /// The drop.
    public let drop: DataDrop
    /// The trust's figure as shown; nil when hidden or when no academy has one.
    public var trust: Double?
    /// Each academy's figure as shown; an academy without one (hidden, or no records) is
    /// not here.
    public var academies: [URN: Double]

    /// The figures as given.
    public init(drop: DataDrop, trust: Double?, academies: [URN: Double]) {
        self.drop = drop
        self.trust = trust
        self.academies = academies
    }

    /// Works out what the trend shows of `drop` from `data`, which must hold every
    /// attendance and published record of `drop` (it may hold more); as a view of every
    /// drop shows it (`LazyRatedDrop.shown`).
    public init(of drop: DataDrop, in data: TrustData) {
        let calculator = FigureCalculator(data: data)
        let kpis: Set<KPI> = [.attendanceRate]
        let protections = (
            SmallGroupProtection(calculator: calculator, drop: drop, kpis: kpis),
            SmallGroupProtection(calculator: calculator, drop: drop.sameTermLastYear, kpis: kpis)
        )
        // The rating settings never change a value shown, only its rating.
        let rated = LazyRatedDrop(
            DropRater(calculator: calculator, drop: drop, config: RatingConfig(), protections: protections),
            kpis: kpis)
        var academies: [URN: Double] = [:]
        for urn in rated.rater.academiesWithData {
            if let shown = rated.shown(.academy(urn), .attendanceRate) { academies[urn] = shown }
        }
        self.init(drop: drop, trust: rated.shown(.trust, .attendanceRate), academies: academies)
    }

    /// The figure of `owner` as shown; nil when hidden or missing.
    public func shown(_ owner: Figure.Owner) -> Double? {
        switch owner {
        case .trust: trust
        case .academy(let urn): academies[urn]
        }
    }
}
