import Metrics

/// What the dashboard opens on, as asked for on the command line: a drop, an academy, a
/// school improvement lead's academies, presentation mode. A pure value: `state(…)` makes
/// the first `DashboardState`, or says plainly why it cannot.
public struct DashboardOpening: Hashable, Sendable {
    /// Why the dashboard cannot open as asked.
    public enum Failure: Error, Hashable, CustomStringConvertible {
        /// No SIL's name is, or holds, what was asked for; `known` lists them all.
        case noSuchSIL(String, known: [String])
        /// More than one SIL's name holds what was asked for.
        case severalSILs(String, matching: [String])
        /// The text is not the URN of an academy in the trust.
        case noSuchAcademy(String)

        /// One line saying what is wrong and how to put it right.
        public var description: String {
            switch self {
            case .noSuchSIL(let sil, let known):
                let names = known.isEmpty ? "none" : known.joined(separator: ", ")
                return "no academy has the SIL '\(sil)'; the SILs are: \(names)"
            case .severalSILs(let sil, let matching):
                return
                    "more than one SIL matches '\(sil)': \(matching.joined(separator: ", ")); give more of the name"
            case .noSuchAcademy(let text):
                return "'\(text)' is not the URN of an academy in the trust"
            }
        }
    }

    /// The drop to open on; nil for the latest. It must be one of the view's drops.
    public var drop: DataDrop?
    /// An academy's URN, as typed, to open its page.
    public var academy: String?
    /// A SIL's name, or part of it, to show only their academies.
    public var sil: String?
    /// True to start presentation mode.
    public var present: Bool
    /// Seconds per slide in presentation mode.
    public var cycleSeconds: Double

    /// Makes an opening; with no arguments, the overview of the latest drop.
    public init(
        drop: DataDrop? = nil, academy: String? = nil, sil: String? = nil, present: Bool = false,
        cycleSeconds: Double = Presentation.defaultCycleSeconds
    ) {
        self.drop = drop
        self.academy = academy
        self.sil = sil
        self.present = present
        self.cycleSeconds = cycleSeconds
    }

    /// The SIL `text` names: the one whose whole name it is, else the only one whose name
    /// holds it ("Whitfield" for "J. Whitfield"), with case and accents folded.
    public static func sil(named text: String, in view: TrustView) throws(Failure) -> String {
        let sils = Set(view.academies.values.compactMap(\.sil)).sorted()
        let exact = sils.filter { SearchText.fold($0) == SearchText.fold(text) }
        let holding = sils.filter { SearchText.matches($0, text) }
        if let match = exact.first ?? (holding.count == 1 ? holding.first : nil) { return match }
        throw holding.count > 1 ? .severalSILs(text, matching: holding) : .noSuchSIL(text, known: sils)
    }

    /// The first state for `view` on a screen of `width` × `height`.
    public func state(view: TrustView, width: Int, height: Int, ascii: Bool) throws(Failure) -> DashboardState
    {
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        if let drop, let index = view.drops.firstIndex(of: drop) {
            state.dropIndex = index
            state.dropPicked = true
        }
        if let sil {
            state.overview.silFilter = try Self.sil(named: sil, in: view)
            state.apply(.resize(width: width, height: height), view: view)
            state.overview.selected = state.visibleRows(view).first?.urn
        }
        var opened: URN?
        if let academy {
            guard let urn = URN(academy), view.academies[urn] != nil else { throw .noSuchAcademy(academy) }
            state.openAcademy(urn, view: view)
            opened = urn
        }
        if present {
            var show = Presentation(
                order: Presentation.order(state: state, view: view), cycleSeconds: cycleSeconds)
            if let opened { show.show(opened) }
            state.presentation = show
        }
        return state
    }
}
