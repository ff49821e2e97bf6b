/// Computes every figure of a drop from the records: each academy's own, and the trust's,
/// which are summed counts over summed counts, never an average of percentages.
public struct FigureCalculator: Sendable {
    /// The key that identifies a figure within one drop.
    public struct Key: Hashable, Sendable {
        /// Whose figure.
        public var owner: Figure.Owner
        /// The KPI.
        public var kpi: KPI
        /// The pupil group.
        public var group: PupilGroup
        /// The year group.
        public var yearGroup: YearGroup

        /// Makes a key.
        public init(owner: Figure.Owner, kpi: KPI, group: PupilGroup, yearGroup: YearGroup) {
            self.owner = owner
            self.kpi = kpi
            self.group = group
            self.yearGroup = yearGroup
        }
    }

    /// The records to compute from.
    public let data: TrustData

    /// Makes a calculator over `data`.
    public init(data: TrustData) { self.data = data }

    /// Every figure of `drop`: one per academy × KPI × pupil group × year group present
    /// in the records, plus the trust-wide sums.
    public func figures(for drop: DataDrop) -> [Key: Figure] {
        var figures: [Key: Figure] = [:]
        func add(_ figure: Figure) {
            figures[Key(owner: figure.owner, kpi: figure.kpi, group: figure.group, yearGroup: figure.yearGroup)] =
                figure
            let trustKey = Key(owner: .trust, kpi: figure.kpi, group: figure.group, yearGroup: figure.yearGroup)
            if var total = figures[trustKey] {
                total.numerator += figure.numerator
                total.denominator += figure.denominator
                total.pupils += figure.pupils
                total.academies += 1
                if total.basis != figure.basis { total.basis = nil }
                figures[trustKey] = total
            } else {
                var total = figure
                total.owner = .trust
                figures[trustKey] = total
            }
        }
        for record in data.attendance where record.drop == drop {
            for figure in Self.figures(of: record) { add(figure) }
        }
        for record in data.attainment where record.drop == drop {
            for figure in Self.figures(of: record) { add(figure) }
        }
        for record in data.scores where record.drop == drop {
            add(Self.figure(of: record))
        }
        return figures
    }

    /// The attendance KPIs of one row.
    public static func figures(of record: AttendanceRecord) -> [Figure] {
        let owner = Figure.Owner.academy(record.urn)
        func make(_ kpi: KPI, _ numerator: Int, _ denominator: Int) -> Figure {
            Figure(
                owner: owner, kpi: kpi, drop: record.drop, group: record.group, yearGroup: record.yearGroup,
                numerator: Double(numerator), denominator: Double(denominator), pupils: record.pupils)
        }
        var figures = [
            make(.attendanceRate, record.possibleSessions - record.absentSessions, record.possibleSessions),
            make(.absenceRate, record.absentSessions, record.possibleSessions),
            make(.persistentAbsenceRate, record.persistentAbsentees, record.pupils),
        ]
        if let severe = record.severeAbsentees { figures.append(make(.severeAbsenceRate, severe, record.pupils)) }
        return figures
    }

    /// The attainment KPIs of one row: expected, and greater depth when given.
    public static func figures(of record: AttainmentRecord) -> [Figure] {
        func make(_ kpi: KPI, _ numerator: Int) -> Figure {
            Figure(
                owner: .academy(record.urn), kpi: kpi, drop: record.drop, group: record.group,
                yearGroup: record.yearGroup, numerator: Double(numerator), denominator: Double(record.cohort),
                pupils: record.cohort, basis: record.basis)
        }
        var figures = [make(.expected(record.subject), record.expected)]
        if let greaterDepth = record.greaterDepth { figures.append(make(.greaterDepth(record.subject), greaterDepth)) }
        return figures
    }

    /// The score KPI of one row, kept as average × cohort so sums weight by cohort.
    public static func figure(of record: ScoreRecord) -> Figure {
        Figure(
            owner: .academy(record.urn), kpi: .score(record.measure), drop: record.drop, group: record.group,
            yearGroup: record.yearGroup, numerator: record.average * Double(record.cohort),
            denominator: Double(record.cohort), pupils: record.cohort)
    }
}
