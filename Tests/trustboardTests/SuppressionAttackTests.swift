import Foundation
import Metrics
import Testing
import TrustGenerator

/// An attacker's view of everything trustboard prints: for every drop, each figure's
/// report row (value, cohort, previous, change) and the counts in its explanation
/// ("12,158 of 13,749 possible sessions attended"). From those numbers, and knowing which
/// totals are sums of which groups, it solves the equations exactly (Gaussian
/// elimination over every partition at once, not just one subtraction at a time) and
/// fails when any hidden figure's pupils or counts come out as their true value.
@Suite("Small groups cannot be worked out by subtraction")
struct SuppressionAttackTests {
    @Test("the sample trust: no hidden figure follows from what is printed")
    func sampleTrust() throws {
        let data = try Self.read(folder: Self.sampleFolder.path)
        let attack = Attack(data: data)
        #expect(attack.hiddenCells > 100, "the sample trust hides too few figures to test anything")
        #expect(attack.protectingCells > 0, "nothing was hidden to protect a small group")
        #expect(attack.leaks.isEmpty, "\(attack.leaks.count) leaks, e.g. \(attack.leaks.prefix(5))")
        #expect(attack.inconsistentPrevious.isEmpty, "\(attack.inconsistentPrevious.prefix(5))")
    }

    @Test("generated trusts: no hidden figure follows from what is printed", arguments: [7, 2027, 31337])
    func generatedTrust(seed: UInt64) throws {
        let folder = try AttackFolder()
        _ = try SampleTrustWriter(seed: seed).write(to: folder.url)
        let attack = Attack(data: try Self.read(folder: folder.url.path))
        #expect(attack.hiddenCells > 50)
        #expect(
            attack.leaks.isEmpty, "seed \(seed): \(attack.leaks.count) leaks, e.g. \(attack.leaks.prefix(5))")
        #expect(attack.inconsistentPrevious.isEmpty, "\(attack.inconsistentPrevious.prefix(5))")
    }

    @Test("a generated drop of 40 academies: no hidden figure follows from what is printed")
    func generatedNationalDrop() throws {
        let folder = try AttackFolder()
        _ = try NationalScaleWriter(academies: 40, seed: 11).write(to: folder.url)
        let attack = Attack(data: try Self.read(folder: folder.url.path))
        #expect(attack.hiddenCells > 20)
        #expect(attack.leaks.isEmpty, "\(attack.leaks.count) leaks, e.g. \(attack.leaks.prefix(5))")
    }

    @Test("without complementary suppression the attack finds leaks (the attacker works)")
    func attackerFindsLeaksInUnprotectedFigures() throws {
        let data = try Self.read(folder: Self.sampleFolder.path)
        let attack = Attack(data: data, protect: false)
        // The issue counted 919 recoverable figures in the sample report before the fix.
        #expect(attack.leaks.count > 100, "the attacker recovered only \(attack.leaks.count) figures")
    }

    @Test("Brookside's girls: boys' attendance is hidden too when girls' is")
    func brooksideGirls() throws {
        let data = try Self.read(folder: Self.sampleFolder.path)
        let brookside = try #require(URN(900_112))
        var checked = 0
        for drop in data.drops {
            let rows = data.attendance.filter {
                $0.urn == brookside && $0.drop == drop && $0.yearGroup == .all
            }
            guard let girls = rows.first(where: { $0.group == .girls }), girls.pupils < 6,
                let boys = rows.first(where: { $0.group == .boys })
            else { continue }
            let rated = DropRater(data: data, drop: drop, config: RatingConfig()).rated(brookside)
            let boysRated = try #require(
                rated.first {
                    $0.figure.kpi == .attendanceRate && $0.figure.group == .boys
                        && $0.figure.yearGroup == .all
                })
            #expect(boys.pupils >= 6, "boys \(boys.pupils): the test wants a large enough boys' group")
            #expect(boysRated.rating == .suppressed, "\(drop): boys' attendance shown beside hidden girls'")
            #expect(boysRated.figure.protectsSmallGroup)
            let explanation = RatingExplanation(boysRated).lines.map(\.text).joined(separator: " ")
            #expect(explanation.contains("worked out by subtraction"))
            checked += 1
        }
        #expect(checked > 0, "no drop has a Brookside girls' group under 6")
    }

    // MARK: - Reading

    static let sampleFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data")

    static func read(folder: String) throws -> TrustData {
        let batch = DropReader().read(paths: [folder])
        #expect(batch.errors.isEmpty, "\(batch.errors.prefix(3))")
        return TrustData(
            academies: batch.academies.map(\.record), attendance: batch.attendance.map(\.record),
            attainment: batch.attainment.map(\.record), scores: batch.scores.map(\.record),
            published: batch.published.map(\.record), benchmarks: batch.benchmarks.map(\.record),
            inclusion: batch.inclusion.map(\.record))
    }
}

/// Everything printed for one trust, and what an attacker can work out from it.
private struct Attack {
    /// One figure as the attacker sees it, with the truth beside it.
    struct Cell {
        var owner: Figure.Owner
        var kpi: KPI
        var group: PupilGroup
        var yearGroup: YearGroup
        var hidden: Bool
        /// Pupils, numerator, denominator as printed; nil where not printed.
        var printed: [Double?]
        /// The true pupils, numerator, denominator.
        var truth: [Double]
    }

    private(set) var hiddenCells = 0
    private(set) var protectingCells = 0
    private(set) var leaks: [String] = []
    private(set) var inconsistentPrevious: [String] = []

    init(data: TrustData, protect: Bool = true) {
        let config = RatingConfig()
        var shownByDrop: [DataDrop: Set<String>] = [:]
        var previousPrinted: [(DataDrop, String)] = []
        for drop in data.drops {
            let rater = DropRater(data: data, drop: drop, config: config)
            var cells: [Cell] = []
            var rateds = rater.academiesWithData.flatMap { rater.rated($0) } + rater.ratedTrust()
            if !protect {
                rateds = rateds.map { rated in
                    var plain = rated
                    plain.figure.protectsSmallGroup = false
                    if plain.rating == .suppressed && !plain.figure.isSuppressed { plain.rating = .none }
                    return plain
                }
            }
            for rated in rateds {
                let figure = rated.figure
                let row = ReportRow(rated, academy: nil, trustName: "Trust")
                let hidden = rated.rating == .suppressed
                var printed: [Double?] = [nil, nil, nil]
                if !hidden {
                    printed[0] = row.cohort.map(Double.init)
                    if figure.kpi.isPercentage,
                        let counts = Self.counts(in: RatingExplanation(rated).valueText)
                    {
                        printed[1] = counts.0
                        printed[2] = counts.1
                    } else if !figure.kpi.isPercentage {
                        printed[2] = row.cohort.map(Double.init)
                    }
                    shownByDrop[drop, default: []].insert(Self.name(figure))
                } else {
                    hiddenCells += 1
                    if figure.protectsSmallGroup { protectingCells += 1 }
                }
                if row.previous != nil, let previous = rated.previous {
                    previousPrinted.append((drop.sameTermLastYear, Self.name(previous)))
                }
                cells.append(
                    Cell(
                        owner: figure.owner, kpi: figure.kpi, group: figure.group,
                        yearGroup: figure.yearGroup,
                        hidden: hidden, printed: printed,
                        truth: [Double(figure.pupils), figure.numerator, figure.denominator]))
            }
            leaks += Self.solve(cells, drop: drop)
        }
        for (drop, name) in previousPrinted where !(shownByDrop[drop]?.contains(name) ?? false) {
            inconsistentPrevious.append(
                "\(drop) \(name) is printed as a previous value but hidden in its own drop")
        }
    }

    static func name(_ figure: Figure) -> String {
        "\(figure.owner.urn?.description ?? "trust") \(figure.kpi.key) \(figure.group.rawValue) \(figure.yearGroup.rawValue)"
    }

    /// "N of D" in an explanation's value line.
    static func counts(in text: String) -> (Double, Double)? {
        guard let equals = text.range(of: "= ") else { return nil }
        let words = text[equals.upperBound...].split(separator: " ")
        func number(_ word: Substring) -> Double? { Double(word.replacingOccurrences(of: ",", with: "")) }
        guard words.count >= 3, words[1] == "of", let n = number(words[0]), let d = number(words[2]) else {
            return nil
        }
        return (n, d)
    }

    /// The partitions the attacker knows of, as (total, members) index lists into `cells`,
    /// for one quantity; only those that hold for the true counts, as the strongest
    /// attacker would know.
    static func equations(_ cells: [Cell], quantity: Int) -> [(Int, [Int])] {
        struct Place: Hashable {
            var owner: Figure.Owner
            var group: PupilGroup
            var year: YearGroup
        }
        var at: [Place: Int] = [:]
        for (index, cell) in cells.enumerated() {
            at[Place(owner: cell.owner, group: cell.group, year: cell.yearGroup)] = index
        }
        var found: [(Int, [Int])] = []
        func add(_ total: Int, _ members: [Int]) {
            guard !members.isEmpty else { return }
            let sum = members.reduce(0.0) { $0 + cells[$1].truth[quantity] }
            if abs(sum - cells[total].truth[quantity]) < 1e-6 * max(1, abs(sum)) {
                found.append((total, members))
            }
        }
        let groupSets: [[PupilGroup]] = [
            [.disadvantaged, .notDisadvantaged], [.senSupport, .ehcp, .noSen], [.boys, .girls],
        ]
        let yearSets: [[YearGroup]] = [
            (1...11).map { .year($0) }, [.reception] + (1...11).map { .year($0) }, (1...13).map { .year($0) },
            [.nursery, .reception] + (1...13).map { .year($0) },
        ]
        for (index, cell) in cells.enumerated() {
            if cell.group == .all {
                for set in groupSets {
                    add(
                        index,
                        set.compactMap { at[Place(owner: cell.owner, group: $0, year: cell.yearGroup)] })
                }
            }
            if cell.yearGroup == .all {
                for set in yearSets {
                    add(index, set.compactMap { at[Place(owner: cell.owner, group: cell.group, year: $0)] })
                }
            }
            if cell.owner == .trust {
                let members = cells.indices.filter {
                    cells[$0].owner != .trust && cells[$0].group == cell.group
                        && cells[$0].yearGroup == cell.yearGroup
                }
                add(index, members)
            }
        }
        return found
    }

    /// Solves every partition of one drop at once, KPI by KPI and quantity by quantity,
    /// and names each hidden figure whose true value follows.
    static func solve(_ all: [Cell], drop: DataDrop) -> [String] {
        var leaks: [String] = []
        for kpi in Set(all.map(\.kpi)) {
            let cells = all.filter { $0.kpi == kpi }
            let unknowns = cells.indices.filter { cells[$0].hidden }
            guard !unknowns.isEmpty else { continue }
            var column: [Int: Int] = [:]
            for (position, index) in unknowns.enumerated() { column[index] = position }
            for quantity in 0..<3 {
                var rows: [[Double]] = []
                var usable = true
                for (total, members) in equations(cells, quantity: quantity) {
                    // total − Σ members = 0, known values moved to the right-hand side.
                    var row = [Double](repeating: 0, count: unknowns.count + 1)
                    var touches = false
                    for (index, sign) in [(total, 1.0)] + members.map({ ($0, -1.0) }) {
                        if let position = column[index] {
                            row[position] += sign
                            touches = true
                        } else if let known = cells[index].printed[quantity] {
                            row[unknowns.count] -= sign * known
                        } else {
                            usable = false
                        }
                    }
                    if touches && usable { rows.append(row) }
                    usable = true
                }
                for (position, value) in determined(rows, unknowns: unknowns.count) {
                    let cell = cells[unknowns[position]]
                    if abs(value - cell.truth[quantity]) < 0.5 {
                        let what = ["pupils", "numerator", "denominator"][quantity]
                        leaks.append(
                            "\(drop) \(cell.owner.urn?.description ?? "trust") \(kpi.key) \(cell.group.rawValue) "
                                + "\(cell.yearGroup.rawValue): \(what) \(value)")
                    }
                }
            }
        }
        return leaks
    }

    /// The unknowns a linear system fixes, with their values: reduced row echelon form,
    /// then every row with a single non-zero coefficient.
    static func determined(_ input: [[Double]], unknowns: Int) -> [(Int, Double)] {
        var rows = input
        var pivotRow = 0
        let epsilon = 1e-9
        for column in 0..<unknowns where pivotRow < rows.count {
            guard
                let best = (pivotRow..<rows.count).max(by: { abs(rows[$0][column]) < abs(rows[$1][column]) }),
                abs(rows[best][column]) > epsilon
            else { continue }
            rows.swapAt(pivotRow, best)
            let pivot = rows[pivotRow][column]
            rows[pivotRow] = rows[pivotRow].map { $0 / pivot }
            for other in rows.indices where other != pivotRow {
                let factor = rows[other][column]
                if abs(factor) > epsilon {
                    for k in 0...unknowns { rows[other][k] -= factor * rows[pivotRow][k] }
                }
            }
            pivotRow += 1
        }
        var found: [(Int, Double)] = []
        for row in rows.prefix(pivotRow) {
            let nonZero = (0..<unknowns).filter { abs(row[$0]) > epsilon }
            if nonZero.count == 1 { found.append((nonZero[0], row[unknowns])) }
        }
        return found
    }
}

/// A folder under the system's temporary folder, removed when the value goes away.
private final class AttackFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("suppression-attack-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
