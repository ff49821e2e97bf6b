/// Something in a rating settings file that is allowed but probably not meant, found when
/// the settings are checked against the store (`RatingConfig.check(against:)`).
///
/// Its description reads `FILE:LINE: warning: what is odd; what to do`, like a warning
/// about a data-drop file.
public struct ConfigWarning: Hashable, Sendable, CustomStringConvertible {
    /// The file's path or name, as given.
    public var file: String
    /// The 1-based line of the setting.
    public var line: Int
    /// What is odd.
    public var problem: String
    /// What to do about it.
    public var fix: String

    /// Makes a warning.
    public init(file: String, line: Int, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    /// `FILE:LINE: warning: what is odd; what to do`.
    public var description: String { "\(file):\(line): warning: \(problem); \(fix)" }
}
