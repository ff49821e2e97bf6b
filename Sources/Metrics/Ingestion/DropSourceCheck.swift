/// Where an academy's drop came from: a pupil-level export, or aggregate files.
public struct DropSource: Hashable, Sendable {
    /// True for a pupil-level export (`pupil_attendance`).
    public var fromExport: Bool
    /// The file's name as it was ingested.
    public var file: String
    /// True when the drop's inclusion figures came from the export too (an export without
    /// the `suspensions` and `permanently_excluded` columns gives none).
    public var inclusionFromExport: Bool
    /// The name of an aggregate `inclusion` file that gave the drop's inclusion figures, when
    /// they came from one (an export without the inclusion columns leaves them to such a file).
    public var inclusionFile: String?

    /// Makes a source.
    public init(
        fromExport: Bool, file: String, inclusionFromExport: Bool = false, inclusionFile: String? = nil
    ) {
        self.fromExport = fromExport
        self.file = file
        self.inclusionFromExport = inclusionFromExport
        self.inclusionFile = inclusionFile
    }
}

/// An academy's drop comes either from a pupil-level export or from aggregate files, never
/// from both: the export's sums would be mixed with hand-made rows, and a group the two
/// disagree on could not be told apart. Nor from two exports: one export holds the whole
/// drop of an academy. This check finds both, in the batch and against what the store
/// holds, and names the two files.
enum DropSourceCheck {
    /// Adds an error for every academy and drop given both ways, or by two exports, and
    /// takes the export's records of it out of the batch (which cannot be stored now), so
    /// that the same mistake is not also reported once for each of its groups as a key
    /// given twice.
    static func check(_ batch: inout DropBatch, stored: [AcademyDrop: DropSource]) {
        // Every error below needs an export, in the batch or in the store: without one,
        // nothing is looked up for each academy's rows.
        guard
            batch.files.contains(where: { $0.kind == .pupilAttendance })
                || stored.values.contains(where: \.fromExport)
        else { return }
        func isExport(_ file: Int) -> Bool { batch.files[file].kind == .pupilAttendance }
        var exports: [AcademyDrop: (file: Int, line: Int)] = [:]
        var aggregates: [AcademyDrop: (file: Int, line: Int)] = [:]
        var exportsWithInclusion: Set<AcademyDrop> = []
        var logs: [Int: IssueLog] = [:]
        var withdrawn: Set<[Int]> = []
        func error(_ file: Int, _ line: Int, _ key: AcademyDrop, _ problem: String, fix: String) {
            var log = logs.removeValue(forKey: file) ?? IssueLog(file: batch.files[file].name)
            log.error(line: line, column: "urn", value: key.urn.description, problem, fix: fix)
            logs[file] = log
        }
        func place(_ file: Int, _ line: Int) -> String { "\(batch.files[file].name):\(line)" }
        let oneWay =
            "an academy's drop comes either from its pupil-level export or from aggregate files, never both"

        // Only an export's rows are copied out; the others are looked at in place.
        for index in batch.attendance.indices where isExport(batch.attendance[index].file) {
            let row = batch.attendance[index]
            let key = AcademyDrop(urn: row.record.urn, drop: row.record.drop)
            guard let first = exports[key] else {
                exports[key] = (row.file, row.line)
                continue
            }
            guard first.file != row.file, !withdrawn.contains(Self.id(key, row.file)) else { continue }
            withdrawn.insert(Self.id(key, row.file))
            error(
                row.file, row.line, key,
                "gives the pupils of \(key.urn), \(key.drop) again; they were first given by the export "
                    + place(first.file, first.line),
                fix: "one export holds an academy's whole drop: send the pupils of this academy and drop "
                    + "in one file")
        }
        for row in batch.inclusion where isExport(row.file) {
            exportsWithInclusion.insert(AcademyDrop(urn: row.record.urn, drop: row.record.drop))
        }
        func noteAggregate(_ urn: URN, _ drop: DataDrop, _ file: Int, _ line: Int) {
            let key = AcademyDrop(urn: urn, drop: drop)
            if let seen = aggregates[key], seen.line <= line || seen.file != file { return }
            aggregates[key] = (file, line)
        }
        // A row of the same academy, drop and file as the row before it, further down,
        // changes nothing: its key was noted then, at that line or earlier, or from another
        // file. Skipping it spares a hash a row, as a drop file gives each academy's rows
        // together.
        // The rows are read in place, by index, rather than each copied whole.
        var previous: (urn: URN, drop: DataDrop, file: Int, line: Int)?
        batch.attendance.withUnsafeBufferPointer { rows in
            for index in rows.indices where !isExport(rows[index].file) {
                let (urn, drop) = (rows[index].record.urn, rows[index].record.drop)
                let (file, line) = (rows[index].file, rows[index].line)
                if let previous, previous.urn == urn, previous.drop == drop, previous.file == file,
                    previous.line <= line
                {
                    continue
                }
                previous = (urn, drop, file, line)
                noteAggregate(urn, drop, file, line)
            }
        }
        // An aggregate `inclusion` file is the other way only where an export gave the drop's
        // inclusion figures, in the batch or in the store; else it is the drop's only source
        // of them.
        for row in batch.inclusion where !isExport(row.file) {
            let key = AcademyDrop(urn: row.record.urn, drop: row.record.drop)
            if exportsWithInclusion.contains(key) || stored[key]?.inclusionFromExport == true {
                noteAggregate(key.urn, key.drop, row.file, row.line)
            }
        }
        for (key, aggregate) in aggregates.sorted(by: {
            ($0.value.file, $0.value.line) < ($1.value.file, $1.value.line)
        }) {
            if let export = exports[key] {
                for file in batch.files.indices where isExport(file) { withdrawn.insert(Self.id(key, file)) }
                error(
                    aggregate.file, aggregate.line, key,
                    "\(key.urn), \(key.drop) is also given by the pupil-level export "
                        + "\(place(export.file, export.line)); \(oneWay)",
                    fix:
                        "leave this academy's rows for the drop out of one of the two files: send the export "
                        + "alone, or the aggregate files alone")
            } else if let source = stored[key], source.fromExport {
                error(
                    aggregate.file, aggregate.line, key,
                    "the store holds \(key.urn), \(key.drop) from the pupil-level export \(source.file); "
                        + oneWay,
                    fix:
                        "correct this academy's drop with a corrected export instead; to send it as aggregate "
                        + "files from now on, ingest the trust's files into a new store")
            }
        }
        for (key, export) in exports.sorted(by: {
            ($0.value.file, $0.value.line) < ($1.value.file, $1.value.line)
        })
        where aggregates[key] == nil {
            guard let source = stored[key], !source.fromExport else { continue }
            withdrawn.insert(Self.id(key, export.file))
            error(
                export.file, export.line, key,
                "the store holds \(key.urn), \(key.drop) from the aggregate file \(source.file); \(oneWay)",
                fix: "correct this academy's drop with corrected aggregate files instead; to send it as a "
                    + "pupil-level export from now on, ingest the trust's files into a new store")
        }
        // An export that gives inclusion figures, where the store's came from an aggregate
        // `inclusion` file: the same one-way rule, for inclusion.
        for (key, export) in exports.sorted(by: {
            ($0.value.file, $0.value.line) < ($1.value.file, $1.value.line)
        })
        where aggregates[key] == nil && exportsWithInclusion.contains(key) {
            guard let file = stored[key]?.inclusionFile, !withdrawn.contains(Self.id(key, export.file)) else {
                continue
            }
            withdrawn.insert(Self.id(key, export.file))
            error(
                export.file, export.line, key,
                "the store holds the inclusion figures of \(key.urn), \(key.drop) from the aggregate file "
                    + "\(file); \(oneWay)",
                fix: "send this export without the suspensions and permanently_excluded columns, or correct "
                    + "the drop's inclusion with a corrected inclusion file; to send inclusion in the export "
                    + "from now on, ingest the trust's files into a new store")
        }
        if !withdrawn.isEmpty {
            batch.attendance.removeAll { isExport($0.file) && withdrawn.contains(id($0.record, $0.file)) }
            batch.inclusion.removeAll { isExport($0.file) && withdrawn.contains(id($0.record, $0.file)) }
        }
        for (file, log) in logs.sorted(by: { $0.key < $1.key }) {
            batch.files[file].errors += log.errors
            batch.issues += log.report
        }
    }

    /// The drops `batch` gives attendance or inclusion of: the only ones whose stored
    /// sources `check` looks at.
    static func drops(in batch: DropBatch) -> Set<DataDrop> {
        var drops = Set<DataDrop>()
        var last: DataDrop?
        func note(_ drop: DataDrop) {
            // Rows of one drop come together: most are the last one's.
            if drop != last { drops.insert(drop) }
            last = drop
        }
        // Read in place, by index, as `check` reads them, rather than each row copied whole.
        for index in batch.attendance.indices { note(batch.attendance[index].record.drop) }
        for index in batch.inclusion.indices { note(batch.inclusion[index].record.drop) }
        return drops
    }

    private static func id(_ key: AcademyDrop, _ file: Int) -> [Int] {
        [key.urn.value, key.drop.year.start, key.drop.term.index, file]
    }

    private static func id<Record: DropRecord>(_ record: Record, _ file: Int) -> [Int] {
        id(AcademyDrop(urn: record.urn, drop: record.drop), file)
    }
}
