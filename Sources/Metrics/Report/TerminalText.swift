/// Text from outside (names, file names, header cells, settings) made safe to print: the
/// one place everything trustboard prints is cleaned on its way out.
///
/// A terminal obeys the control characters it is sent: ESC starts sequences that set the
/// window's title (`ESC ] 0 ; … BEL`), make hidden links (`ESC ] 8 ;;`), clear the screen
/// (`ESC [ 2 J`) or switch to another screen (`ESC [ ? 1049 h`), and CR overprints the
/// line. The bidi controls reorder what follows them, so a name can be made to read as
/// another. Such characters are written as escapes a reader can see: `\n`, `\r`, `\t`, or
/// `\u{1B}` with the character's hexadecimal code.
///
/// The executable sends every line it prints through `message` (reports through
/// `report`), and messages built in Metrics (`DropIssue`, `ConfigError`) escape the
/// outside text they quote with `inline` or `shown`, so no path can forget. An escape
/// holds no control character, so cleaning twice changes nothing.
public enum TerminalText {
    /// One piece of outside text inside a message or a table cell, kept on one line:
    /// every control character (line breaks and tabs too), DEL, the C1 controls, the
    /// Unicode line and paragraph separators and the bidi controls are escaped.
    public static func inline(_ text: String) -> String {
        escaping(text) { isControl($0) || isReordering($0) }
    }

    /// A message of one or more lines: as `inline`, but line feeds are kept.
    public static func message(_ text: String) -> String {
        escaping(text) { $0 != "\n" && (isControl($0) || isReordering($0)) }
    }

    /// A value quoted as the cause of a problem: as `inline`, with every other invisible
    /// character (zero-width spaces and joiners, the byte-order mark, the soft hyphen)
    /// escaped too, so the reader sees what is wrong, and cut to `limit` characters with
    /// "…" after them.
    public static func shown(_ text: String, limit: Int = 60) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            if isControl(scalar) || isReordering(scalar) || isInvisible(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// `report(_:)` of UTF-8 bytes, as bytes: the same bytes `Array(report(String(decoding:
    /// bytes, as: UTF8.self)).utf8)` gives, without making a `String` of text that is
    /// already clean (a report's CSV, hundreds of megabytes).
    public static func report(bytes: [UInt8]) -> [UInt8] {
        let clean = bytes.withUnsafeBufferPointer { isCleanReport($0) }
        if clean, String(validating: bytes, as: UTF8.self) != nil { return bytes }
        return Array(report(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// True when `bytes` hold no character `report(_:)` escapes.
    private static func isCleanReport(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            } else if byte == 0x7F {
                return false
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                return false
            }
            index += 1
        }
        return true
    }

    /// A report as written to standard output, in any format: every character is kept
    /// (a CSV name may hold a line break, tab or CR, and the text and markdown forms have
    /// already escaped theirs) except those that change a terminal: the C0 controls other
    /// than tab, LF and CR, DEL and the C1 controls.
    ///
    /// Reports come from names checked on the way in, so this finds nothing unless the
    /// store was made before those checks; it looks at the UTF-8 bytes first because a
    /// national report runs to hundreds of megabytes.
    public static func report(_ text: String) -> String {
        var text = text
        if text.withUTF8(isCleanReport) { return text }
        return escaping(text) { isControl($0) && $0 != "\t" && $0 != "\n" && $0 != "\r" }
    }

    /// True for a C0 control (NUL to US, line breaks and tab among them), DEL or a C1
    /// control.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// True for the Unicode line and paragraph separators and the bidi controls (the
    /// marks, embeddings, overrides and isolates), which break or reorder a line.
    public static func isReordering(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// True for a character that takes no room and shows nothing: the format characters
    /// (zero-width space and joiners, word joiner, byte-order mark, soft hyphen, bidi
    /// controls) and the rest of Unicode's default-ignorable characters, except the
    /// variation selectors, which choose how the character before them looks.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value) {
            return false
        }
        return scalar.properties.generalCategory == .format || scalar.properties.isDefaultIgnorableCodePoint
    }

    /// `text` with each character for which `needsEscape` is true written as an escape.
    private static func escaping(_ text: String, where needsEscape: (Unicode.Scalar) -> Bool) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `\n`, `\r`, `\t`, or `\u{HEX}`.
    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
