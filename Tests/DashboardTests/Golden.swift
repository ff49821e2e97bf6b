import Dashboard
import Foundation
import Testing

/// Golden text files of rendered frames, kept beside the tests in `Golden/`. A frame is
/// written as its text, then a line `--- roles ---`, then one letter per cell naming its
/// role, so the files show colours' meaning too (lower case for a rating or change inside the
/// selected row: `g a r x b w`). Re-record with `RECORD_SNAPSHOTS=1 swift test`
/// and review the files like code.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")

    static let letters: [Role: Character] = [
        .text: ".", .title: "T", .heading: "H", .muted: "m", .border: "-", .selected: "s", .focus: "F",
        .green: "G",
        .amber: "A", .red: "R", .unrated: "u", .suppressed: "S", .better: "+", .worse: "!", .key: "K",
        .notice: "N", .selectedGreen: "g", .selectedAmber: "a", .selectedRed: "r", .selectedSuppressed: "x",
        .selectedBetter: "b", .selectedWorse: "w",
    ]

    /// The frame as golden text.
    static func text(_ screen: Screen) -> String {
        var roles = ""
        for y in 0..<screen.height {
            var line = ""
            for x in 0..<screen.width {
                let cell = screen[x, y]
                line.append(cell.text == " " && cell.role == .text ? " " : letters[cell.role] ?? "?")
            }
            while line.last == " " { line.removeLast() }
            roles += line + "\n"
        }
        return screen.text + "--- roles ---\n" + roles
    }

    /// A cell's attributes in a colourless theme, as one letter: `.` plain, `b` bold, `d`
    /// dim, `u` underline, `U` bold and underline, `r` reverse, `R` reverse and bold, `x`
    /// reverse and underline, `X` reverse, bold and underline, `D` reverse and dim; `?`
    /// otherwise. Emphasis is bold and not dim, as the terminal draws it.
    static func monoLetter(_ look: Theme.Look, emphasis: Bool) -> Character {
        let bold = look.bold || emphasis
        let dim = look.dim && !emphasis
        switch (look.reverse, bold, dim, look.underline) {
        case (false, false, false, false): return "."
        case (false, true, false, false): return "b"
        case (false, false, true, false): return "d"
        case (false, false, false, true): return "u"
        case (false, true, false, true): return "U"
        case (true, false, false, false): return "r"
        case (true, true, false, false): return "R"
        case (true, false, false, true): return "x"
        case (true, true, false, true): return "X"
        case (true, false, true, false): return "D"
        default: return "?"
        }
    }

    /// The frame as golden text, then `--- looks in THEME ---` and a letter per cell for
    /// its attributes (`monoLetter`); blank cells of plain text are spaces.
    static func text(_ screen: Screen, looks theme: Theme) -> String {
        var looks = ""
        for y in 0..<screen.height {
            var line = ""
            for x in 0..<screen.width {
                let cell = screen[x, y]
                let letter = monoLetter(theme.look(cell.role), emphasis: cell.emphasis)
                line.append(cell.text == " " && letter == "." ? " " : letter)
            }
            while line.last == " " { line.removeLast() }
            looks += line + "\n"
        }
        return text(screen) + "--- looks in \(theme.name) ---\n" + looks
    }

    /// Checks `screen` against `Golden/NAME.txt`, or records it when RECORD_SNAPSHOTS=1;
    /// with `looks`, the file also shows each cell's attributes in that theme.
    ///
    /// A recording run writes the file and fails, naming it, so that a run with the
    /// variable set by mistake is never taken for a passing one. A mismatch fails with
    /// the lines that differ.
    static func check(
        _ screen: Screen, looks theme: Theme? = nil, _ name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = theme.map { text(screen, looks: $0) } ?? text(screen)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            let before = try? String(contentsOf: url, encoding: .utf8)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            let what = before == nil ? "new" : before == actual ? "unchanged" : "changed"
            Issue.record(
                "recorded Golden/\(name).txt (\(what)); run again without RECORD_SNAPSHOTS to check it",
                sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no golden file \(name).txt; record it with RECORD_SNAPSHOTS=1",
                sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            Issue.record(
                "frame differs from Golden/\(name).txt:\n\(lineDiff(expected: expected, actual: actual))",
                sourceLocation: sourceLocation)
        }
    }

    /// The lines that differ between two texts, line by line: for each, its 1-based
    /// number, then the expected line after `-` and the actual one after `+` (`(none)`
    /// past the end of a text). Empty when the texts are equal.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) {
            let was = old.indices.contains(index) ? String(old[index]) : nil
            let now = new.indices.contains(index) ? String(new[index]) : nil
            guard was != now else { continue }
            lines.append("line \(index + 1):")
            lines.append("- " + (was.map { "|\($0)|" } ?? "(none)"))
            lines.append("+ " + (now.map { "|\($0)|" } ?? "(none)"))
        }
        return lines.joined(separator: "\n")
    }
}
