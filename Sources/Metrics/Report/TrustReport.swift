import Dispatch

/// A report on one drop: every rated figure, academy by academy in name order, then the
/// trust; or one academy's alone.
public struct TrustReport: Sendable {
    /// The rater the rows come from.
    public let rater: DropRater
    /// The trust's name, for the trust rows.
    public let trustName: String
    /// The one academy reported, or nil for all and the trust.
    public let academy: URN?
    /// Each academy's figures against its similar schools, for the `similar_…` columns;
    /// nil leaves them empty.
    public let similar: SimilarComparisons?
    /// Where each of the trust's academies is in the rater's `TrustData.academies`, by
    /// URN: a national trust's 22,000 academies were copied whole into a dictionary of
    /// 3 MB, held for the whole report.
    private let academyPositions: [URN: Int]

    /// Makes a report of `rater`'s drop; for `academy` alone when given. `similar`, else
    /// the rater's, fills the academies' similar-schools columns; the trust's expected
    /// figure (`similar_expected`) is the rater's (`DropRater.similar`).
    public init(
        _ rater: DropRater, trustName: String, academy: URN? = nil, similar: SimilarComparisons? = nil
    ) {
        self.rater = rater
        self.trustName = trustName
        self.academy = academy
        self.similar = similar ?? rater.similar
        academyPositions = Dictionary(
            rater.calculator.data.academies.enumerated().map { ($1.urn, $0) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The trust's academy with `urn`, if it has one.
    private func academy(withURN urn: URN) -> Academy? {
        academyPositions[urn].map { rater.calculator.data.academies[$0] }
    }

    /// The title for text and markdown: "Northbrook Learning Trust: 2025/26 spring".
    public var title: String {
        let name = academy.flatMap { self.academy(withURN: $0)?.name } ?? trustName
        return "\(name): \(rater.drop)"
    }

    /// The academies reported, in name order.
    private var orderedAcademies: [URN] {
        var urns = rater.academiesWithData
        if let academy { urns = urns.filter { $0 == academy } }
        return urns.sorted { lhs, rhs in
            let left = self.academy(withURN: lhs)?.name ?? ""
            let right = self.academy(withURN: rhs)?.name ?? ""
            return left != right ? left < right : lhs < rhs
        }
    }

    /// Calls `body` with each row of one academy, or of the trust when `urn` is nil.
    private func forEachRow(of urn: URN?, _ body: (ReportRow) -> Void) {
        let academy = urn.flatMap { self.academy(withURN: $0) }
        let owner = ReportRow.Owner(drop: rater.drop, academy: academy, urn: urn, trustName: trustName)
        guard urn == nil else {
            for rated in urn.map(rater.rated) ?? [] {
                var row = ReportRow(rated, owner: owner)
                if let similar, let urn, let value = rated.shown {
                    let figure = rated.figure
                    row.compare(
                        with: similar.comparison(
                            urn: urn, kpi: figure.kpi, group: figure.group, yearGroup: figure.yearGroup,
                            drop: figure.drop, value: value))
                }
                body(row)
            }
            return
        }
        let leftOut = rater.calculator.leftOut(in: rater.drop)
        for rated in rater.ratedTrust() {
            var row = ReportRow(rated, owner: owner)
            row.leftOut = (leftOut[FigureCalculator.smallKey(rated.figure)] ?? []).map { urn in
                self.academy(withURN: urn).map { "\($0.name) (\(urn))" } ?? urn.description
            }
            body(row)
        }
    }

    /// Calls `body` with each row in report order, computing one academy at a time.
    public func forEachRow(_ body: (ReportRow) -> Void) {
        for urn in orderedAcademies { forEachRow(of: urn, body) }
        if academy == nil { forEachRow(of: nil, body) }
    }

    /// Every row.
    public var rows: [ReportRow] {
        var rows: [ReportRow] = []
        forEachRow { rows.append($0) }
        return rows
    }

    /// The report written in `format`, in pieces passed to `output` in order, each of
    /// whole rows, so a national-scale report is never held whole:
    /// `write(_:forTerminal:to:)` with each piece made a `String`.
    public func write(_ format: ReportFormat, to output: (String) -> Void) {
        write(format, forTerminal: false) { output(String(decoding: $0, as: UTF8.self)) }
    }

    /// The report written in `format` as UTF-8, in pieces passed to `output` in order:
    /// the rows `forEachRow(_:)` gives, as `ReportFormat.write(_:title:)` writes them,
    /// byte for byte. With `forTerminal`, each piece is first made
    /// `TerminalText.report(bytes:)` on the thread that wrote it, as standard output wants it.
    ///
    /// CSV is `writeCSV(forTerminal:to:)`. The other forms are worked out sixteen
    /// academies at a time (JSON four) on every core, as CSV is, and the trust's rows last: held
    /// whole, a national report (3.5 million rows) took 2.2 GB as markdown, 3.4 GB as
    /// text and 8.7 GB as JSON. The text and markdown forms read the rows through twice:
    /// once for whether the similar-schools column is written, the notes under the table
    /// and, for text, the columns' widths (`ReportLayout`), and again to write them.
    public func write(_ format: ReportFormat, forTerminal: Bool = false, to output: ([UInt8]) -> Void) {
        guard format != .csv else { return writeCSV(forTerminal: forTerminal, to: output) }
        // JSON is four times as long a row: four academies a piece keep its pieces in hand
        // as small as the others' (about 400 KB).
        let batches = self.batches(of: format == .json ? 4 : 16)
        let pieces = PiecesInOrder(count: batches.count, window: 8)
        @Sendable func piece(_ text: String) -> [UInt8] {
            forTerminal ? TerminalText.report(bytes: Array(text.utf8)) : Array(text.utf8)
        }
        guard format != .json else {
            var started = false
            pieces.run(
                make: { index in
                    let bytes = ReportFormat.jsonObjects(rows(of: batches[index]))
                    return forTerminal ? TerminalText.report(bytes: bytes) : bytes
                },
                output: { bytes in
                    guard !bytes.isEmpty else { return }
                    output(piece(started ? ",\n" : "[\n"))
                    started = true
                    output(bytes)
                })
            return output(piece(started ? "\n]\n" : ReportFormat.jsonOfNoRows))
        }
        // Text and markdown.
        let isText = format == .text
        // Markdown does not pad its cells, so its rows are not measured.
        var layout = ReportLayout(measuringWidths: isText)
        pieces.run(
            make: { ReportLayout(rows(of: batches[$0]), measuringWidths: isText) },
            output: { layout.merge($0) })
        output(
            piece(
                isText
                    ? ReportFormat.textHead(title: title, layout)
                    : ReportFormat.markdownHead(title: title, layout)))
        pieces.run(
            make: { [layout] index in
                let rows = rows(of: batches[index])
                return piece(
                    rows.map {
                        isText ? ReportFormat.textLine($0, layout) : ReportFormat.markdownLine($0, layout)
                    }.joined())
            },
            output: output)
        output(piece(isText ? ReportFormat.textTail(layout) : ReportFormat.markdownTail(layout)))
    }

    /// The owners of the rows in report order, in batches: the academies reported in
    /// name order, `size` a batch, then the trust (nil) alone when every academy is
    /// reported.
    private func batches(of size: Int) -> [[URN?]] {
        let owners = orderedAcademies
        var batches = stride(from: 0, to: owners.count, by: size).map {
            owners[$0..<min($0 + size, owners.count)].map { Optional($0) }
        }
        if academy == nil { batches.append([nil]) }
        return batches
    }

    /// The rows of `owners` (each an academy, or nil for the trust), in report order.
    private func rows(of owners: [URN?]) -> [ReportRow] {
        var rows: [ReportRow] = []
        for owner in owners { forEachRow(of: owner) { rows.append($0) } }
        return rows
    }

    /// The CSV report as UTF-8, in pieces of about a megabyte, each passed to `output`:
    /// `write(.csv, to:)` without making each piece a `String` (a national report is
    /// 400 MB). With `forTerminal`, each piece is first made `TerminalText.report(bytes:)`
    /// on the thread that wrote it, as standard output wants it.
    public func writeCSV(forTerminal: Bool = false, to output: ([UInt8]) -> Void) {
        output(Array((ReportFormat.csvColumns.joined(separator: ",") + "\n").utf8))
        // Academies are rated and written in batches on every core, and the batches
        // passed on in order while the next are worked out; each batch is freed once
        // written.
        // The trust's rows sum every academy on one core: they are worked out beside the
        // academies' from the start rather than alone at the end, and written last.
        let trust = TrustRows()
        let group = DispatchGroup()
        if academy == nil {
            DispatchQueue.global().async(group: group) {
                var writer = CSVRowWriter()
                writeCSVRows(of: nil, to: &writer)
                trust.bytes = Self.piece(writer, forTerminal: forTerminal)
            }
        }
        let owners = orderedAcademies
        // Sixteen academies a batch, about 300 KB: with eight batches in hand, batches of
        // 64 held 8–12 MB of a national report's peak, and smaller ones keep both cores
        // as busy.
        let batchSize = 16
        let batches = stride(from: 0, to: owners.count, by: batchSize).map {
            Array(owners[$0..<min($0 + batchSize, owners.count)])
        }
        PiecesInOrder(count: batches.count, window: 8).run(
            make: { index in
                var writer = CSVRowWriter()
                // Room for what an academy of a national drop writes, about 19 KB, so that
                // the batch's bytes are not copied each time they outgrow their room.
                writer.bytes.reserveCapacity(batches[index].count * 24 * 1024)
                for urn in batches[index] { writeCSVRows(of: urn, to: &writer) }
                return Self.piece(writer, forTerminal: forTerminal)
            },
            output: output)
        group.wait()
        if academy == nil { output(trust.bytes) }
    }

    /// What `writer` wrote, made `TerminalText.report(bytes:)` when `forTerminal`: looked
    /// through only when one of its text cells may need it, as a national report's
    /// 400 MB are otherwise read again byte by byte to find nothing.
    private static func piece(_ writer: CSVRowWriter, forTerminal: Bool) -> [UInt8] {
        guard forTerminal, writer.mayChangeTerminal else { return writer.bytes }
        return TerminalText.report(bytes: writer.bytes)
    }

    /// Writes the CSV rows of one academy, or of the trust when `urn` is nil: the rows
    /// `forEachRow(of:_:)` gives, written straight from the rated figures (the trust's
    /// `leftOut` is not a CSV column, so it is not worked out here).
    private func writeCSVRows(of urn: URN?, to writer: inout CSVRowWriter) {
        let owner = CSVRowWriter.ownerCells(
            ReportRow.Owner(
                drop: rater.drop, academy: urn.flatMap { self.academy(withURN: $0) }, urn: urn,
                trustName: trustName))
        if CSVRowWriter.mayChangeTerminal(owner) { writer.mayChangeTerminal = true }
        guard let urn else {
            for var rated in rater.ratedTrust() { writer.append(&rated, owner: owner, comparison: nil) }
            return
        }
        rater.forEachRated(urn) { rated in
            var comparison: SimilarSchoolsComparison?
            if let similar, let value = rated.shown {
                let figure = rated.figure
                comparison = similar.comparison(
                    urn: urn, kpi: figure.kpi, group: figure.group, yearGroup: figure.yearGroup,
                    drop: figure.drop, value: value)
            }
            writer.append(&rated, owner: owner, comparison: comparison)
        }
    }

    /// The report written in `format`, whole.
    public func write(_ format: ReportFormat) -> String {
        var text = ""
        write(format) { text += $0 }
        return text
    }
}

/// The trust's CSV rows, written by the thread that works them out and read once it is
/// done (`DispatchGroup.wait` orders the two).
private final class TrustRows: @unchecked Sendable {
    var bytes: [UInt8] = []
}
