import Testing

@testable import Metrics

/// `similar_count` in the config file: how many similar schools each academy is compared
/// with, 1–100, 20 when the file says nothing.
@Suite("similar_count sets the size of the similar-schools group")
struct SimilarCountConfigTests {
    /// The message of the error parsing `text` throws, or nil when it parses.
    private static func message(_ text: String) -> String? {
        do throws(ConfigError) {
            _ = try RatingConfig.parse(text, file: "test.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test("20 when the file says nothing or leaves it empty")
    func defaultIsTwenty() throws {
        #expect(try RatingConfig.parse("trust_name: X\n", file: "test.yaml").similarCount == 20)
        #expect(try RatingConfig.parse("similar_count:\n", file: "test.yaml").similarCount == 20)
        #expect(RatingConfig().similarCount == 20)
    }

    @Test("a whole number from 1 to 100 is taken", arguments: [1, 15, 100])
    func wholeNumbers(count: Int) throws {
        #expect(try RatingConfig.parse("similar_count: \(count)\n", file: "test.yaml").similarCount == count)
    }

    @Test(
        "out of range or not whole: an error on its line, saying what to write",
        arguments: ["0", "101", "12.5", "-3"])
    func outOfRange(text: String) {
        #expect(
            Self.message("trust_name: X\nsimilar_count: \(text)\n")
                == "test.yaml:2: similar_count \(text) is not a whole number from 1 to 100; write how many similar "
                + "schools to compare each academy with, such as similar_count: 20 (1–100)")
    }

    @Test("text is not a number")
    func text() {
        let message = Self.message("similar_count: twenty\n") ?? ""
        #expect(message.hasPrefix("test.yaml:1: similar_count in the file must be a number, not 'twenty'"))
    }
}
