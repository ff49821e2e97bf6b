/// The academic year of a DfE file that does not hold it in its rows (the performance
/// tables), from `--year` or from the year in the file's name, as the DfE names them:
/// `surrey_936_ks2final_2018-2019.csv`, `england_ks4provisional_2018-19.csv`.
enum DfEFileYear {
    /// The year from `given` (`--year`) or the name of `fileName`, or nil after logging
    /// one error on the header line: when neither gives a year, or when they disagree.
    static func resolve(given: AcademicYear?, fileName: String, log: inout IssueLog) -> AcademicYear? {
        let name = lastComponent(of: fileName)
        let named = year(inName: name)
        switch (given, named) {
        case (let given?, let named?) where given != named:
            log.error(
                line: 1, value: name, "--year \(given) disagrees with \(named), the year in the file's name",
                fix: "give --year \(named), or leave --year out to use the year in the file's name")
            return nil
        case (let given?, _):
            return given
        case (nil, let named?):
            return named
        case (nil, nil):
            log.error(
                line: 1, value: name,
                "the file does not say which academic year it holds, and its name gives no year such as 2018-19",
                fix: "give it with --year, such as --year 2018/19, or keep the DfE's file name")
            return nil
        }
    }

    /// The part of `path` after its last `/` or `\`.
    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(where: { $0 == "/" || $0 == "\\" }) else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The first academic year written `YYYY-YY` or `YYYY-YYYY` in `name`, whose second
    /// year follows the first (`2018-19`, `2018-2019`); nil when there is none.
    static func year(inName name: String) -> AcademicYear? {
        let bytes = Array(name.utf8)
        func isDigit(_ index: Int) -> Bool {
            index >= 0 && index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39
        }
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) }
        }
        var index = 0
        while index + 7 <= bytes.count {
            defer { index += 1 }
            guard !isDigit(index - 1), (index..<index + 4).allSatisfy(isDigit),
                bytes[index + 4] == UInt8(ascii: "-")
            else { continue }
            let first = number(index..<index + 4)
            var digits = 0
            while isDigit(index + 5 + digits) { digits += 1 }
            // Only two or four digits are a year, so a long run of digits is never summed.
            guard digits == 2 || digits == 4 else { continue }
            let second = number(index + 5..<index + 5 + digits)
            guard second == (digits == 2 ? (first + 1) % 100 : first + 1) else { continue }
            let end = (first + 1) % 100
            if let year = AcademicYear(parsing: "\(first)-\(end < 10 ? "0" : "")\(end)") { return year }
        }
        return nil
    }
}
