import Metrics
import Testing

@testable import Dashboard

/// Sorting the overview by keys taken out of the rows (`OverviewColumn.sort`) puts them in
/// the order comparing the rows themselves did: on generated trusts whose academies share
/// names (in other cases, with accents), phases, ratings and shown values, by every column,
/// both ways.
@Suite("The overview sorts as it always sorted")
struct OverviewSortTests {
    static let drop = OverviewFiguresTests.drop

    /// `OverviewFiguresTests`' generated trust, its academies renamed from a few names so
    /// that many share one (or one up to case) and sorting falls back on input order, and
    /// some made special schools so that phases tie and differ.
    static func view(seed: UInt64) -> TrustView {
        var data = OverviewFiguresTests.trust(seed: seed)
        var random = MonkeyTests.SplitMix(state: seed &+ 99)
        let names = ["Oak Academy", "oak academy", "Élan School", "Elm School", "Ash", "ash", "Zed", "Ében"]
        for index in data.academies.indices {
            let academy = data.academies[index]
            data.academies[index] = Academy(
                urn: academy.urn, name: names[random.below(names.count)],
                phase: random.below(4) == 0 ? .special : academy.phase)
        }
        return TrustView(data: data, config: RatingConfig(), trustName: "Generated Trust", isSample: false)
    }

    /// The order before: a stable sort comparing the rows, then their names, one pair at a time.
    static func reference(_ column: OverviewColumn, _ rows: [OverviewRow], reversed: Bool) -> [OverviewRow] {
        func compare(_ lhs: OverviewRow, _ rhs: OverviewRow) -> Int {
            func text(_ a: String, _ b: String) -> Int { a < b ? -1 : a == b ? 0 : 1 }
            switch column {
            case .name: return text(lhs.sortName, rhs.sortName)
            case .phase: return text(lhs.academy?.phase.rawValue ?? "", rhs.academy?.phase.rawValue ?? "")
            case .worst:
                if lhs.worst != rhs.worst { return lhs.worst < rhs.worst ? -1 : 1 }
                if lhs.reds != rhs.reds { return lhs.reds > rhs.reds ? -1 : 1 }
                if lhs.ambers != rhs.ambers { return lhs.ambers > rhs.ambers ? -1 : 1 }
                return OverviewColumn.figureOrder(lhs.sortKeys.attendance, rhs.sortKeys.attendance)
            case .attendance:
                return OverviewColumn.figureOrder(lhs.sortKeys.attendance, rhs.sortKeys.attendance)
            case .persistentAbsence:
                return OverviewColumn.figureOrder(
                    lhs.sortKeys.persistentAbsence, rhs.sortKeys.persistentAbsence)
            case .severeAbsence:
                return OverviewColumn.figureOrder(lhs.sortKeys.severeAbsence, rhs.sortKeys.severeAbsence)
            case .headline: return OverviewColumn.figureOrder(lhs.sortKeys.headline, rhs.sortKeys.headline)
            case .suspensions:
                return OverviewColumn.figureOrder(lhs.sortKeys.suspensions, rhs.sortKeys.suspensions)
            }
        }
        let sorted = rows.sorted { lhs, rhs in
            let order = compare(lhs, rhs)
            if order != 0 { return order < 0 }
            return lhs.sortName < rhs.sortName
        }
        return reversed ? sorted.reversed() : sorted
    }

    @Test("every column, both ways", arguments: Array(UInt64(1)...UInt64(30)))
    func sameOrder(seed: UInt64) {
        let view = Self.view(seed: seed)
        // Shuffled, so that ties keep an order other than the rows' own.
        var random = MonkeyTests.SplitMix(state: seed)
        var rows = view.overviewRows(Self.drop)
        for index in rows.indices.reversed() where index > 0 {
            rows.swapAt(index, random.below(index + 1))
        }
        var tiedNames = 0
        for column in OverviewColumn.allCases {
            for reversed in [false, true] {
                let sorted = column.sort(rows, reversed: reversed).map { ObjectIdentifier($0) }
                let expected = Self.reference(column, rows, reversed: reversed).map { ObjectIdentifier($0) }
                #expect(sorted == expected, "seed \(seed), \(column), reversed: \(reversed)")
            }
        }
        for (index, row) in rows.enumerated() {
            tiedNames += rows[..<index].filter { $0.sortName == row.sortName }.count
        }
        #expect(rows.count > 3)
        #expect(tiedNames > 0, "seed \(seed): no two rows share a name, so ties were not compared")
    }

    @Test("a text's place in alphabetical order orders texts as comparing them does")
    func alphabeticalPlaces() {
        let texts = ["b", "a", "é", "e\u{301}", "B", "", "a", "z", "b"]
        let places = OverviewColumn.alphabeticalPlaces(texts)
        for i in texts.indices {
            for j in texts.indices {
                #expect((places[i] < places[j]) == (texts[i] < texts[j]), "\(texts[i]) against \(texts[j])")
                #expect((places[i] == places[j]) == (texts[i] == texts[j]), "\(texts[i]) against \(texts[j])")
            }
        }
    }
}
