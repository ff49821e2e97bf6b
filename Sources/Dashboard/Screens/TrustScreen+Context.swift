import Metrics

extension TrustScreen {
    /// What the trust's page shows: the drop's trust-wide figures, as the rater gave them
    /// (suppressed where it suppressed them), and the choices made in the state.
    struct Context {
        let state: DashboardState
        let view: TrustView
        let drop: DataDrop?
        /// How text is cleaned for the screen.
        let style: TextStyle
        /// The trust's figures the page shows and ↑↓ moves between.
        let figures: TrustFigures
        /// The attainment panel's sections, with their titles.
        let sections: [Section]
        /// The page's own choices: focused panel and figure, zoom.
        let focus: TrustPage

        init(_ state: DashboardState, view: TrustView, ascii: Bool) {
            self.state = state
            self.view = view
            drop = state.drop(view)
            style = TextStyle(ascii: ascii)
            figures = TrustFigures(view: view, drop: drop)
            sections = figures.sections.map(Section.init)
            // The page shown, or the page as it opens when another is shown.
            focus = state.trustPage ?? TrustPage()
        }

        var ascii: Bool { style.ascii }
        /// The drop's rated figures, or nil when there is no drop.
        var rated: LazyRatedDrop? { figures.rated }

        /// The trust's rated figure.
        func figure(_ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all) -> RatedFigure? {
            figures.figure(kpi, group: group, yearGroup: yearGroup)
        }

        /// The pupil groups other than all pupils with a trust figure for `kpi`, in the
        /// data-drop order.
        func groups(_ kpi: KPI) -> [PupilGroup] { figures.groups(kpi) }

        /// The row ↑↓ has reached in `panel`, or nil when the panel is not focused.
        func focusRow(_ panel: Panel) -> Int? {
            panel == focus.panel ? focus.panelRow : nil
        }

        /// How many of the trust's academies a figure covers, and of how many it could:
        /// every academy for attendance and absence; for a year group's attainment, the
        /// academies of the phases that teach it, and any other with the figure.
        func coverage(_ rated: RatedFigure) -> Coverage {
            let figure = rated.figure
            let phases = Section.phases(teaching: figure.yearGroup, kpi: figure.kpi)
            let academies = view.academies.values
            let could =
                phases.isEmpty
                ? Array(academies)
                : academies.filter { academy in
                    phases.contains(academy.phase)
                        || self.rated?.figure(
                            .academy(academy.urn), figure.kpi, group: figure.group,
                            yearGroup: figure.yearGroup)
                            != nil
                }
            let byPhase = Phase.allCases.compactMap { phase -> String? in
                let count = could.filter { $0.phase == phase }.count
                return count == 0 ? nil : "\(count) \(phase.rawValue)"
            }
            let leftOut = drop.map { view.trustLeftOut($0)[FigureCalculator.smallKey(figure)] ?? [] } ?? []
            return Coverage(
                covered: figure.academies, of: max(could.count, figure.academies),
                byPhase: phases.isEmpty ? [] : byPhase, leftOut: leftOut.count,
                likeForLike: rated.likeForLike?.academies,
                changeWithheld: rated.changeWithheld)
        }
    }

    /// How many academies a trust figure covers.
    struct Coverage: Hashable {
        /// Academies whose counts are summed into the figure.
        var covered: Int
        /// Academies that could have the figure.
        var of: Int
        /// For a year group's attainment, the academies that could have it by phase
        /// ("3 secondary", "1 special"); empty for attendance and absence.
        var byPhase: [String]
        /// Academies with the figure left out: published without pupil numbers.
        var leftOut: Int
        /// When academies joined or left since last year: the academies the change covers.
        var likeForLike: Int?
        /// True when the change is withheld to protect a hidden group.
        var changeWithheld: Bool

        /// "2 of 2".
        var short: String { "\(covered) of \(of)" }

        /// "11 of 12 academies", "2 of 2 primary academies", "4 of 4 academies: 3
        /// secondary, 1 special".
        var text: String {
            let academies = "academ\(of == 1 ? "y" : "ies")"
            if byPhase.count == 1, let kind = byPhase.first?.split(separator: " ").last {
                return "\(covered) of \(of) \(kind) \(academies)"
            }
            let phases = byPhase.isEmpty ? "" : ": " + byPhase.joined(separator: ", ")
            return "\(covered) of \(of) \(academies)\(phases)"
        }

        /// What is worth saying about the change and the academies left out, if anything:
        /// "change over the same 4", "change withheld", "1 left out".
        var notes: [String] {
            var notes: [String] = []
            if leftOut > 0 { notes.append("\(leftOut) left out: published without pupil numbers") }
            if changeWithheld {
                notes.append("change withheld: it could reveal a hidden group")
            } else if let likeForLike {
                notes.append("change over the same \(likeForLike) as last year")
            }
            return notes
        }
    }

    /// One phase's part of the attainment panel: its headline year group and the figures
    /// the trust has there, the phase's headline first.
    struct Section {
        /// "Primary · Year 6 (KS2)", then shorter forms for narrow panels.
        var titles: [String]
        var yearGroup: YearGroup
        var kpis: [KPI]

        /// A section of `TrustFigures` with its titles.
        init(_ section: TrustFigures.Section) {
            let stage = Self.stageName(section.yearGroup).map { " (\($0))" } ?? ""
            titles = [
                "\(section.name) · \(section.yearGroup)\(stage)", "\(section.name) · \(section.yearGroup)",
                section.name,
            ]
            yearGroup = section.yearGroup
            kpis = section.kpis
        }

        /// "KS2" for Year 6, "GCSE" for Year 11.
        static func stageName(_ yearGroup: YearGroup) -> String? {
            switch yearGroup {
            case .year(6): "KS2"
            case .year(11): "GCSE"
            default: nil
            }
        }

        /// The phases whose academies have a figure of `yearGroup` for `kpi`: every phase
        /// (empty) for attendance and absence; primary and all-through for Reception to
        /// Year 6; secondary and all-through for Year 7 on.
        static func phases(teaching yearGroup: YearGroup, kpi: KPI) -> [Phase] {
            switch kpi {
            case .attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate, .inclusion,
                .absenceBand, .absenceReason:
                return []
            case .expected, .greaterDepth, .score: break
            }
            switch yearGroup {
            case .all: return []
            case .nursery, .reception: return [.primary, .allThrough]
            case .year(let year): return year >= 7 ? [.secondary, .allThrough] : [.primary, .allThrough]
            }
        }
    }
}
