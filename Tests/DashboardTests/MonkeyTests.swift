import Dashboard
import Metrics
import Testing

@Suite("Monkey: random keys and resizes")
struct MonkeyTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    @Test func tenThousandKeysNeverCrashAndEveryFrameIsTheScreenSize() {
        let view = TestTrust.view()
        var random = SplitMix(state: 2026)
        let keys: [Key] =
            [
                .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
                .backspace,
            ]
            + "qjkhlgGsrfi/[]?zpyeq éô".map { Key.character($0) }
        var state = DashboardState(view: view, width: 80, height: 24)
        for step in 0..<10_000 {
            let key: Key
            if random.below(20) == 0 {
                key = .resize(width: 1 + random.below(220), height: 1 + random.below(70))
            } else if random.below(10) == 0 {
                // Clicks and the wheel anywhere, on the screen or off it.
                let actions: [MouseEvent.Action] = [.click, .doubleClick, .wheelUp, .wheelDown]
                key = .mouse(
                    MouseEvent(
                        actions[random.below(actions.count)], x: random.below(240) - 10,
                        y: random.below(80) - 5))
            } else {
                key = keys[random.below(keys.count)]
            }
            if let command = KeyTable.command(for: key, in: state.context), command != .quit {
                state.apply(command, view: view)
            }
            let screen = DashboardRenderer.render(state, view: view)
            let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            guard lines.count == state.height,
                lines.allSatisfy({ DisplayWidth.of(String($0)) <= state.width })
            else {
                Issue.record("frame \(step) is not \(state.width)×\(state.height) after \(key)")
                return
            }
        }
    }
}
