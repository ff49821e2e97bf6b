import Foundation
import Yams

/// Reading rating settings from a YAML file.
///
/// Everything in the file is optional; whatever it leaves out keeps the built-in
/// setting, and an empty file, or one with only comments, gives `RatingConfig()`.
/// Keys are not case-sensitive.
///
/// ```yaml
/// # trustboard rating settings. Everything is optional.
/// trust_name: Northbrook Learning Trust
/// benchmark_scope: national          # or la:NAME, e.g. la:Northshire
/// rules:                              # replace the built-in trust-wide rule for a KPI
///   attendance_rate: { amber_within: 1.0 }     # green at/better than the benchmark, amber within 1.0 of it
///   persistent_absence_rate: { amber_within: 4.0 }
///   progress8: { green: 0.0, amber: -0.5 }     # absolute lines; "better" follows the KPI's direction
///   at_risk_rate: { change_green: 1.0, change_amber: 3.0 }  # lines on the change since last year
///   SUBJECT_expected: { amber_within: 5.0 }    # every subject's _expected (a specific key wins over this)
///   SUBJECT_greater_depth: { amber_within: 5.0 }
/// targets:                            # per academy, override the trust rule for that academy
///   "900104":
///     attendance_rate: 95.0                    # green at 95.0 or better; amber by the rule's margin
///     rwm_expected: { green: 70, amber: 65 }
/// headline:                           # the overview's headline attainment figure by phase
///   primary: { kpi: rwm_expected, year_group: 6 }
///   secondary: { kpi: english_maths_expected, year_group: 11 }
/// similar_count: 20                   # similar schools per academy, 1–100
/// pack_marking: OFFICIAL-SENSITIVE     # the marking on every page of the board pack
/// ```
///
/// - `trust_name`: text, shown in headers.
/// - `benchmark_scope`: `national` (the default) or `la:NAME`.
/// - `rules`: KPI key → rule. A rule is `{ amber_within: MARGIN }` (green at or better
///   than the benchmark, amber within MARGIN of it on the worse side; MARGIN 0 or more)
///   or `{ green: LINE, amber: LINE }` (fixed lines; amber must be on the worse side of
///   green, or equal to it for no amber band) or `{ change_green: CHANGE, change_amber:
///   CHANGE }` (lines on the change since the same term last year, in the KPI's units,
///   which may be negative; amber on the worse side of green, as for lines; no figure last
///   year, no rating). `SUBJECT_expected` and
///   `SUBJECT_greater_depth` set the rule for every subject's `_expected` or
///   `_greater_depth` KPI; a KPI named on its own in the same file wins, wherever it is.
/// - `targets`: URN (six digits, 100000–999999, quoted or not) → KPI key → target. A
///   target is a number, the green line (amber then follows the rule's margin), or
///   `{ green: LINE, amber: LINE }` with `amber` optional and on the worse side.
/// - `headline`: phase (`primary`, `secondary`, `all-through`, `special`,
///   `alternative-provision`) → `{ kpi: KEY, year_group: N|R|1–13|all }`.
/// - `similar_count`: how many similar schools each academy is compared with, a whole
///   number from 1 to 100; 20 when left out.
/// - `pack_marking`: text, the marking at the top and foot of every page of the board pack
///   (`trustboard pack`); `OFFICIAL-SENSITIVE` when left out. It keeps the name rules.
///
/// Numbers are written plainly, as integers or decimals (`70`, `70.0`, `-0.5`): no
/// quotes, `%` signs, underscores or exponents. Lines and margins for percentage KPIs
/// must lie in 0–100 (change lines excepted: a change may be negative). A section left empty (`rules:` with nothing under it) sets nothing.
extension RatingConfig {
    /// Reads the rating settings file at `path`.
    ///
    /// - Parameter path: The settings file, as the user gave it; errors name it as given.
    /// - Returns: The settings, with built-in values wherever the file says nothing.
    /// - Throws: `ConfigError` when the file is missing, a folder, unreadable or not
    ///   UTF-8 (on line 1, or the line of the first bad byte), or when `parse` finds a
    ///   problem in it.
    public static func load(path: String) throws(ConfigError) -> RatingConfig {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ConfigError(file: path, line: 1, .file(.missing))
        }
        guard !isFolder.boolValue else { throw ConfigError(file: path, line: 1, .file(.folder)) }
        // Read as ingest reads files: a named pipe given as the settings would otherwise
        // make every command wait for a writer.
        let data: Data
        switch FileOnDisk.contents(of: path) {
        case .success(let bytes): data = Data(bytes)
        case .failure(let problem):
            throw ConfigError(file: path, line: 1, .file(problem.isNotAFile ? .notAFile : .unreadable))
        }
        if let line = firstBadUTF8Line(in: data) {
            throw ConfigError(file: path, line: line, .notUTF8)
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Reads rating settings from the text of a settings file.
    ///
    /// - Parameters:
    ///   - text: The whole file.
    ///   - file: The file's name or path, used only in error messages.
    /// - Returns: The settings, with built-in values wherever the text says nothing.
    /// - Throws: `ConfigError` on the line of the first problem: malformed YAML, an
    ///   unknown key or KPI, a value of the wrong kind or out of range, or a repeated key.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> RatingConfig {
        let root: Node?
        do {
            // The encoding is given so Yams does not consult, and print about, the environment.
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            throw ConfigError(yamlError: error, file: file, text: text)
        }
        return try RatingConfigReader(file: file).read(root)
    }

    /// The 1-based line of the first byte in `data` that is not valid UTF-8, or nil when
    /// all of it is.
    private static func firstBadUTF8Line(in data: Data) -> Int? {
        var bytes = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }
}
