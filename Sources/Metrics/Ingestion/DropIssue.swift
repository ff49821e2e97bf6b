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
    /// The file's name as the user gave it.
    public var file: String
    /// The 1-based line number, or nil for a problem with the whole file.
    public var line: Int?
    /// The column's name, when the problem is in one column.
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
        self.value = value.map(Self.printable)
        self.problem = problem
        self.fix = fix
    }

    /// The message: `FILE:LINE: warning: column 'C', value 'V': problem; fix`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        var subject: [String] = []
        if let column { subject.append("column '\(column)'") }
        if let value { subject.append("value '\(value)'") }
        if !subject.isEmpty { text += subject.joined(separator: ", ") + ": " }
        text += problem
        if let fix { text += "; \(fix)" }
        return text
    }

    /// The value with control characters written as escapes, so printing it cannot
    /// change the user's terminal, and cut to 60 characters.
    static func printable(_ value: String) -> String {
        var out = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == 60 {
                out += "…"
                break
            }
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) {
                switch v {
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                default: out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
