/// The issues of one file, kept in full up to a limit so a file that is wrong on every
/// line still gives a readable report.
struct IssueLog {
    /// Errors kept in full for one file; later ones are counted.
    static let limit = 200

    let file: String
    private(set) var issues: [DropIssue] = []
    private(set) var errors = 0
    private(set) var warnings = 0

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

    /// Records a warning.
    mutating func warning(line: Int? = nil, column: String? = nil, _ problem: String, fix: String? = nil) {
        warnings += 1
        issues.append(DropIssue(.warning, file: file, line: line, column: column, problem: problem, fix: fix))
    }

    /// The issues, with a closing note when errors were left out.
    var report: [DropIssue] {
        guard errors > Self.limit else { return issues }
        return issues + [
            DropIssue(
                .error, file: file, problem: "\(errors - Self.limit) more errors in this file are not listed",
                fix: "fix the ones above and ingest again")
        ]
    }
}
