import Dashboard
import Foundation
import Testing

/// Golden text files of rendered frames, kept beside the tests in `Golden/`. A frame is
/// written as its text, then a line `--- roles ---`, then one letter per cell naming its
/// role, so the files show colours' meaning too. Re-record with `RECORD_SNAPSHOTS=1 swift test`
/// and review the files like code.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")

    static let letters: [Role: Character] = [
        .text: ".", .title: "T", .heading: "H", .muted: "m", .border: "-", .selected: "s", .focus: "F",
        .green: "G",
        .amber: "A", .red: "R", .unrated: "u", .suppressed: "S", .better: "+", .worse: "!", .key: "K",
        .notice: "N",
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

    /// Checks `screen` against `Golden/NAME.txt`, or records it when RECORD_SNAPSHOTS=1.
    static func check(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = text(screen)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no golden file \(name).txt; record it with RECORD_SNAPSHOTS=1",
                sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "frame differs from Golden/\(name).txt", sourceLocation: sourceLocation)
    }
}
