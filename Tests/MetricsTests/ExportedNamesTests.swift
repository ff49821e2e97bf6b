import Foundation
import Testing

@testable import Metrics

/// Every academy and trust name the reader accepts survives every export: commas,
/// quotes, line breaks, tabs, a leading `=`, `+`, `-` or `@`, pipes, backslashes, HTML and
/// any Unicode. Names are generated from a seed; academies are read through the real
/// reader from a CSV file written here; each report and `--changes` form is written and
/// read back by Python's `csv` and `json` modules and by a small reader of the markdown
/// and text rules, all in `python3`.
///
/// What "survives" means, form by form:
/// - CSV and JSON: the name byte for byte, except that a CSV cell starting with `=`, `+`,
///   `-` or `@` that is not a number gets a leading `'` (`SpreadsheetCell`), so that a
///   spreadsheet shows it as text instead of running it.
/// - Markdown: every row has as many cells as the header, and undoing `ReportCell.markdown`
///   (`\\` `\|` `<br>` `&lt;` `&amp;`) gives the name with its line breaks as LF.
/// - Text: every table line is one line with no tab or carriage return, the URN column
///   starts at the same display column on every line, and the academy cell is the name
///   with its control characters written as escapes (cut with `…` past 36 columns).
@Suite("Names survive every export")
struct ExportedNamesTests {
    /// What names are made of: the troublesome ASCII, line breaks, and Unicode of every
    /// width (accents, a combining accent, Welsh, Greek, Cyrillic, Arabic, Hebrew, CJK, an
    /// emoji, a letter outside the BMP, the line separator and a right-to-left mark). The
    /// reader refuses a bidi override in a name (`NameRules`), so only the trust's name,
    /// given straight to the reports, holds one.
    static let pieces: [String] = [
        "a", "b", "Z", "9", " ", ",", "\"", "'", "\n", "\r\n", "\r", "|", "\\", "<", ">", "&", "&lt;",
        "&#60;",
        "<br>", ";", "#", "*", "_", "`", "=", "+", "-", "@", "%", "é", "ô", "ŵ", "’", "–", "e\u{301}", "Ω",
        "ж",
        "م", "ש", "学校", "🏫", "𝒜", "\u{2028}", "\u{200F}", "Ysgol Glan-y-Môr", "St Mary’s",
    ]

    /// The first character of a name: a formula-like one half the time.
    static let starts = ["=", "+", "-", "@", "A", "É", "学", "\"", "|", "-1", "+7"]

    /// A name of 1 to 50 pieces that starts and ends with no space (the reader trims spaces).
    static func name(_ random: inout SplitMix) -> String {
        var text = random.pick(starts)
        for _ in 0..<Int(random.next() % 50) { text += random.pick(pieces) }
        return text + random.pick(["x", "é", "学", "🏫", "9"])
    }

    static let autumn = DataDrop(year: AcademicYear(2024), term: .autumn)
    static let spring = DataDrop(year: AcademicYear(2024), term: .spring)

    /// The academies file for `names`, each name quoted with its quotes doubled.
    static func academiesFile(_ names: [String]) -> String {
        var text = "urn,name,phase\n"
        for (index, name) in names.enumerated() {
            text += "\(300_000 + index),\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",primary\n"
        }
        return text
    }

    /// Each academy's attendance: 97% in autumn (green against 94.5) and 91% in spring
    /// (red), so every academy and the trust have a rating change to export too.
    static func attendanceFile(count: Int) -> String {
        var text = "urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees\n"
        for index in 0..<count {
            text += "\(300_000 + index),2024/25,autumn,200,10000,300,10\n"
            text += "\(300_000 + index),2024/25,spring,200,10000,900,30\n"
        }
        return text
    }

    static let pythonPresent = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    @Test(
        "Generated names read back from CSV, JSON, markdown and text",
        .enabled(if: pythonPresent, "needs python3"),
        arguments: [1, 2, 3] as [UInt64])
    func namesSurviveEveryExport(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        var names = (0..<40).map { _ in Self.name(&random) }
        // Names are keys of nothing, but keep them apart so each row says whose it is.
        names = Array(Set(names)).sorted()
        // The trust's name is given to the reports straight, as a store made before names
        // were checked might hold it: with tabs and a right-to-left override.
        let trustName = Self.name(&random) + "\tand\ttabs\u{202E}"

        let batch = DropReader().read(files: [
            ("academies.csv", Array(Self.academiesFile(names).utf8)),
            ("attendance.csv", Array(Self.attendanceFile(count: names.count).utf8)),
        ])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch).prefix(3))")
        // The reader accepts every one of these names as written.
        #expect(batch.academies.map(\.record.name) == names)
        let data = TrustData(
            trustName: trustName, academies: batch.academies.map(\.record),
            attendance: batch.attendance.map(\.record),
            benchmarks: [Benchmark(kpi: .attendanceRate, year: AcademicYear(2023), value: 94.5)])
        let rater = DropRater(data: data, drop: Self.spring, config: RatingConfig())
        let report = TrustReport(rater, trustName: trustName)
        let changes = RatingChanges(rater, trustName: trustName)
        // Every academy and the trust turned red since autumn.
        #expect(changes.changes.count == names.count + 1)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String: String] = [:]
        for format in ReportFormat.allCases {
            files["report.\(format.rawValue)"] = report.write(format)
            files["changes.\(format.rawValue)"] = changes.write(format: format)
        }
        files["names.json"] = String(decoding: try JSONEncoder().encode(names + [trustName]), as: UTF8.self)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let read = try Self.python(folder: folder)
        let all = names + [trustName]

        // CSV: the name, or with a leading ' where it would be a formula.
        func csvCell(_ name: String) -> String {
            guard let first = name.first, "=+-@".contains(first) else { return name }
            // A plain number is left alone: "-1" and "+7" alone are numbers, not formulas.
            let isNumber = name.dropFirst().allSatisfy(\.isNumber) && name.count > 1
            return isNumber ? name : "'" + name
        }
        for form in ["report", "changes"] {
            let csv = try #require(read["\(form)_csv"] as? [String: Any])
            let widths = try #require(csv["widths"] as? [Int])
            let header = try #require(csv["header"] as? [String])
            #expect(widths.allSatisfy { $0 == header.count }, "\(form): a row with the wrong number of cells")
            let cells = try #require(csv["academies"] as? [String])
            #expect(Set(cells) == Set(all.map(csvCell)), "\(form) CSV")
            let json = try #require(read["\(form)_json"] as? [String])
            #expect(Set(json) == Set(all), "\(form) JSON")
        }

        // Markdown: well-formed rows, and the names back with LF line breaks.
        func lf(_ name: String) -> String {
            var text = name.replacingOccurrences(of: "\r\n", with: "\n")
            for brk in ["\r", "\u{2028}"] { text = text.replacingOccurrences(of: brk, with: "\n") }
            return text
        }
        for form in ["report", "changes"] {
            let markdown = try #require(read["\(form)_md"] as? [String: Any])
            #expect(
                markdown["title"] as? String
                    == lf(form == "report" ? "\(trustName): \(Self.spring)" : changes.title))
            let rows = try #require(markdown["rows"] as? [[String]])
            let widths = Set(rows.map(\.count))
            #expect(widths.count == 1, "\(form) markdown rows of \(widths) cells")
            let names = Set(rows.map { $0[0] }).subtracting(["Academy", "---"])
            #expect(names == Set(all.map(lf)), "\(form) markdown")
        }

        // Text: one line a row, lined up, each name as escaped (and perhaps cut).
        let escaped = try #require(read["escaped"] as? [String])
        for form in ["report", "changes"] {
            let text = try #require(read["\(form)_text"] as? [String: Any])
            let aligned = try #require(text["aligned"] as? [Bool])
            #expect(!aligned.isEmpty && aligned.allSatisfy { $0 }, "\(form) text: a line out of line")
            #expect(text["controls"] as? Int == 0, "\(form) text: a tab or carriage return in a line")
            let cells = try #require(text["names"] as? [String])
            #expect(cells.count == (form == "report" ? report.rows.count : changes.changes.count))
            for cell in cells {
                let whole = escaped.contains(cell)
                let cut = cell.hasSuffix("…") && escaped.contains { $0.hasPrefix(cell.dropLast()) }
                #expect(whole || cut, "\(form) text cell \(cell)")
            }
            let missing = escaped.filter { name in
                !cells.contains { $0 == name || ($0.hasSuffix("…") && name.hasPrefix($0.dropLast())) }
            }
            #expect(missing.isEmpty, "\(form) text: no row for \(missing)")
        }
    }

    /// Runs the Python reader over the files in `folder` and returns what it read.
    static func python(folder: URL) throws -> [String: Any] {
        let script = folder.appendingPathComponent("read.py")
        try Data(Self.reader.utf8).write(to: script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path, folder.path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3: \(problems)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The Python side: the standard `csv` and `json` modules for CSV and JSON, and the
    /// markdown and text rules written out independently of trustboard's code, with
    /// display widths from `unicodedata`.
    static let reader = #"""
        import csv, json, re, sys, unicodedata
        folder = sys.argv[1]
        def path(name): return folder + "/" + name
        out = {}
        for form in ("report", "changes"):
            with open(path(form + ".csv"), newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            column = rows[0].index("academy")
            out[form + "_csv"] = {"header": rows[0], "widths": [len(r) for r in rows[1:]],
                                  "academies": [r[column] for r in rows[1:]]}
            with open(path(form + ".json"), encoding="utf-8") as f:
                out[form + "_json"] = [row["academy"] for row in json.load(f)]

        # Markdown: split a row at pipes not escaped by a backslash, then undo the escapes.
        token = re.compile(r"\\\\|\\\||<br>|&lt;|&amp;")
        plain = {"\\\\": "\\", "\\|": "|", "<br>": "\n", "&lt;": "<", "&amp;": "&"}
        def decode(cell): return token.sub(lambda m: plain[m.group(0)], cell)
        def cells(line):
            body = line[1:-1]
            parts, cur, i = [], "", 0
            while i < len(body):
                if body[i] == "\\" and i + 1 < len(body):
                    cur += body[i:i + 2]; i += 2; continue
                if body[i] == "|":
                    parts.append(cur); cur = ""; i += 1; continue
                cur += body[i]; i += 1
            parts.append(cur)
            return [decode(p[1:-1] if p.startswith(" ") and p.endswith(" ") else p) for p in parts]
        for form in ("report", "changes"):
            with open(path(form + ".markdown"), encoding="utf-8", newline="") as f:
                lines = f.read().split("\n")
            rows = [cells(l) for l in lines if l.startswith("| ") or l.startswith("|---")]
            rows = [["---"] * len(r) if all(c == "---" for c in r) else r for r in rows]
            out[form + "_md"] = {"title": decode(lines[0][2:]), "rows": rows}

        # Text: the escapes, and widths as a terminal shows them.
        bidi = {0x061C, 0x200E, 0x200F, 0x2028, 0x2029} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
        def escape(text):
            s = ""
            for ch in text:
                o = ord(ch)
                if ch == "\n": s += "\\n"
                elif ch == "\r": s += "\\r"
                elif ch == "\t": s += "\\t"
                elif o < 0x20 or 0x7F <= o <= 0x9F or o in bidi: s += "\\u{%X}" % o
                else: s += ch
            return s
        def width(text):
            w = 0
            for ch in text:
                if unicodedata.category(ch) in ("Mn", "Me", "Cf"): continue
                w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
            return w
        with open(path("names.json"), encoding="utf-8") as f:
            out["escaped"] = [escape(n) for n in json.load(f)]
        urn = re.compile(r"  (\d{6}|trust) ")
        for form in ("report", "changes"):
            with open(path(form + ".text"), encoding="utf-8", newline="") as f:
                lines = f.read().split("\n")
            aligned, names, controls, start = [], [], 0, None
            for line in lines:
                if line.startswith("Academy  "):
                    # A table's header, all ASCII: the URN column's two spaces start here.
                    start = line.index("URN") - 2
                    continue
                if start is None:
                    continue
                if not line:
                    # A blank line ends the table.
                    start = None
                    continue
                if "\t" in line or "\r" in line: controls += 1
                # The cell ends where the line's display width reaches the URN column.
                ok = False
                for i in range(len(line) + 1):
                    if width(line[:i]) == start and urn.match(line, i):
                        ok = True
                        names.append(line[:i].rstrip(" "))
                        break
                aligned.append(ok)
            out[form + "_text"] = {"aligned": aligned, "names": names, "controls": controls}
        json.dump(out, sys.stdout)
        """#
}
