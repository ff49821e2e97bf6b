import Metrics
import Testing

/// `pack_marking`: the marking on every page of the board pack.
@Suite("pack_marking in the config")
struct PackMarkingConfigTests {
    @Test("Left out, the pack is marked OFFICIAL-SENSITIVE")
    func defaultMarking() throws {
        let config = try RatingConfig.parse("trust_name: X\n", file: "test.yaml")
        #expect(config.packMarking == nil)
        #expect(RatingConfig.defaultPackMarking == "OFFICIAL-SENSITIVE")
    }

    @Test("A marking is read, trimmed")
    func marking() throws {
        let config = try RatingConfig.parse("pack_marking: '  OFFICIAL  '\n", file: "test.yaml")
        #expect(config.packMarking == "OFFICIAL")
    }

    @Test("An empty marking names its line and how to fix it")
    func empty() {
        #expect(throws: ConfigError.self) {
            try RatingConfig.parse("pack_marking: '  '\n", file: "test.yaml")
        }
        do {
            _ = try RatingConfig.parse("trust_name: X\npack_marking: ' '\n", file: "test.yaml")
        } catch {
            #expect(error.description.hasPrefix("test.yaml:2: pack_marking is empty; write the marking"))
        }
    }

    @Test("A marking with a control character is refused, shown escaped")
    func controlCharacter() {
        do {
            _ = try RatingConfig.parse("pack_marking: \"SECRET\\e[2J\"\n", file: "test.yaml")
            Issue.record("a marking with ESC was accepted")
        } catch {
            #expect(error.description.hasPrefix("test.yaml:1: pack_marking 'SECRET\\u{1B}[2J'"))
        }
    }
}
