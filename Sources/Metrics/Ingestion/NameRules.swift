/// The rules a name from outside keeps, checked where it comes in so that whatever is
/// stored can be shown on any screen, report or terminal: an academy's name, local
/// authority and school improvement lead (and every other free-text cell of a data-drop
/// file), the settings' `trust_name`, and the school, trust and local-authority names of
/// the DfE's files.
///
/// A name from the trust's own files or settings that breaks a rule is an error naming
/// the file, line, column and value. A name in a DfE file is the DfE's, and one odd cell
/// should not refuse a national file, so it is `neutralised` instead, with a warning.
public enum NameRules {
    /// The most characters (Unicode scalars) a name may have. The longest school name in
    /// the DfE's 2018/19 KS4 file for all of England has 80 characters; a name of
    /// megabytes was once accepted, and the dashboard then took seconds for every key.
    public static let longest = 200

    /// What is wrong with a name.
    public enum Problem: Hashable, Sendable {
        /// It holds a control character, such as ESC, BEL or a tab.
        case control(Unicode.Scalar)
        /// It holds a bidi embedding, override or isolate, which reorders how the rest of
        /// the line is shown.
        case bidiOverride(Unicode.Scalar)
        /// It has no character that shows: only spaces, line breaks and invisible
        /// characters such as the zero-width space.
        case invisible
        /// It has more than `NameRules.longest` characters; the number it has.
        case tooLong(Int)

        /// What is wrong, in words.
        public var what: String {
            switch self {
            case .control(let scalar):
                "holds a control character (\(TerminalText.inline(String(scalar)))), "
                    + "which could change the terminal it is shown on"
            case .bidiOverride(let scalar):
                "holds a bidirectional control (\(TerminalText.inline(String(scalar)))), "
                    + "which reorders how the rest of the line is shown"
            case .invisible:
                "has no visible character, only spaces or invisible characters such as the zero-width space"
            case .tooLong(let count):
                "is \(count) characters long, more than the \(NameRules.longest) a name may have"
            }
        }

        /// How to put it right.
        public var fix: String {
            switch self {
            case .control:
                "remove it (look for tabs, escape codes or invisible characters pasted in with the name)"
            case .bidiOverride:
                "remove it: right-to-left names such as Arabic or Hebrew show correctly without it"
            case .invisible: "write the name itself"
            case .tooLong: "shorten it to \(NameRules.longest) characters or fewer"
            }
        }
    }

    /// The warning for a name in a DfE file that breaks a rule: what is wrong, and what
    /// `neutralised` did about it.
    static func neutralisedWarning(_ problem: Problem) -> String {
        switch problem {
        case .control, .bidiOverride: problem.what + "; it is kept without such characters"
        case .invisible: problem.what + "; it is taken as not given"
        case .tooLong: problem.what + "; it is kept cut to \(longest) characters"
        }
    }

    /// The first thing wrong with `name`, or nil when it keeps every rule. Line breaks
    /// are allowed only when `allowingLineBreaks` is true (a quoted data-drop cell may
    /// hold one, and every export keeps it).
    ///
    /// Only the first `longest` + 1 characters are looked at for controls, so a name of
    /// megabytes costs no more than a short one before it is refused for its length.
    public static func problem(in name: String, allowingLineBreaks: Bool = false) -> Problem? {
        if let plain = plainASCII(name) { return plain ? nil : .invisible }
        return problemScalarByScalar(in: name, allowingLineBreaks: allowingLineBreaks)
    }

    /// For a name of at most `longest` bytes, each a printable ASCII character or a space
    /// (most names are): true when it keeps every rule, which it does when it has a
    /// character other than a space, else false. Nil for any other name, which is looked
    /// at scalar by scalar. Such a name has no control, no bidi control and nothing
    /// invisible, so only its spaces can leave it blank; the scalars' properties, looked up
    /// for each name, took most of the time of reading a national academies file.
    static func plainASCII(_ name: String) -> Bool? {
        var name = name
        return name.withUTF8 { bytes -> Bool? in
            guard bytes.count <= longest else { return nil }
            var visible = false
            for byte in bytes {
                guard byte >= 0x20, byte < 0x7F else { return nil }
                if byte != 0x20 { visible = true }
            }
            return visible
        }
    }

    /// `problem(in:allowingLineBreaks:)` found by looking at each scalar and its
    /// properties, for any name.
    static func problemScalarByScalar(in name: String, allowingLineBreaks: Bool) -> Problem? {
        var count = 0
        var visible = false
        for scalar in name.unicodeScalars {
            count += 1
            if count > longest {
                return .tooLong(name.unicodeScalars.count)
            }
            if TerminalText.isControl(scalar) {
                guard allowingLineBreaks, scalar == "\n" || scalar == "\r" else { return .control(scalar) }
            } else if isBidiOverride(scalar) {
                return .bidiOverride(scalar)
            }
            if !visible, !isBlank(scalar) { visible = true }
        }
        return visible ? nil : .invisible
    }

    /// A DfE file's name made fit to store and show: line breaks and tabs become spaces,
    /// every other control character and every bidi override or isolate is removed, runs
    /// of spaces become one, and the name is cut to `longest` characters. Nil when no
    /// visible character is left, so the name counts as not given.
    public static func neutralised(_ name: String) -> String? {
        guard problem(in: name) != nil else { return name }
        var out = ""
        var count = 0
        var visible = false
        var lastWasSpace = true
        for scalar in name.unicodeScalars {
            guard count < longest else { break }
            var scalar = scalar
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { scalar = " " }
            if TerminalText.isControl(scalar) || isBidiOverride(scalar) { continue }
            if scalar == " " {
                if lastWasSpace { continue }
                lastWasSpace = true
            } else {
                lastWasSpace = false
            }
            if !isBlank(scalar) { visible = true }
            out.unicodeScalars.append(scalar)
            count += 1
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return visible ? out : nil
    }

    /// True for a bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
    /// The marks (U+200E, U+200F, U+061C) are allowed: they change no more than the
    /// character beside them, and text copied from right-to-left pages holds them.
    static func isBidiOverride(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// True for a character that shows nothing: white space, a control, or an invisible
    /// character (`TerminalText.isInvisible`; a variation selector alone shows nothing
    /// either).
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || TerminalText.isControl(scalar) || TerminalText.isInvisible(scalar)
            || scalar.properties.isDefaultIgnorableCodePoint
    }
}
