import Metrics

/// One table of stored records: its name, its key and its value columns.
///
/// The termly records are not here: they share `drop_counts` (`DropCountsTable`).
///
/// The upsert and select statements are built from these lists so that binding (in
/// `TrustStore+Ingest.swift`) and reading (in `StoredRow.swift`) agree on one column order:
/// key columns, then value columns, then `file_id` and `line`. The tables themselves are
/// created by the frozen SQL of the schema migrations, never from these lists.
struct RecordTable: Sendable {
    /// The table's name; also the `kind` written into `history`.
    let name: String
    /// The columns that identify a record.
    let keyColumns: [String]
    /// The columns a later file may correct.
    let valueColumns: [String]

    /// Key and value columns in binding and reading order.
    var recordColumns: [String] { keyColumns + valueColumns }

    /// Key, value, `file_id` and `line` columns.
    var allColumns: [String] { recordColumns + ["file_id", "line"] }

    /// Inserts a record, or replaces the stored one with the same key when any value differs.
    ///
    /// When every value is the same the `WHERE` of `DO UPDATE` is false and nothing changes,
    /// not even `file_id`: re-ingesting a file must leave the store as it was. A replacement
    /// fires the table's history trigger.
    var upsertSQL: String {
        let placeholders = Array(repeating: "?", count: allColumns.count).joined(separator: ", ")
        let assignments = (valueColumns + ["file_id", "line"]).map { "\($0) = excluded.\($0)" }
        let differences = valueColumns.map { "\(name).\($0) IS NOT excluded.\($0)" }
        return """
            INSERT INTO \(name) (\(allColumns.joined(separator: ", "))) VALUES (\(placeholders))
            ON CONFLICT (\(keyColumns.joined(separator: ", "))) DO UPDATE SET
            \(assignments.joined(separator: ", "))
            WHERE \(differences.joined(separator: " OR "))
            """
    }

    /// Asks whether a row with the bound key is stored with the bound values, compared as
    /// `upsertSQL` compares them (`IS`, so that two NULLs are alike): 1 or 0.
    var storedAlikeSQL: String {
        let conditions = keyColumns.map { "\($0) = ?" } + valueColumns.map { "\($0) IS ?" }
        return "SELECT EXISTS (SELECT 1 FROM \(name) WHERE \(conditions.joined(separator: " AND ")))"
    }

    /// Selects every record column and `file_id`, in key order.
    var selectSQL: String {
        "SELECT \((recordColumns + ["file_id"]).joined(separator: ", ")) FROM \(name)"
    }

    /// The academy's name and details, keyed by URN.
    static let academies = RecordTable(
        name: "academies", keyColumns: ["urn"],
        valueColumns: ["name", "phase", "local_authority", "sil", "joined", "ofsted"])

    /// Benchmarks, keyed by KPI, drop, phase (`''` for all phases), pupil group and scope.
    static let benchmarks = RecordTable(
        name: "benchmarks",
        keyColumns: ["measure", "academic_year", "term", "phase", "pupil_group", "scope"],
        valueColumns: ["value", "source"])

    /// National distributions, keyed by KPI, drop and phase; the values are written as
    /// text, ascending and comma-separated.
    static let distributions = RecordTable(
        name: "distributions", keyColumns: ["measure", "academic_year", "term", "phase"],
        valueColumns: ["schools", "value_list", "source"])

    /// The DfE's school census, keyed by year and school; it keeps no history.
    static let census = RecordTable(
        name: "school_census", keyColumns: ["academic_year", "urn"],
        valueColumns: [
            "school_type", "phase", "pupils", "disadvantaged_percent", "eal_percent", "sen_support_percent",
            "ehcp_percent",
        ])

    /// The census's national rows, keyed by year and school type; no history, like the
    /// census.
    static let nationalCensus = RecordTable(
        name: "census_national", keyColumns: ["academic_year", "school_type"],
        valueColumns: [
            "phase", "pupils", "disadvantaged_percent", "eal_percent", "sen_support_percent", "ehcp_percent",
        ])

    /// Every school's published outcomes, keyed by drop, school and KPI; no history.
    static let outcomes = RecordTable(
        name: "school_outcomes", keyColumns: ["academic_year", "term", "urn", "measure"],
        valueColumns: ["value"])

    /// The trust's own lines of each academy's characteristics (`context` files), keyed by
    /// year and academy; no history, like the census.
    static let context = RecordTable(
        name: "academy_context", keyColumns: ["academic_year", "urn"],
        valueColumns: [
            "pupils", "disadvantaged_percent", "eal_percent", "sen_support_percent", "ehcp_percent",
        ])

    /// The names DfE files give schools, keyed by school; no history.
    static let schoolNames = RecordTable(
        name: "school_names", keyColumns: ["urn"], valueColumns: ["name", "local_authority"])

    /// Every record table that keeps history, besides `drop_counts` (the census and its
    /// national rows, context, outcomes and names do not).
    static let all: [RecordTable] = [.academies, .benchmarks, .distributions]
}
