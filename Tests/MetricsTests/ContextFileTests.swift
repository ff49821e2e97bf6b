import Testing

@testable import Metrics

/// The `context` data-drop kind: an academy's intake for a year, for academies the DfE's
/// school census does not have.
@Suite("context files give an academy's intake, checked like every other kind")
struct ContextFileTests {
    static let header =
        "urn,academic_year,pupils,disadvantaged_percent,eal_percent,sen_support_percent,ehcp_percent"

    static func read(_ rows: [String]) -> DropBatch {
        Fixtures.readWithAcademies("context.csv", ([header] + rows).joined(separator: "\n") + "\n")
    }

    /// The one error of `rows`, or a note that there was not exactly one.
    static func onlyError(_ rows: [String]) -> String {
        let errors = Fixtures.errors(read(rows))
        return errors.count == 1 ? errors[0] : "\(errors.count) errors: \(errors)"
    }

    @Test("the header is recognised as context, in any column order")
    func recognised() {
        #expect(
            DropFileKind.recognise(header: Self.header.split(separator: ",").map(String.init)) == .context)
        let shuffled = [
            "ehcp_percent", "urn", "pupils", "eal_percent", "academic_year", "sen_support_percent",
            "disadvantaged_percent",
        ]
        #expect(DropFileKind.recognise(header: shuffled) == .context)
        // One column short is still a context file, so the message names the missing one.
        #expect(
            DropFileKind.recognise(header: ["urn", "academic_year", "pupils", "eal_percent"]) == .context)
    }

    @Test("a row becomes the academy's characteristics; NA is not known, never zero")
    func rows() throws {
        let batch = Self.read(["900101,2024/25,412,23.4,12,14.1,2", "900102,2024-25,NA,30,na,0,NA"])
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        #expect(batch.files[1].kind == .context)
        let year = AcademicYear(2024)
        #expect(
            batch.context.map(\.record) == [
                SchoolContext(
                    urn: Fixtures.urn(900_101), year: year, pupils: 412, disadvantagedPercent: 23.4,
                    ealPercent: 12,
                    senSupportPercent: 14.1, ehcpPercent: 2),
                SchoolContext(
                    urn: Fixtures.urn(900_102), year: year, pupils: nil, disadvantagedPercent: 30,
                    ealPercent: nil,
                    senSupportPercent: 0, ehcpPercent: nil),
            ])
        #expect(batch.context.map(\.line) == [2, 3])
        let academy = SchoolCharacteristics(
            context: try #require(batch.context.first).record, phase: .primary)
        #expect(academy.missing.isEmpty)
        #expect(
            SchoolCharacteristics(context: batch.context[1].record, phase: .secondary).missing == [
                .eal, .ehcp, .size,
            ])
    }

    @Test(
        "a percentage over 100, negative, with a % sign or empty is an error naming file, line, column and value"
    )
    func badPercentages() {
        let fix = "write a percentage from 0 to 100 with no % sign, such as 23.5, or NA when it is not known"
        #expect(
            Self.onlyError(["900101,2024/25,412,123.4,12,14,2"])
                == "context.csv:2: column 'disadvantaged_percent', value '123.4': is over 100 for a percentage; \(fix)"
        )
        #expect(
            Self.onlyError(["900101,2024/25,412,23,-1,14,2"])
                == "context.csv:2: column 'eal_percent', value '-1': is not a percentage; \(fix)")
        #expect(
            Self.onlyError(["900101,2024/25,412,23,12,14%,2"])
                == "context.csv:2: column 'sen_support_percent', value '14%': is not a percentage; \(fix)")
        #expect(
            Self.onlyError(["900101,2024/25,412,23,12,14,"])
                == "context.csv:2: column 'ehcp_percent': is empty; \(fix)")
    }

    @Test("pupils, URN and year are checked as in every kind")
    func badCounts() {
        #expect(
            Self.onlyError(["900101,2024/25,,23,12,14,2"])
                == "context.csv:2: column 'pupils': is empty; write the pupils on roll in plain digits, such as 412, "
                + "or NA when it is not known")
        #expect(
            Self.onlyError(["900101,2024/25,4.5,23,12,14,2"]).hasPrefix(
                "context.csv:2: column 'pupils', value '4.5': is not a count"))
        #expect(
            Self.onlyError(["90010,2024/25,412,23,12,14,2"]).hasPrefix(
                "context.csv:2: column 'urn', value '90010': is not a URN"))
        #expect(
            Self.onlyError(["900101,2024/26,412,23,12,14,2"])
                == "context.csv:2: column 'academic_year', value '2024/26': is not an academic year; write it as 2024/25 "
                + "(2024-25 and 202425 are accepted too)")
    }

    @Test("SEN support and EHCP together over 100% is an error")
    func senOver100() {
        #expect(
            Self.onlyError(["900101,2024/25,412,23,12,60,45"])
                == "context.csv:2: column 'ehcp_percent', value '45': and sen_support_percent (60) add up to more than 100; "
                + "a pupil is on SEN support or has an EHC plan, not both; check the two columns")
    }

    @Test("an academy not of the trust, or one year given twice, is an error")
    func acrossTheBatch() {
        let errors = Fixtures.errors(
            Self.read([
                "900101,2024/25,412,23,12,14,2", "900199,2024/25,412,23,12,14,2",
                "900101,202425,400,23,12,14,2",
            ]))
        #expect(errors.count == 2)
        #expect(
            errors.contains {
                $0.hasPrefix("context.csv:3: column 'urn', value '900199': is not an academy of the trust")
            })
        #expect(
            errors.contains {
                $0.hasPrefix(
                    "context.csv:4: gives the 2024/25 context of 900101 again; it was first given at context.csv:2"
                )
            })
    }

    @Test("a missing column is named")
    func missingColumn() {
        let batch = Fixtures.readWithAcademies(
            "context.csv", "urn,academic_year,pupils,disadvantaged_percent,eal_percent,sen_support_percent\n")
        #expect(
            Fixtures.errors(batch).first?.contains("this context file lacks the required column ehcp_percent")
                == true)
    }
}
