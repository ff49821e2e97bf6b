/// The national distributions of one DfE file whose schools' phases come from the DfE's
/// school census, waiting for the whole batch to be read.
///
/// The performance-tables absence file gives no phase, only each school's establishment
/// number (`ESTAB`), and number ranges are a poor guess: they leave out every school
/// numbered in the 6000s, such as 254 state-funded secondaries of the 2018/19 file, 243 of
/// them numbered 6900–6999 (Mossbourne Community Academy among them), and put some schools
/// in the wrong phase. So each school takes the phase the census of
/// the same year gives it: from a census file in the same batch, wherever it comes in the
/// list, or one stored before. A school the census lists as a type with no phase of its
/// own (independent, nursery, non-maintained special) is left out. Only a school the
/// census does not hold, or every school when no census of the year is known, falls back
/// to its establishment number, and a warning says so.
struct PendingDistributions: Sendable {
    /// One school's value of one KPI.
    struct SchoolValue: Sendable {
        /// The school.
        var urn: URN
        /// Its published value.
        var value: Double
    }

    /// The file's index in the batch.
    let file: Int
    /// The drop the values belong to; the census of its year gives the phases.
    let drop: DataDrop
    /// Where the values come from, shown to users.
    let source: String
    /// Values whose phase the file gave, by KPI and phase.
    let placed: [KPI: [Phase: [Double]]]
    /// Every school to be placed, with the phase its establishment number suggests.
    let estimated: [URN: Phase?]
    /// The values of those schools, by KPI.
    let unplaced: [KPI: [SchoolValue]]

    /// How the schools were placed, for the warnings.
    struct Placement: Equatable, Sendable {
        /// Schools placed by the phase the census gives them.
        var fromCensus = 0
        /// Schools the census lists with no phase, left out.
        var censusWithoutPhase = 0
        /// Schools the census does not hold (or all, with no census) placed by their
        /// establishment number.
        var fromEstablishment = 0
        /// Schools the census does not hold whose establishment number is in no range, left out.
        var withoutPhase = 0
    }

    /// Places every school by the census (or its establishment number) and returns the
    /// distributions, logging how the phases were found.
    func distributions(placingBy census: CensusPhases, log: inout IssueLog) -> [NationalDistribution] {
        let (phases, placement) = place(by: census)
        var values = placed
        for (kpi, list) in unplaced {
            for item in list {
                guard let phase = phases[item.urn] else { continue }
                values[kpi, default: [:]][phase, default: []].append(item.value)
            }
        }
        warn(about: placement, censusSchools: census.schools(in: drop.year), log: &log)
        return DistributionBuilder.distributions(of: values, drop: drop, source: source)
    }

    /// Each school's phase, and how they were found.
    func place(by census: CensusPhases) -> (phases: [URN: Phase], placement: Placement) {
        var phases: [URN: Phase] = [:]
        var placement = Placement()
        for (urn, estimate) in estimated {
            switch census.lookup(urn, in: drop.year) {
            case .phase(let phase):
                phases[urn] = phase
                placement.fromCensus += 1
            case .noPhase:
                placement.censusWithoutPhase += 1
            case .notInCensus, .noCensus:
                if let estimate {
                    phases[urn] = estimate
                    placement.fromEstablishment += 1
                } else {
                    placement.withoutPhase += 1
                }
            }
        }
        return (phases, placement)
    }

    /// One warning for each way a school's phase was not the census's own.
    private func warn(about placement: Placement, censusSchools: Int, log: inout IssueLog) {
        // A file whose every school had a phase of its own has nothing to say here.
        guard !estimated.isEmpty else { return }
        func schools(_ count: Int) -> String { "\(count) school\(count == 1 ? "" : "s")" }
        func were(_ count: Int) -> String { count == 1 ? "was" : "were" }
        let year = drop.year
        let ranges =
            "phases come from ESTAB: 2000–3999 and 5000–5299 primary, 4000–4999 and 5400–5999 "
            + "secondary, 7000–7999 special, 1100–1199 alternative provision"
        guard censusSchools > 0 else {
            if placement.withoutPhase > 0 {
                let count = placement.withoutPhase
                log.warning(
                    "\(count) row\(count == 1 ? "" : "s") for schools whose establishment number (ESTAB) is in no "
                        + "phase's range \(were(count)) left out of the national distributions",
                    fix: ranges)
            }
            log.warning(
                "no school census for \(year) is stored or in this batch, so the national distributions take "
                    + "each school's phase from its establishment number (ESTAB), a guess that leaves out "
                    + "schools numbered outside the ranges, such as the state-funded secondaries numbered "
                    + "6900–6999",
                fix: "ingest the DfE's school census file for \(year) (england_census_\(year.start)-"
                    + "\(Self.twoDigits(year.start + 1)).csv) with this file or before it; to redo "
                    + "distributions already stored, ingest this file again after the census")
            return
        }
        if placement.censusWithoutPhase > 0 {
            let count = placement.censusWithoutPhase
            log.warning(
                "\(schools(count)) that the \(year) school census lists as a type with no phase of its own "
                    + "(independent schools, nurseries, non-maintained special schools) \(were(count)) left out of "
                    + "the national distributions",
                fix: "nothing to fix: the national figures by phase are for state-funded schools")
        }
        let missing = placement.fromEstablishment + placement.withoutPhase
        if missing > 0 {
            let left = placement.withoutPhase
            log.warning(
                "\(schools(missing)) \(missing == 1 ? "is" : "are") not in the \(year) school census "
                    + "(\(censusSchools) schools), so their phase came from their establishment number (ESTAB)"
                    + (left > 0 ? "; \(left) of them, in no ESTAB range, \(were(left)) left out" : ""),
                fix: "check that the census file for \(year) is the DfE's file for the whole of England; "
                    + ranges)
        }
    }

    /// The last two digits of a year, with a leading zero: 2019 → "19", 2109 → "09".
    private static func twoDigits(_ year: Int) -> String {
        let end = year % 100
        return end < 10 ? "0\(end)" : "\(end)"
    }
}
