import Metrics

/// The slideshow of presentation mode (`trustboard --present`): which slide is shown, how
/// long it has been up, and whether the show is paused.
///
/// A value with pure methods, apart from the data and the clock: the caller feeds it the
/// time that passed with `tick(seconds:)` and the keys with `handle(_:)`, and draws it
/// with `PresentationScreen.render`.
public struct Presentation: Hashable, Sendable {
    /// What a key did to the show.
    public enum Response: Hashable, Sendable {
        /// The key changed the show (or was one of its own keys).
        case handled
        /// The key asks to leave presentation mode.
        case quit
        /// The key means nothing here.
        case ignored
    }

    /// The slides in order: academies' URNs in overview order, then nil for the
    /// trust-wide slide.
    public var order: [URN?]
    /// The slide shown, as an index into `order`.
    public var index: Int
    /// True while the show stays on one slide.
    public var paused: Bool
    /// How long each slide stays up, in seconds.
    public var cycleSeconds: Double
    /// How long the slide shown has been up, in seconds, not counting paused time.
    public var elapsed: Double
    /// True while something is shown over the slides (the help): time stands still, as
    /// when paused, without the show counting as paused.
    public var held = false

    /// The default time each slide stays up, in seconds.
    public static let defaultCycleSeconds: Double = 20

    /// The shortest time a slide stays up, in seconds, so that a slip such as
    /// `--cycle 0` cannot make the show spin.
    public static let shortestCycleSeconds: Double = 1

    /// Makes a show of `order` that starts on the first slide, running.
    ///
    /// - Parameters:
    ///   - order: the slides; nil stands for the trust-wide slide. An empty order shows
    ///     the trust-wide slide alone.
    ///   - cycleSeconds: how long each slide stays up, at least `shortestCycleSeconds`.
    public init(order: [URN?], cycleSeconds: Double = Presentation.defaultCycleSeconds) {
        self.order = order.isEmpty ? [nil] : order
        index = 0
        paused = false
        self.cycleSeconds = max(Self.shortestCycleSeconds, cycleSeconds)
        elapsed = 0
    }

    /// The slides of a show over the overview as `state` has it: the academies in the
    /// order the overview lists them (its sort and filters), then the trust-wide slide.
    public static func order(state: DashboardState, view: TrustView) -> [URN?] {
        state.visibleRows(view).compactMap { $0.urn } + [nil]
    }

    /// The academy shown, or nil on the trust-wide slide.
    public var urn: URN? {
        order.indices.contains(index) ? order[index] : nil
    }

    /// The slide's position for people, from 1.
    public var position: Int { min(max(0, index), max(0, order.count - 1)) + 1 }

    /// Whole seconds until the next slide, rounded up: 20 just after a slide comes up
    /// with the default cycle, 1 in its last second.
    public var secondsLeft: Int {
        let left = max(0, cycle - elapsed)
        return Int(left.rounded(.up))
    }

    /// The cycle as used, never shorter than `shortestCycleSeconds`, whatever was set.
    private var cycle: Double { max(Self.shortestCycleSeconds, cycleSeconds) }

    /// Moves to the next slide, from the last back to the first, and restarts its time.
    public mutating func advance() {
        step(1)
    }

    /// Moves to the previous slide, from the first round to the last, and restarts its
    /// time.
    public mutating func back() {
        step(-1)
    }

    /// Pauses a running show, or resumes a paused one where its time stopped.
    public mutating func togglePause() {
        paused.toggle()
    }

    /// Lets `seconds` pass. While running, the show moves on once the slide has been up
    /// for the cycle; a long gap (a laptop asleep) moves it one slide only, so no slide
    /// is skipped unseen. Paused or held, nothing changes; negative time is ignored.
    public mutating func tick(seconds: Double) {
        guard !paused, !held, seconds > 0, seconds.isFinite else { return }
        elapsed += seconds
        if elapsed >= cycle { advance() }
    }

    /// Moves to the slide of `urn` (nil for the trust-wide slide) and restarts its time;
    /// returns false, changing nothing, when that slide is not in the show. For starting
    /// a show on the academy selected in the overview, and for `snapshot --present`.
    @discardableResult
    public mutating func show(_ urn: URN?) -> Bool {
        guard let found = order.firstIndex(where: { $0 == urn }) else { return false }
        index = found
        elapsed = 0
        return true
    }

    /// Takes a new order (after a reload, or a change of sort), staying on the slide
    /// shown when it is still in the show and keeping its time; else it starts again at
    /// the first slide.
    public mutating func update(order newOrder: [URN?]) {
        let current = urn
        order = newOrder.isEmpty ? [nil] : newOrder
        if let kept = order.firstIndex(where: { $0 == current }) {
            index = kept
        } else {
            index = 0
            elapsed = 0
        }
    }

    /// Carries out a key of presentation mode: space pauses and resumes; → (and `l`,
    /// Page Down, Enter) moves on; ← (and `h`, Page Up, Backspace) goes back; `q`, Esc
    /// and Ctrl-C quit. Stepping by hand keeps a paused show paused.
    public mutating func handle(_ key: Key) -> Response {
        switch key {
        case .character(" "):
            togglePause()
        case .right, .pageDown, .enter, .character("l"), .character("n"):
            advance()
        case .left, .pageUp, .backspace, .character("h"), .character("p"):
            back()
        case .character("q"), .character("Q"), .escape, .interrupt:
            return .quit
        default:
            return .ignored
        }
        return .handled
    }

    /// The keys of presentation mode as help lists them: those of `handle(_:)`, and the
    /// dashboard's own `?` and `[` `]`, which work here too.
    public static func keys(ascii: Bool) -> [(key: String, does: String)] {
        [
            ("space", "pause the show, or resume it"),
            (ascii ? "<- ->" : "← →", "the previous and next slide (also h l, PgUp PgDn)"),
            ("[ ]", "the previous and next drop"),
            ("?", "this help"),
            ("Esc", "back to the overview"),
            ("q", "quit trustboard"),
        ]
    }

    private mutating func step(_ by: Int) {
        let count = max(1, order.count)
        index = ((index + by) % count + count) % count
        elapsed = 0
    }
}
