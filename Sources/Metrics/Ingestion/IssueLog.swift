/// The issues of one file, kept in full up to a limit so a file that is wrong on every
/// line still gives a readable report.
///
/// Errors are kept up to `limit`; warnings up to `warningsOfAKind` of each kind (the same
/// problem, such as "is not a column of an attendance file", whatever column or value it
/// names) and `limit` in all. Those left out are counted, and `report` ends with one line
/// for each kind saying how many more there were, and one for those beyond `limit`: a header of 100,000 unknown columns
/// once gave 99,990 warnings, 30 MB of them.
struct IssueLog {
    /// Errors kept in full for one file, and warnings in all; later ones are counted.
    static let limit = 200
    /// Warnings of one kind kept in full for one file.
    static let warningsOfAKind = 10

    let file: String
    private(set) var issues: [DropIssue] = []
    private(set) var errors = 0
    private(set) var warnings = 0
    /// Warnings kept, by kind (their problem).
    private var keptOfKind: [String: Int] = [:]
    /// Warnings kept in all.
    private var kept = 0
    /// Warnings left out, by kind, in the order their kinds were first left out, with the
    /// line of the last one kept.
    private var leftOut: [(problem: String, count: Int, line: Int?)] = []
    /// Warnings left out once `limit` were kept, whatever their kind.
    private var beyondLimit = 0

    init(file: String) { self.file = file }

    /// Records an error.
    mutating func error(
        line: Int?, column: String? = nil, value: String? = nil, _ problem: String, fix: String?
    ) {
        errors += 1
        if errors <= Self.limit {
            issues.append(
                DropIssue(
                    .error, file: file, line: line, column: column, value: value, problem: problem, fix: fix))
        }
    }

    /// Records a warning; its kind is its problem, so `problem` should not hold the value
    /// (give that as `value`).
    mutating func warning(
        line: Int? = nil, column: String? = nil, value: String? = nil, _ problem: String, fix: String? = nil
    ) {
        warnings += 1
        guard kept < Self.limit else {
            beyondLimit += 1
            return
        }
        let ofKind = keptOfKind[problem, default: 0]
        guard ofKind < Self.warningsOfAKind else {
            if let index = leftOut.firstIndex(where: { $0.problem == problem }) {
                leftOut[index].count += 1
            } else {
                let last = issues.last { $0.severity == .warning && $0.problem == problem }
                leftOut.append((problem, 1, last?.line ?? line))
            }
            return
        }
        keptOfKind[problem] = ofKind + 1
        kept += 1
        issues.append(
            DropIssue(
                .warning, file: file, line: line, column: column, value: value, problem: problem, fix: fix))
    }

    /// Adds the issues of `later`, a log of the same file's later lines, as if they had
    /// been logged here in turn: the first `limit` errors of both are kept in full and the
    /// rest counted. A row loop logs errors only, and that is all this takes from `later`.
    mutating func append(_ later: IssueLog) {
        var given = 0
        for issue in later.issues where issue.severity == .error {
            given += 1
            errors += 1
            if errors <= Self.limit { issues.append(issue) }
        }
        errors += later.errors - given
    }

    /// The issues, with a closing note when errors were left out, and one for each kind of
    /// warning left out.
    var report: [DropIssue] {
        var report = issues
        for (problem, count, line) in leftOut {
            report.append(
                DropIssue(
                    .warning, file: file, line: line,
                    problem:
                        "\(count) more warning\(count == 1 ? "" : "s") that \(count == 1 ? "says" : "say") "
                        + "\"\(Self.shortened(problem))\" \(count == 1 ? "is" : "are") not listed"))
        }
        if beyondLimit > 0 {
            report.append(
                DropIssue(
                    .warning, file: file, line: issues.last { $0.severity == .warning }?.line,
                    problem: "\(beyondLimit) more warning\(beyondLimit == 1 ? " is" : "s are") not listed"))
        }
        guard errors > Self.limit else { return report }
        return report + [
            DropIssue(
                .error, file: file, problem: "\(errors - Self.limit) more errors in this file are not listed",
                fix: "fix the ones above and ingest again")
        ]
    }

    /// A problem cut to its first 60 characters, to name a kind of warning.
    private static func shortened(_ problem: String) -> String {
        problem.count <= 60 ? problem : String(problem.prefix(59)) + "…"
    }
}
