/// A problem found in a data-drop file: an error, which stops the batch, or a warning.
///
/// Its description reads `FILE:LINE: column 'C': value 'V' …; how to put it right`.
public struct DropIssue: Hashable, Sendable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// The file's name as the user gave it (escaped when printed).
    public var file: String
    /// The 1-based line number, or nil for a problem with the whole file.
    public var line: Int?
    /// The column's name, when the problem is in one column (escaped when printed).
    public var column: String?
    /// The offending value, when there is one, made safe to print.
    public var value: String?
    /// What is wrong.
    public var problem: String
    /// How to put it right.
    public var fix: String?

    /// Makes an issue.
    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: String? = nil, value: String? = nil,
        problem: String, fix: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.value = value.map { TerminalText.shown($0) }
        self.problem = problem
        self.fix = fix
    }

    /// The message: `FILE:LINE: warning: column 'C', value 'V': problem; fix`. The file's
    /// and the column's names come from outside, and a problem or fix may quote outside
    /// text, so each part is written with its control characters escaped
    /// (`TerminalText`), like the value: the message is one line that cannot change the
    /// terminal it is printed on.
    public var description: String {
        var text = TerminalText.inline(file)
        if let line { text += ":\(line)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        var subject: [String] = []
        if let column { subject.append("column '\(TerminalText.shown(column))'") }
        if let value { subject.append("value '\(value)'") }
        if !subject.isEmpty { text += subject.joined(separator: ", ") + ": " }
        text += TerminalText.inline(problem)
        if let fix { text += "; " + TerminalText.inline(fix) }
        return text
    }
}
