import ArgumentParser
import Dashboard
import Foundation
import Metrics
import Terminal
import TrustStore

/// `trustboard` with no subcommand: the live dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract:
            "Open the dashboard (the default): browse the trust, drill into an academy, explain a rating.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var dashboard: DashboardOptions

    func run() throws {
        do {
            var view: TrustView
            let reading: Reading
            (view, reading) = try opening()
            // Opened on the overview's figures alone: the header's count is counted from
            // whole drops just after the first frame, before the whole store is read.
            let ahead = reading.countsAheadOf.map { _ in TurnedRedCountAhead() }
            view.countedAhead = ahead
            // A large store's count of figures turned red is counted after the first frame.
            view.countsChangesInBackgroundFrom = TrustView.backgroundCountThreshold
            let session: TerminalSession
            do {
                session = try TerminalSession(themeName: dashboard.themeName)
            } catch {
                throw CommandFailure("\(error)")
            }
            defer { session.close() }
            session.useMouse(!dashboard.noMouse)
            let ascii = dashboard.ascii || !TerminalSession.localeIsUTF8
            let size = session.size
            var state = try dashboard.state(
                view: view, width: size.width, height: size.height, ascii: ascii)
            var watcher = StoreWatcher(store: reading.store)
            let reload = BackgroundReload()
            // Opened on part of the store: the whole store starts loading once the first
            // frame is on screen, not before, so that the two do not share the cores while
            // the user waits for it.
            var loadsWholeAfterFirstFrame = view.loadedDrops != nil && reading.store != nil
            // Draw, wait briefly for a key (so signals, resizes and new data are seen), then
            // apply it and every key already waiting before drawing again, so a held-down
            // key or a paste never queues up frames.
            var clock = Date()
            // Presentation mode started with `p` is drawn in high-contrast, as `--present`
            // is, unless a theme was asked for; leaving it goes back.
            let everyday = session.theme
            while !state.quitRequested, !session.stopRequested, !session.inputClosed {
                if dashboard.theme == nil, !dashboard.present {
                    session.use(state.presentation == nil ? everyday : Theme.highContrast)
                }
                session.draw(DashboardRenderer.render(state, view: view))
                if loadsWholeAfterFirstFrame, let store = reading.store {
                    loadsWholeAfterFirstFrame = false
                    Self.reloadWhole(
                        store, reading: reading, state: state, view: view, into: reload, countingFirst: ahead)
                }
                var key = session.readKey(timeoutMilliseconds: 100)
                var handled = 0
                while let pressed = key, handled < 256, !state.quitRequested {
                    if view.loadedDrops == nil {
                        state.press(pressed, view: view)
                    } else {
                        // Opened on a few drops: a key that leaves what they draw waits for
                        // the whole store, which has been loading since the first frame.
                        var tried = state
                        tried.press(pressed, view: view)
                        if view.draws(tried) {
                            state = tried
                        } else if let whole = reload.waitAndTake() {
                            state.adopt(whole, replacing: view)
                            view = whole
                            state.press(pressed, view: view)
                        } else {
                            state = tried
                        }
                    }
                    handled += 1
                    key = session.readKey(timeoutMilliseconds: 0)
                }
                let now = Date()
                state.presentation?.tick(seconds: now.timeIntervalSince(clock))
                clock = now
                if let fresh = reload.take() {
                    state.adopt(fresh, replacing: view)
                    view = fresh
                    watcher.noticeStarted()
                } else if !reload.isRunning, let store = reading.store, watcher.changed() {
                    // Loaded and rated in the background: a large store takes seconds, and
                    // the dashboard keeps answering keys meanwhile.
                    Self.reloadWhole(store, reading: reading, state: state, view: view, into: reload)
                }
                if watcher.noticeExpired { state.notice = nil }
            }
            session.close()
            // Stopped by a signal: exit as Unix programs do, 128 + its number, so a parent
            // shell or script sees the Ctrl-C or SIGTERM.
            if let signal = session.stopSignal { throw ExitCode(128 + signal) }
        } catch let failure as CommandFailure {
            warn(failure.description)
            throw ExitCode.failure
        }
    }

    /// What reading the store again takes: the store, the rating settings and the trust's
    /// name; and, for a view of the overview's figures alone, the drop whose header count
    /// is counted from whole drops before the whole store is read
    /// (`TrustSource.countsAheadOf`).
    struct Reading {
        let store: TrustStore?
        let config: RatingConfig
        let name: String
        var countsAheadOf: DataDrop? = nil
    }

    /// The view the dashboard opens on, and what reading the store again takes. A store of
    /// many drops, or a drop with nothing to compare it with, opens on what its first frame
    /// draws (`TrustSource.open(_:firstFrameOf:quiet:)`); the whole store loads in the
    /// background just after. The source's records are not kept beside the view's, so that
    /// a view of part of the store goes as soon as the whole store's replaces it.
    private func opening() throws -> (TrustView, Reading) {
        let opensOnOverview = dashboard.academy == nil && !dashboard.present
        let source =
            opensOnOverview
            ? try TrustSource.open(options, firstFrameOf: dashboard.drop, countsLater: true, quiet: true)
            : try TrustSource.open(options, quiet: true)
        return (
            source.view,
            Reading(
                store: source.store, config: source.config, name: source.trustName,
                countsAheadOf: source.countsAheadOf)
        )
    }

    /// Starts making the view of every drop of `store` in the background, on the drop the
    /// user picked (if any) and the overview's sort as they are now.
    ///
    /// With `countingFirst` (the first frame's view holds the overview's figures alone), the
    /// header's count of `reading.countsAheadOf` is counted first, from the drops the first
    /// frame rates read whole (`TrustSource.turnedRedCount(of:among:store:config:)`), and
    /// put there for the view on screen to draw: on a ten-year store it comes seconds
    /// before the whole store. Its records go before the whole store's are read, so the
    /// session's peak is the whole store's as before. The two run in turn on the reload's
    /// one thread, after the frame, so neither shares the cores with the first frame; a
    /// key that waits for the whole store (`BackgroundReload.waitAndTake`) waits for both,
    /// and is only ever given the whole store's view.
    private static func reloadWhole(
        _ store: TrustStore, reading: Reading, state: DashboardState, view: TrustView,
        into reload: BackgroundReload, countingFirst ahead: TurnedRedCountAhead? = nil
    ) {
        let (config, name) = (reading.config, reading.name)
        let picked = state.dropPicked ? state.drop(view) : nil
        let (sort, reversed) = (state.overview.sort, state.overview.reversed)
        let (drops, aheadOf) = (view.drops, ahead == nil ? nil : reading.countsAheadOf)
        reload.start {
            if let ahead, let aheadOf,
                let count = TrustSource.turnedRedCount(
                    of: aheadOf, among: drops, store: store, config: config)
            {
                ahead.put(count, of: aheadOf)
            }
            return wholeView(
                store: store, config: config, name: name, picked: picked, sort: sort, reversed: reversed)
        }
    }

    /// A view of every drop of `store`, its first frame (of `picked`, or the latest, sorted
    /// by `sort`) worked out already: made in the background, for a store changed by an
    /// ingest or one opened on a few drops. Nil when the store cannot be read.
    private static func wholeView(
        store: TrustStore, config: RatingConfig, name: String, picked: DataDrop?, sort: OverviewColumn,
        reversed: Bool
    ) -> TrustView? {
        guard let data = try? store.load() else { return nil }
        // A census ingested since the dashboard opened is picked up too.
        let similar = TrustSource.similarLoaderReportingFailure(
            store: store, academies: data.academies, config: config)
        let fresh = TrustView(data: data, config: config, trustName: name, isSample: false, similar: similar)
        fresh.prepare(picked, sortedBy: sort, reversed: reversed)
        fresh.countsChangesInBackgroundFrom = TrustView.backgroundCountThreshold
        return fresh
    }
}
