import Foundation
import Testing

@testable import Metrics

/// The text, markdown and JSON reports are written sixteen academies at a time on every
/// core, and the text and markdown forms read the rows twice, once for their layout
/// (`ReportLayout`), so that a national report is never held whole. Each must be, byte for
/// byte, what the report's rows give written whole (`ReportFormat.write(_:title:)`), and
/// the JSON form what `JSONEncoder` writes of the whole list.
@Suite("The report written in pieces")
struct ReportInPiecesTests {
    /// The sample trust three times over: 36 academies, so two batches of sixteen and one of
    /// four and the trust (JSON: nine of four and the trust). Some copies' names hold what changes a cell's width or escape
    /// (wide characters, an emoji, a combining mark, a pipe, a tab, an escape character,
    /// a name longer than the text form's 36 columns); one copy's latest summer Year 6
    /// maths is published without pupil numbers, so the trust's figure leaves it out and
    /// the text and markdown forms say so under the table.
    static let trust: TrustData = {
        let sample = ReportCSVPathTests.sample
        var data = sample
        let names = [
            "東京 Academy | Wide", "Café\u{301} 🎓 Academy", "Tab\tand\u{1B}[31m Escape Academy",
            "An Academy With A Name Far Longer Than The Text Form's Thirty-Six Columns",
        ]
        func moved(_ urn: URN, _ copy: Int) -> URN { Fixtures.urn(urn.value + copy * 10_000) }
        for copy in 1...2 {
            for (index, academy) in sample.academies.enumerated() {
                var academy = academy
                academy.urn = moved(academy.urn, copy)
                academy.name = index < names.count && copy == 1 ? names[index] : "\(academy.name) \(copy)"
                data.academies.append(academy)
            }
            func copied<Record>(_ records: [Record], _ urn: WritableKeyPath<Record, URN>) -> [Record] {
                records.map {
                    var record = $0
                    record[keyPath: urn] = moved(record[keyPath: urn], copy)
                    return record
                }
            }
            data.attendance += copied(sample.attendance, \.urn)
            data.attainment += copied(sample.attainment, \.urn)
            data.scores += copied(sample.scores, \.urn)
            data.inclusion += copied(sample.inclusion, \.urn)
        }
        // One copied primary's latest summer results come as the DfE's rate alone.
        if let summer = sample.drops.last(where: { $0.term == .summer }),
            let first = sample.academies.first(where: { $0.phase == .primary })
        {
            let urn = moved(first.urn, 2)
            data.attainment.removeAll { $0.urn == urn && $0.drop == summer }
            data.scores.removeAll { $0.urn == urn && $0.drop == summer }
            data.published.append(
                PublishedFigure(
                    urn: urn, drop: summer, kpi: .expected(.maths), yearGroup: .year(6), value: 71,
                    pupils: nil, source: "DfE KS2 performance tables"))
        }
        // As a store gives them: drop by drop, academy by academy.
        func sorted<Record: DropRecord>(_ records: [Record]) -> [Record] {
            records.enumerated().sorted {
                ($0.element.drop, $0.element.urn.value, $0.offset) < (
                    $1.element.drop, $1.element.urn.value, $1.offset
                )
            }.map(\.element)
        }
        data.attendance = sorted(data.attendance)
        data.attainment = sorted(data.attainment)
        data.scores = sorted(data.scores)
        data.inclusion = sorted(data.inclusion)
        data.published = sorted(data.published)
        return data
    }()

    private func written(_ report: TrustReport, _ format: ReportFormat, forTerminal: Bool = false) -> (
        text: String, pieces: Int
    ) {
        var bytes: [UInt8] = []
        var pieces = 0
        report.write(format, forTerminal: forTerminal) {
            bytes += $0
            pieces += 1
        }
        return (String(decoding: bytes, as: UTF8.self), pieces)
    }

    /// `JSONEncoder`'s list of `rows`, as the JSON form wrote it whole.
    static func encoded(_ rows: [ReportRow]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
    }

    @Test("three drops of a trust of 36 academies, every form, byte for byte the rows written whole")
    func sameAsRows() throws {
        let data = Self.trust
        #expect(data.academies.count == 36)
        #expect(data.drops.count == 9)
        var leftOutNotes = 0
        // The first drop, the latest summer (with the figure left out) and the latest, when
        // that is another.
        let summer = try #require(data.drops.last { $0.term == .summer })
        let drops = Set([data.drops[0], summer, data.drops[data.drops.count - 1]]).sorted()
        for drop in drops {
            let report = TrustReport(
                DropRater(data: data, drop: drop, config: RatingConfig()), trustName: "Trust | Ünïcode")
            let rows = report.rows
            #expect(rows.count > 1_000, "\(drop)")
            for format in [ReportFormat.text, .markdown, .json] {
                let (text, pieces) = written(report, format)
                #expect(text == format.write(rows, title: report.title), "\(drop) \(format)")
                // A head, the batches of academies and the trust, and a tail; JSON's
                // batches each after a separator.
                #expect(pieces == (format == .json ? 21 : 6), "\(drop) \(format)")
            }
            #expect(written(report, .json).text == (try Self.encoded(rows)), "\(drop)")
            if written(report, .text).text.contains("leaves out") { leftOutNotes += 1 }
        }
        // The one drop with a figure published without pupils says so.
        #expect(leftOutNotes == 1)
    }

    @Test("one academy's report, and one with no rows, as written whole")
    func oneAcademyAndNone() throws {
        let data = Self.trust
        let drop = try #require(data.drops.last)
        let rater = DropRater(data: data, drop: drop, config: RatingConfig())
        let urn = try #require(data.academies.first { $0.name.hasPrefix("東京") }?.urn)
        let one = TrustReport(rater, trustName: "Trust", academy: urn)
        let none = TrustReport(rater, trustName: "Trust", academy: Fixtures.urn(999_999))
        #expect(none.rows.isEmpty)
        for report in [one, none] {
            for format in [ReportFormat.text, .markdown, .json] {
                #expect(written(report, format).text == format.write(report.rows, title: report.title))
            }
            #expect(written(report, .json).text == (try Self.encoded(report.rows)))
        }
        #expect(written(none, .json).text == (try Self.encoded([])))
        #expect(written(one, .text).text.contains("東京 Academy | Wide"))
    }

    @Test("for the terminal, each form is what standard output made of the whole")
    func forTerminal() {
        let data = Self.trust
        let drop = data.drops[data.drops.count - 1]
        let report = TrustReport(
            DropRater(data: data, drop: drop, config: RatingConfig()), trustName: "Trust\u{9B}31m")
        for format in [ReportFormat.text, .markdown, .json] {
            let raw = written(report, format).text
            let shown = written(report, format, forTerminal: true).text
            #expect(shown == TerminalText.report(raw), "\(format)")
            #expect(!shown.unicodeScalars.contains("\u{1B}"), "\(format)")
            #expect(!shown.unicodeScalars.contains("\u{9B}"), "\(format)")
        }
        // JSON keeps the escape as JSON writes it; only the terminal's copy loses it.
        #expect(written(report, .json).text.contains("\\u001b[31m"))
    }
}

/// The JSON form's rows are written by hand (`JSONRowWriter`), as `JSONEncoder` writes them.
@Suite("The JSON form's rows as JSONEncoder writes them")
struct JSONRowWriterTests {
    private func encoded(_ rows: [ReportRow]) throws -> String { try ReportInPiecesTests.encoded(rows) }

    @Test("rows made to be awkward: every control character, quotes, slashes, odd numbers")
    func awkwardRows() throws {
        let data = ReportCSVPathTests.sample
        let drop = data.drops[data.drops.count - 1]
        let plain = TrustReport(DropRater(data: data, drop: drop, config: RatingConfig()), trustName: "Trust")
            .rows
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let names = [
            controls, "\"Quoted\" \\ back/slash\u{7F}", "\u{85}\u{2028}\u{2029}é東🎓\u{FEFF}\u{301}", "",
        ]
        let numbers: [Double?] = [
            0, -0.0, 50, 91.9, 0.1 + 0.2, 1e-7, 1e21, 123_456_789.125, -3.5, 1e16, 2.5e-5, nil,
        ]
        var rows: [ReportRow] = []
        for (index, number) in numbers.enumerated() {
            var row = plain[index * 7 % plain.count]
            row.academy = names[index % names.count]
            row.benchmarkPeriod = index % 3 == 0 ? nil : names[(index + 1) % names.count]
            row.value = number
            row.previous = numbers[(index + 3) % numbers.count]
            row.change = numbers[(index + 5) % numbers.count]
            row.benchmark = numbers[(index + 7) % numbers.count]
            row.similarMedian = numbers[(index + 1) % numbers.count]
            row.similarExpected = numbers[(index + 2) % numbers.count]
            row.target = numbers[(index + 4) % numbers.count]
            row.cohort = index % 2 == 0 ? nil : -index * 1_000
            row.similarRank = index % 4 == 0 ? nil : index
            row.similarCount = index % 4 == 0 ? nil : 21
            row.nationalPercentile = index % 5 == 0 ? nil : 100 - index
            row.approximate = index % 3 == 0 ? nil : index % 3 == 1
            row.leftOut = index % 4 == 1 ? [names[0], "Ash (100001)"] : index % 4 == 2 ? ["Beech"] : []
            rows.append(row)
        }
        for (index, row) in rows.enumerated() {
            #expect(ReportFormat.json([row]) == (try encoded([row])), "row \(index)")
        }
        #expect(ReportFormat.json(rows) == (try encoded(rows)))
        #expect(ReportFormat.json(plain) == (try encoded(plain)))
        #expect(ReportFormat.json(rows).contains("\"value\" : -0,"))
        #expect(ReportFormat.json(rows).contains("\\u001f"))
    }
}

/// The layout of the text and markdown forms, worked out a batch of rows at a time and
/// merged in order, is the layout of all the rows at once.
@Suite("The report's layout merged from batches")
struct ReportLayoutTests {
    /// Rows of the sample's latest drop, with what the layout looks for put in late rows:
    /// a similar-schools rank, an approximate value, two sets of academies left out
    /// (one named by two KPIs), and a long and a wide name.
    static let rows: [ReportRow] = {
        let data = ReportCSVPathTests.sample
        let drop = data.drops[data.drops.count - 1]
        var rows = TrustReport(DropRater(data: data, drop: drop, config: RatingConfig()), trustName: "Trust")
            .rows
        let count = rows.count
        rows[count - 3].similarRank = 4
        rows[count - 3].similarCount = 21
        rows[count - 40].approximate = true
        rows[count - 2].leftOut = ["Ash (100001)"]
        rows[count - 1].leftOut = ["Ash (100001)"]
        rows[count - 1].pupilGroup = "boys"
        rows[count - 5].leftOut = ["Beech (100002)", "Ash (100001)"]
        rows[count / 2].academy = String(repeating: "Long name ", count: 8)
        rows[count / 3].academy = "東京東京東京"
        return rows
    }()

    @Test("split at every hundredth row, and into three, the layout is the whole's")
    func merged() {
        let rows = Self.rows
        let whole = ReportLayout(rows)
        #expect(whole.hasSimilar)
        #expect(whole.headings.last == "Similar schools")
        #expect(whole.textWidths[0] == 36)
        #expect(whole.notes.count == 3)
        var splits = Array(stride(from: 0, through: rows.count, by: 100))
        splits.append(rows.count - 4)
        for split in splits {
            var merged = ReportLayout(Array(rows[..<split]))
            merged.merge(ReportLayout(Array(rows[split...])))
            #expect(merged.headings == whole.headings, "split at \(split)")
            #expect(merged.textWidths == whole.textWidths, "split at \(split)")
            #expect(merged.notes == whole.notes, "split at \(split)")
        }
        let thirds = [0, rows.count / 3, 2 * rows.count / 3, rows.count]
        var merged = ReportLayout()
        for index in 0..<3 { merged.merge(ReportLayout(Array(rows[thirds[index]..<thirds[index + 1]]))) }
        #expect(merged.textWidths == whole.textWidths)
        #expect(merged.notes == whole.notes)
    }

    @Test("the notes, worked out by hand")
    func notes() {
        let notes = ReportLayout(Self.rows).notes
        let rows = Self.rows
        let count = rows.count
        let firstKPI =
            rows[count - 5].pupilGroup == "all"
            ? rows[count - 5].kpi : "\(rows[count - 5].kpi) (\(rows[count - 5].pupilGroup))"
        let second = [rows[count - 2], rows[count - 1]].map {
            $0.pupilGroup == "all" ? $0.kpi : "\($0.kpi) (\($0.pupilGroup))"
        }
        let secondNames = second[0] == second[1] ? [second[0]] : second
        #expect(
            notes[0]
                == "Trust-wide \(firstKPI) leaves out Beech (100002), Ash (100001): the DfE published their "
                + "figures as rates without pupil numbers (or as SUPP), and rates cannot be averaged.")
        #expect(
            notes[1]
                == "Trust-wide \(secondNames.joined(separator: ", ")) leave\(secondNames.count == 1 ? "s" : "") out "
                + "Ash (100001): the DfE published their figures as rates without pupil numbers (or as SUPP), "
                + "and rates cannot be averaged.")
        #expect(notes[2] == ReportFormat.approximateNote)
    }

    @Test("without a similar-schools phrase, the column is left out")
    func noSimilar() {
        let rows = Self.rows.map {
            var row = $0
            row.similarRank = nil
            row.similarExpected = nil
            return row
        }
        let layout = ReportLayout(rows)
        #expect(!layout.hasSimilar)
        #expect(layout.headings == ReportFormat.headings)
        #expect(layout.textWidths.count == ReportFormat.headings.count)
    }
}
