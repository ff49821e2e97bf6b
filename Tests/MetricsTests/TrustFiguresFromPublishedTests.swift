import Foundation
import Testing

@testable import Metrics

/// Trust-wide figures from the DfE's rounded school percentages: counts where a school's
/// percentage and cohort fix its count, so that the trust's figure is one a count could
/// give; weighted by pupils, and marked approximate, where they do not. Worked out here
/// from the rows of the real Surrey KS2 file for 2017/18.
@Suite("Trust figures from published percentages")
struct TrustFiguresFromPublishedTests {
    static let file = DfEKS2Fixtures.surrey("2017-2018")
    static let drop = DataDrop(year: AcademicYear(2017), term: .summer)

    /// A school's row: URN, TELIG and its RWM expected percentage.
    struct School {
        var urn: URN
        var pupils: Int
        var percent: Int
    }

    /// The file's mainstream school rows (RECTYPE 1) with a whole-number PTRWM_EXP and a
    /// TELIG, in file order, read here with a small CSV reader of the test's own.
    static func schools() throws -> [School] {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let rows = CSVLines.parse(text)
        let header = try #require(rows.first).map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
        let type = try #require(header.firstIndex(of: "RECTYPE"))
        let urn = try #require(header.firstIndex(of: "URN"))
        let telig = try #require(header.firstIndex(of: "TELIG"))
        let rwm = try #require(header.firstIndex(of: "PTRWM_EXP"))
        return rows.dropFirst().compactMap { row in
            guard row.count > rwm, row[type] == "1", row[rwm].hasSuffix("%"),
                let percent = Int(row[rwm].dropLast()), let pupils = Int(row[telig]), pupils > 0,
                let number = Int(row[urn]), let urn = URN(number)
            else { return nil }
            return School(urn: urn, pupils: pupils, percent: percent)
        }
    }

    /// Every count c of `pupils` whose 100 × c / pupils rounds half up to `percent`:
    /// ⌊(200c + n) / 2n⌋ = percent.
    static func counts(_ percent: Int, of pupils: Int) -> [Int] {
        (0...pupils).filter { (200 * $0 + pupils) / (2 * pupils) == percent }
    }

    /// The trust's RWM expected figure for `schools`, read through the real reader.
    static func trustRWM(_ schools: [School]) throws -> Figure {
        let batch = DropReader(knownAcademies: Set(schools.map(\.urn))).read(paths: [file])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let data = TrustData(
            academies: schools.map { Academy(urn: $0.urn, name: "School \($0.urn)", phase: .primary) },
            published: batch.published.map(\.record))
        let figures = FigureCalculator(data: data).trustFigures(in: drop)
        return try #require(figures.first { $0.kpi == .expected(.rwm) && $0.group == .all })
    }

    @Test(
        "Five Surrey schools' RWM counts add up to a trust figure a count can give",
        .enabled(if: DfEKS2Fixtures.surreyPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func countsAreSummed() throws {
        // The file's first five schools of at most 100 pupils, where each whole-number
        // percentage fits exactly one count.
        let five = Array(try Self.schools().filter { $0.pupils <= 100 }.prefix(5))
        try #require(five.count == 5)
        var counted = 0
        var pupils = 0
        var weighted = 0
        for school in five {
            let fits = Self.counts(school.percent, of: school.pupils)
            try #require(fits.count == 1, "\(school.urn): \(school.percent)% of \(school.pupils)")
            counted += fits[0]
            pupils += school.pupils
            weighted += school.percent * school.pupils
        }
        // Counts over cohorts, to tenths rounded half up: ⌊(2000 C + N) / 2N⌋.
        let tenths = (2000 * counted + pupils) / (2 * pupils)
        // Averaging the percentages instead gives a different figure, or the test shows nothing.
        let averagedTenths = (20 * weighted + pupils) / (2 * pupils)
        try #require(tenths != averagedTenths)

        let trust = try Self.trustRWM(five)
        #expect(trust.numerator == Double(counted))
        #expect(trust.denominator == Double(pupils))
        #expect(trust.shown == Double(tenths) / 10)
        #expect(trust.publication?.isApproximate == false)
        #expect(trust.academies == 5)
        let text = RatingExplanation(RatedFigure(figure: trust, rating: .none)).valueText
        #expect(text.hasPrefix("\(tenths / 10).\(tenths % 10)% = \(counted) of \(pupils) pupils"), "\(text)")
    }

    @Test(
        "A school whose percentage fits two counts makes the trust's figure approximate",
        .enabled(if: DfEKS2Fixtures.surreyPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func anUndeterminedCountIsWeighted() throws {
        let schools = try Self.schools()
        let five = Array(schools.filter { $0.pupils <= 100 }.prefix(5))
        // The first school of more than 100 pupils whose percentage fits two counts.
        let big = try #require(
            schools.first { $0.pupils > 100 && Self.counts($0.percent, of: $0.pupils).count == 2 })
        var numerator = 0.0
        var pupils = 0
        for school in five {
            numerator += Double(try #require(Self.counts(school.percent, of: school.pupils).first))
            pupils += school.pupils
        }
        // The big school's percentage × its pupils: its share, not a count.
        numerator += Double(big.percent) * Double(big.pupils) / 100
        pupils += big.pupils

        let trust = try Self.trustRWM(five + [big])
        #expect(abs(trust.numerator - numerator) < 1e-9)
        #expect(trust.denominator == Double(pupils))
        #expect(trust.shown == DisplayRounding.round(numerator / Double(pupils) * 100, decimals: 1))
        #expect(trust.publication?.isApproximate == true)
        #expect(trust.publication?.weightedAcademies == 1)
        let rated = RatedFigure(figure: trust, rating: .none)
        #expect(rated.isApproximate)
        let text = RatingExplanation(rated).valueText
        #expect(text.hasPrefix("≈"), "\(text)")
        #expect(text.contains("approximate: weighted by pupils across 6 academies"), "\(text)")
        #expect(text.contains("for 1 of them the DfE's rounded percentage and cohort do not fix the count"))
    }

    @Test func anAcademysOwnFigureStaysAsPublished() {
        // 67% of 60 pupils is 40 of them; the academy still shows the DfE's 67.0.
        let urn = Fixtures.urn(100_001)
        let published = PublishedFigure(
            urn: urn, drop: Self.drop, kpi: .expected(.rwm), yearGroup: .year(6), value: 67, pupils: 60,
            source: "DfE KS2 performance tables 2017/18")
        let figure = FigureCalculator.figure(of: published)
        #expect(figure.shown == 67.0)
        #expect(figure.publication?.count == 40)
        let text = RatingExplanation(RatedFigure(figure: figure, rating: .none), source: published.source)
            .valueText
        #expect(
            text
                == "67.0% as published by the DfE (60 pupils), DfE KS2 performance tables 2017/18; that is 40 of "
                + "60 pupils at the expected standard or above, the only whole number of them that rounds to 67.0%"
        )
        // A score has no count: Attainment 8 is an average.
        let score = PublishedFigure(
            urn: urn, drop: Self.drop, kpi: .score(.attainment8), yearGroup: .year(11), value: 50.2,
            pupils: 60,
            source: "DfE KS4 performance tables 2017/18")
        #expect(FigureCalculator.figure(of: score).publication?.count == nil)
    }
}

/// A small CSV reader for tests: fields split at commas outside double quotes, `""` a
/// quote inside them, rows at line ends outside quotes (LF or CR LF).
enum CSVLines {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? characters.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r": continue
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
