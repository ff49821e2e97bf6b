/// One row of a DfE file (Explore Education Statistics or performance tables), read by
/// column name.
///
/// A ragged row (fewer fields than the header) gives nil for the columns it lacks, and
/// every DfE missing-value code reads as nil: a missing value is never a zero.
struct DfERow {
    /// The decoded text of the file.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Field index of each column, by lower-case name.
    let columns: [String: Int]
    /// The fields of the row.
    let fields: [CSVScanner.Field]

    /// The DfE's codes for a value that is suppressed, not applicable or not available,
    /// upper-cased; an empty or all-space cell is missing too.
    static let missingCodes: Set<String> = [
        "SUPP", "NE", "NA", "NP", "LOWCOV", "NEW", "DNS", "X", "Z", "C", ":", "",
    ]

    /// True when `text` (already trimmed of spaces) is a missing-value code.
    static func isMissing(_ text: String) -> Bool {
        missingCodes.contains(text.uppercased())
    }

    /// The trimmed text of `column`, with doubled quotes undoubled; nil when the file has
    /// no such column or the row stops before it. Missing-value codes are returned as
    /// written.
    func raw(_ column: String) -> String? {
        guard let index = columns[column], index < fields.count else { return nil }
        let field = fields[index]
        var start = field.start
        var end = field.end
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return field.hasDoubledQuotes ? text.replacingDoubledQuotes : text
    }

    /// The text of `column`, or nil when it is absent or a missing-value code.
    func text(_ column: String) -> String? {
        guard let text = raw(column), !Self.isMissing(text) else { return nil }
        return text
    }

    /// The name in `column` made fit to store and show (`NameRules.neutralised`), or nil
    /// when it is absent, a missing-value code or has nothing visible.
    func name(_ column: String) -> String? {
        text(column).flatMap(NameRules.neutralised)
    }

    /// A warning for each name in `columns` that breaks `NameRules`: the DfE's names are
    /// neutralised rather than refused (read through `name(_:)`), and this says so,
    /// showing the name as the file gives it.
    func warnAboutNames(_ columns: [String], line: Int, log: inout IssueLog) {
        for column in columns {
            guard let text = text(column), let problem = NameRules.problem(in: text) else { continue }
            log.warning(
                line: line, column: column, value: text, NameRules.neutralisedWarning(problem),
                fix: "nothing to do unless the name matters: it is the DfE's as the file gives it; "
                    + "check that the file is the DfE's own download")
        }
    }

    /// A count read from `column`.
    enum Count: Equatable {
        /// A whole number, 0 or more.
        case value(Int)
        /// Absent or a missing-value code.
        case missing
        /// Text that is neither a count nor a missing-value code.
        case unreadable(String)
    }

    /// The count in `column`.
    func count(_ column: String) -> Count {
        guard let text = raw(column), !Self.isMissing(text) else { return .missing }
        guard let number = Int(text), number >= 0 else { return .unreadable(text) }
        return .value(number)
    }

    /// True when a field holds nothing but spaces.
    func isBlank(_ field: CSVScanner.Field) -> Bool {
        var index = field.start
        while index < field.end {
            if bytes[index] != 0x20 { return false }
            index += 1
        }
        return true
    }

    /// A published number read from `column`.
    enum Number: Equatable {
        /// A number; a percentage written `"78%"` gives 78.
        case value(Double)
        /// `SUPP`: published as suppressed because the group is small.
        case suppressed
        /// Absent, empty, a space, or another missing-value code (`NE`, `NA`, `x`…).
        case missing
        /// Text that is neither a number nor a missing-value code.
        case unreadable(String)
    }

    /// The published number in `column`: a plain or signed decimal, or a percentage
    /// written with `%`.
    func number(_ column: String) -> Number {
        guard let text = raw(column) else { return .missing }
        if text.uppercased() == "SUPP" { return .suppressed }
        if Self.isMissing(text) { return .missing }
        let digits = text.hasSuffix("%") ? String(text.dropLast()).trimmingSpaces : text
        guard let first = digits.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
                || (first >= 0x30 && first <= 0x39),
            let number = Double(digits), number.isFinite
        else { return .unreadable(text) }
        return .value(number)
    }

    /// The phase a `school_type` or `education_phase` value names; nil for "Total" (all
    /// phases) and for types with no phase of their own.
    static func phase(ofType type: String) -> Phase? {
        switch type.lowercased().trimmingSpaces {
        case "state-funded primary", "primary": .primary
        case "state-funded secondary", "secondary": .secondary
        case "special", "state-funded special", "special school": .special
        case "state-funded ap school", "pupil referral unit", "alternative provision": .alternativeProvision
        default: nil
        }
    }

    /// True when a `school_type` or `education_phase` value stands for all phases.
    static func isTotal(_ type: String) -> Bool {
        let lower = type.lowercased().trimmingSpaces
        return lower == "total" || lower == "state-funded total" || lower == "all"
    }
}

extension String {
    /// The string with each `""` written as `"`.
    fileprivate var replacingDoubledQuotes: String {
        var out = ""
        var previousWasQuote = false
        for character in self {
            if character == "\"", previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = character == "\""
            out.append(character)
        }
        return out
    }
}
