/// A problem with a rating settings file, found while reading it.
///
/// Its description reads `FILE:LINE: what is wrong; how to fix it`, with the 1-based
/// line of the problem. Problems with the file as a whole (missing, a folder, not
/// readable) are reported on line 1.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why a settings file could not be read at all.
    public enum FileProblem: String, Hashable, Sendable {
        /// Nothing exists at the path.
        case missing
        /// The path names a folder.
        case folder
        /// The file exists but could not be read, for example for lack of permission.
        case unreadable
        /// The path names a named pipe, a device or a socket, which reading could wait on
        /// for ever.
        case notAFile = "not_a_file"
    }

    /// What is wrong, with the details the message names.
    ///
    /// `section` values name the part of the file in words, such as "rules" or
    /// "the rule for progress8"; `key` values are written as in the file.
    public enum Problem: Hashable, Sendable {
        /// The file could not be opened or read.
        case file(FileProblem)
        /// The file holds bytes that are not UTF-8 text.
        case notUTF8
        /// The YAML itself is malformed; `problem` is the YAML parser's account of it and
        /// `context` what it was reading, if it says.
        case syntax(problem: String, context: String?)
        /// A key appears twice in one mapping. `firstLine` is the line of the earlier one,
        /// or nil when this error is itself on the earlier one.
        case duplicateKey(String, firstLine: Int?)
        /// A key that is not allowed where it is.
        case unknownKey(String, section: String, allowed: [String])
        /// A name that is not a KPI key, as a key or a value.
        case unknownKPI(String, section: String, allowed: [String])
        /// A `SUBJECT_` family key somewhere other than `rules`.
        case familyKeyOutsideRules(String)
        /// A value of the wrong kind: `expected` and `found` are described in words and
        /// `example` shows a correct line.
        case wrongType(section: String, expected: String, found: String, example: String)
        /// A value that should be a number but is something else.
        case notANumber(key: String, section: String, found: String, quoted: Bool)
        /// A percentage line or margin outside 0–100.
        case percentOutOfRange(key: String, section: String, value: String)
        /// An `amber_within` margin below zero.
        case negativeMargin(section: String, value: String)
        /// An amber line on the better side of the green line for the KPI's direction.
        case amberBetterThanGreen(section: String, green: String, amber: String, direction: KPI.Direction)
        /// A rule or target without a key it needs.
        case missingKey(String, section: String, example: String)
        /// A rule that gives both `amber_within` and `green` or `amber`.
        case mixedRule(section: String)
        /// An academy key that is not a URN.
        case invalidURN(String)
        /// A `benchmark_scope` that is not `national`, `la:NAME` or `similar`.
        case invalidScope(String)
        /// A `benchmark_scope` that matches no benchmark in the store, with the scopes the
        /// store has (`national`, `la:Northshire`), found when the settings are checked
        /// against the store (`RatingConfig.check(against:)`).
        case scopeNotInStore(String, known: [String])
        /// A `year_group` that is not `N`, `R`, `1`–`13` or `all`.
        case invalidYearGroup(String)
        /// A `trust_name` with no letters in it.
        case emptyTrustName
        /// A `trust_name` that breaks a rule every name keeps (`NameRules`): a control
        /// character, a bidi override, nothing visible, or too long.
        case badTrustName(String, NameRules.Problem)
        /// A `similar_count` that is not a whole number within the range allowed.
        case similarCountOutOfRange(String, ClosedRange<Int>)
        /// A `pack_marking` with nothing visible in it.
        case emptyPackMarking
        /// A `pack_marking` that breaks a rule every name keeps (`NameRules`).
        case badPackMarking(String, NameRules.Problem)
    }

    /// The file's path or name, as given to `load` or `parse`.
    public var file: String
    /// The 1-based line the problem is on.
    public var line: Int
    /// The 1-based column where the offending key or value starts, when known.
    public var column: Int?
    /// What is wrong.
    public var problem: Problem

    init(file: String, line: Int, column: Int? = nil, _ problem: Problem) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `FILE:LINE: what is wrong; how to fix it`, with the file's name and any text
    /// from the file written with its control characters escaped (`TerminalText`).
    public var description: String {
        TerminalText.inline("\(file):\(line): \(problem.whatIsWrong); \(problem.howToFix)")
    }
}

extension ConfigError.Problem {
    /// The first half of the message: what is wrong.
    var whatIsWrong: String {
        switch self {
        case .file(.missing): "there is no such file"
        case .file(.folder): "this is a folder, not a settings file"
        case .file(.unreadable): "the file cannot be read"
        case .file(.notAFile): "this is a named pipe, device or socket, not a settings file"
        case .notUTF8: "the file is not UTF-8 text"
        case .syntax(let problem, let context):
            "YAML syntax error: \(problem)" + (context.map { " (\($0))" } ?? "")
        case .duplicateKey(let key, let firstLine?):
            "'\(shown(key))' is already set on line \(firstLine)"
        case .duplicateKey(let key, nil):
            "'\(shown(key))' is set here and again further on in the same section"
        case .unknownKey(let key, let section, _): "unknown key '\(shown(key))' in \(section)"
        case .unknownKPI(let key, let section, _): "unknown KPI '\(shown(key))' in \(section)"
        case .familyKeyOutsideRules(let key):
            "'\(shown(key))' stands for every subject and is allowed only under rules"
        case .wrongType(let section, let expected, let found, _):
            "\(section) must be \(expected), not \(found)"
        case .notANumber(let key, let section, let found, let quoted):
            quoted
                ? "\(key) in \(section) is '\(shown(found))' in quotes, which makes it text, not a number"
                : "\(key) in \(section) must be a number, not '\(shown(found))'"
        case .percentOutOfRange(let key, let section, let value):
            "\(key) \(value) in \(section) is outside 0–100, but the KPI is a percentage"
        case .negativeMargin(let section, let value): "amber_within \(value) in \(section) is below zero"
        case .amberBetterThanGreen(let section, let green, let amber, let direction):
            direction == .higherIsBetter
                ? "amber \(amber) is above green \(green) in \(section), where higher is better"
                : "amber \(amber) is below green \(green) in \(section), where lower is better"
        case .missingKey(let key, let section, _): "\(section) has no \(key)"
        case .mixedRule(let section):
            "\(section) mixes amber_within, green/amber lines and change_green/change_amber"
        case .invalidURN(let text): "'\(shown(text))' in targets is not a URN"
        case .invalidScope(let text): "benchmark_scope '\(shown(text))' is not a benchmark scope"
        case .scopeNotInStore(let text, _):
            "benchmark_scope '\(shown(text))' matches no benchmark in the store"
        case .invalidYearGroup(let text): "year_group '\(shown(text))' is not a year group"
        case .emptyTrustName: "trust_name is empty"
        case .badTrustName(let name, let problem): "trust_name '\(shown(name))' \(problem.what)"
        case .similarCountOutOfRange(let text, let range):
            "similar_count \(shown(text)) is not a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .emptyPackMarking: "pack_marking is empty"
        case .badPackMarking(let marking, let problem): "pack_marking '\(shown(marking))' \(problem.what)"
        }
    }

    /// The second half of the message: how to put it right.
    var howToFix: String {
        switch self {
        case .file(.missing): "check the path, or leave the option out to rate with the built-in settings"
        case .file(.folder): "give the path of the YAML settings file itself"
        case .file(.unreadable): "check that you have permission to read it"
        case .file(.notAFile): "give the path of the YAML settings file itself"
        case .notUTF8: "save the file as UTF-8 text"
        case .syntax:
            "check this line and the one before it: indent with spaces, not tabs; put a space after "
                + "each colon; close every quote and bracket"
        case .duplicateKey: "keep only one of them"
        case .unknownKey(let key, _, let allowed), .unknownKPI(let key, _, let allowed):
            suggestion(for: key, among: allowed) + "use one of: " + allowed.joined(separator: ", ")
        case .familyKeyOutsideRules: "name the KPI itself, such as rwm_expected or maths_greater_depth"
        case .wrongType(_, _, _, let example): "write it like \(example)"
        case .notANumber(_, _, _, true): "write the number without quotes"
        case .notANumber: "write a plain number such as 95 or 95.5, with no % sign"
        case .percentOutOfRange: "write a percentage from 0 to 100"
        case .negativeMargin: "write a margin of 0 or more, in the KPI's unit"
        case .amberBetterThanGreen(_, _, _, .higherIsBetter): "set amber at or below green"
        case .amberBetterThanGreen: "set amber at or above green"
        case .missingKey(let key, _, let example): "add \(key), like \(example)"
        case .mixedRule:
            "use one of { amber_within: MARGIN } to rate against the benchmark, { green: LINE, amber: LINE } "
                + "for fixed lines, or { change_green: CHANGE, change_amber: CHANGE } to rate the change since the "
                + "same term last year"
        case .invalidURN: "key each academy by its six-digit URN, 100000–999999, such as \"900104\""
        case .invalidScope:
            "write national, similar, or la: and the local authority's name, such as la:Northshire"
        case .scopeNotInStore(_, let known):
            known.isEmpty
                ? "it has no benchmarks at all; ingest some, or remove the line"
                : "it has: \(known.joined(separator: ", "))"
        case .invalidYearGroup: "use N, R, a year from 1 to 13, or all"
        case .emptyTrustName: "write the trust's name, or remove the line"
        case .badTrustName(_, let problem): problem.fix
        case .similarCountOutOfRange(_, let range):
            "write how many similar schools to compare each academy with, such as similar_count: 20 "
                + "(\(range.lowerBound)–\(range.upperBound))"
        case .emptyPackMarking:
            "write the marking the board pack carries on every page, such as pack_marking: OFFICIAL-SENSITIVE, "
                + "or remove the line"
        case .badPackMarking(_, let problem): problem.fix
        }
    }

    /// A value from the file made safe to print: control characters escaped, cut short.
    private func shown(_ text: String) -> String { TerminalText.shown(text) }

    /// "did you mean 'x'? Otherwise " when an allowed key is a near miss for `key`, else "".
    private func suggestion(for key: String, among allowed: [String]) -> String {
        let typed = key.lowercased()
        let scored = allowed.map { (name: $0, distance: editDistance(typed, $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }),
            best.distance <= max(2, best.name.count / 4)
        else { return "" }
        return "did you mean '\(best.name)'? Otherwise "
    }

    /// Levenshtein distance: the fewest single-character edits that turn `a` into `b`.
    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
