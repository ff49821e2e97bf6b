import Testing

@testable import Metrics

/// Inputs that once slipped through or came out wrong (issue 15, "Smaller" and the CSV
/// writer's numbers).
@Suite("Hostile input: numbers and empty files")
struct HostileInputTests {
    @Test(
        "the CSV writer writes numbers of ten digits and more once, whole",
        arguments: [
            0, 7, 10, 9_999_999_999, 10_000_000_000, 12_345_678_901, Int.max,
        ])
    func largeIntegers(value: Int) {
        // The report's numbers are written by `CellBytes`.
        let bytes = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { room in
            var cells = CellBytes(room)
            cells.integer(value)
            return Array(cells.written)
        }
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }

    @Test("a count no school could have is an error that says what is accepted")
    func implausibleCount() {
        let text = """
            urn,academic_year,term,measure,cohort,average
            900101,2024/25,summer,attainment8,12345678901,46.2
            900101,2024/25,summer,progress8,150,123456789012.5
            """
        let errors = Fixtures.errors(Fixtures.readWithAcademies("scores.csv", text))
        #expect(
            errors.contains {
                $0.hasPrefix(
                    "scores.csv:2: column 'cohort', value '12345678901': is more than any school has")
                    && $0.contains("at most 100000")
            }, "\(errors)")
        // 15 significant digits are the most read as a decimal, so this one is not a number.
        #expect(
            errors.contains { $0.hasPrefix("scores.csv:3: column 'average', value '123456789012.5'") },
            "\(errors)")
    }

    @Test("an average beyond ±1000 is an error; -0 is stored as 0")
    func implausibleAverageAndNegativeZero() throws {
        let text = """
            urn,academic_year,term,measure,cohort,average
            900101,2024/25,summer,attainment8,150,4620
            900101,2024/25,summer,progress8,150,-0.00
            """
        let batch = Fixtures.readWithAcademies("scores.csv", text)
        let errors = Fixtures.errors(batch)
        #expect(errors.count == 1)
        #expect(
            errors.first?.hasPrefix("scores.csv:2: column 'average', value '4620': is not a plausible")
                == true)
        let zero = try #require(batch.scores.first?.record.average)
        #expect(zero == 0 && zero.sign == .plus)
    }

    @Test("a file with a header and no rows is a warning")
    func headerOnly() {
        let batch = Fixtures.readWithAcademies(
            "attendance.csv",
            "urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees\n")
        #expect(batch.errors.isEmpty)
        #expect(
            batch.warnings.map(\.description).contains {
                $0.hasPrefix("attendance.csv: warning: has a header but no rows, so it adds nothing")
            }, "\(batch.warnings.map(\.description))")
    }
}

/// The exports that once lied or could run code (issue 15), with the issue's own inputs.
@Suite("Exports that neither lie nor run code")
struct ExportRegressionTests {
    @Test("a CR LF inside a name is quoted, so no formula starts a row of its own")
    func crlfInAName() {
        let name = "Harmless Academy\r\n=1+2*cmd|' /C calc'!A0"
        #expect(SpreadsheetCell.escape(name) == "\"" + name + "\"")
        // A name that starts with CR LF is guarded and quoted.
        #expect(SpreadsheetCell.escape("\r\n=1+2") == "\"'\r\n=1+2\"")
    }

    @Test(
        "only plain decimal numbers pass the formula guard",
        arguments: [
            ("-inf", "'-inf"), ("+nan", "'+nan"), ("-0x1p3", "'-0x1p3"), ("=1+2", "'=1+2"),
            ("@SUM(1)", "'@SUM(1)"),
            ("-0.35", "-0.35"), ("+12", "+12"), ("1e5", "1e5"),
        ])
    func formulaGuard(value: String, written: String) {
        #expect(SpreadsheetCell.escape(value) == written)
    }
}

/// Counts of four digits or more are written with thousands separators (issue 10).
@Suite("Counts as people read them")
struct CountTextTests {
    @Test(
        "thousands are grouped with commas",
        arguments: [
            (0, "0"), (999, "999"), (1_000, "1,000"), (12_158, "12,158"), (1_234_567, "1,234,567"),
            (-4_321, "-4,321"),
        ])
    func grouped(value: Int, text: String) {
        #expect(DisplayRounding.count(value) == text)
    }
}
