import Metrics

/// The figures a board looks at first, for the trust and each academy: attendance,
/// persistent and severe absence for all pupils, and each phase's headline attainment
/// figure as the config sets it (Year 6 RWM, Year 11 Attainment 8 by default).
struct PackHeadline: Hashable {
    /// The KPI.
    var kpi: KPI
    /// The year group.
    var yearGroup: YearGroup

    /// The name in a table: "Attendance", "Year 6 RWM expected".
    var label: String {
        yearGroup == .all ? kpi.label : "\(yearGroup) \(kpi.label(in: yearGroup))"
    }

    /// The unit of a chart's axis.
    var unit: String {
        switch kpi {
        case .attendanceRate, .absenceRate, .absenceReason: "% of possible sessions"
        case .persistentAbsenceRate, .severeAbsenceRate, .absenceBand: "% of pupils"
        case .expected, .greaterDepth: "% of pupils in the year group"
        case .score: "average score"
        case .inclusion:
            kpi.definition.unit == .perHundredPupils ? "per 100 pupils" : "% of pupils"
        }
    }

    /// Attendance, persistent and severe absence, then the primary and secondary
    /// headlines (each once).
    static func all(_ config: RatingConfig) -> [PackHeadline] {
        var list = [
            PackHeadline(kpi: .attendanceRate, yearGroup: .all),
            PackHeadline(kpi: .persistentAbsenceRate, yearGroup: .all),
            PackHeadline(kpi: .severeAbsenceRate, yearGroup: .all),
        ]
        for phase in Phase.allCases {
            guard let headline = config.headline(for: phase) else { continue }
            let item = PackHeadline(kpi: headline.kpi, yearGroup: headline.yearGroup)
            if !list.contains(item) { list.append(item) }
        }
        return list
    }

    /// The charts of an academy page: attendance, persistent absence and the academy's
    /// phase's headline.
    static func charted(for academy: Academy, _ config: RatingConfig) -> [PackHeadline] {
        var list = [
            PackHeadline(kpi: .attendanceRate, yearGroup: .all),
            PackHeadline(kpi: .persistentAbsenceRate, yearGroup: .all),
        ]
        if let headline = config.headline(for: academy.phase) {
            list.append(PackHeadline(kpi: headline.kpi, yearGroup: headline.yearGroup))
        }
        return list
    }

    /// The chart of `owner`'s figure over every drop of the pack: each drop's value and
    /// rating and its national benchmark as shown (for the trust, weighted by its phase mix); a
    /// benchmark from similar schools is not national and is left off the line.
    func chart(_ owner: Figure.Owner, _ figures: PackFigures) -> LineChart {
        let points = figures.drops.map { figures.chartPoint($0, owner, kpi, yearGroup: yearGroup) }
        return LineChart(
            title: label, unit: unit, decimals: kpi.decimals, points: points,
            nationalLabel: "National")
    }
}
