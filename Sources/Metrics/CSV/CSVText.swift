import CCSV
import Dispatch

/// The text of a CSV file as UTF-8 bytes, decoded from whatever encoding it came in.
///
/// UTF-8 with or without a byte-order mark is taken as it is; a UTF-16 byte-order mark
/// means UTF-16; anything that is not valid UTF-8 is read as Windows-1252, which is
/// what Excel writes on UK machines, with a warning.
struct CSVText {
    /// The encoding the file was read in.
    enum Encoding: String {
        case utf8 = "UTF-8"
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
        case windows1252 = "Windows-1252"
    }

    /// Why a file cannot be read as text at all.
    enum Failure: Error, Equatable {
        /// The file holds no bytes, or nothing but a byte-order mark and blank lines.
        case empty
        /// The file holds NUL bytes or other signs of binary data.
        case binary(offset: Int)
        /// A UTF-16 file whose bytes are not valid UTF-16.
        case invalidUTF16
    }

    /// The decoded text, in UTF-8, without a byte-order mark.
    let utf8: [UInt8]
    /// The encoding it was read in.
    let encoding: Encoding

    /// Decodes `bytes`, or throws when they are empty or not text.
    init(decoding bytes: [UInt8]) throws(Failure) {
        let decoded = try bytes.withUnsafeBufferPointer { buffer throws(Failure) in try Self.decode(buffer) }
        switch decoded {
        case .inPlace(let range, let encoding):
            utf8 = range.count == bytes.count ? bytes : Array(bytes[range])
            self.encoding = encoding
        case .copied(let text, let encoding):
            utf8 = text
            self.encoding = encoding
        }
    }

    /// UTF-8 text found in the bytes themselves, or decoded into a copy.
    enum Decoded {
        /// The bytes in `range` are the text (the rest is a byte-order mark).
        case inPlace(Range<Int>, Encoding)
        /// The text had to be decoded from another encoding.
        case copied([UInt8], Encoding)
    }

    /// Decodes `bytes` without copying them when they are UTF-8 already, as a large drop
    /// is: a copy of a 90 MB file would be 90 MB more memory for nothing.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Decoded {
        let decoded: Decoded
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            decoded = .copied(try fromUTF16(bytes[2...], littleEndian: true), .utf16LittleEndian)
        } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            decoded = .copied(try fromUTF16(bytes[2...], littleEndian: false), .utf16BigEndian)
        } else {
            let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            let range = (hasMark ? 3 : 0)..<bytes.count
            let body = UnsafeBufferPointer(rebasing: bytes[range])
            if let offset = binaryOffset(body) { throw .binary(offset: offset) }
            decoded =
                isValidUTF8(body) ? .inPlace(range, .utf8) : .copied(fromWindows1252(body), .windows1252)
        }
        let isBlank = { (text: UnsafeBufferPointer<UInt8>) in
            text.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        }
        switch decoded {
        case .inPlace(let range, _): if isBlank(UnsafeBufferPointer(rebasing: bytes[range])) { throw .empty }
        case .copied(let text, _): if text.withUnsafeBufferPointer(isBlank) { throw .empty }
        }
        return decoded
    }

    /// Where the text first looks binary: a NUL byte, or a run of control bytes that no
    /// spreadsheet writes, in the first 64 KiB. Nil for text.
    private static func binaryOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let window = bytes.prefix(65_536)
        var controls = 0
        for (offset, byte) in window.enumerated() {
            if byte == 0 { return offset }
            if byte < 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09 {
                controls += 1
                if controls > 8, controls * 20 > offset + 1 { return offset }
            }
        }
        return nil
    }

    /// True when `bytes` are valid UTF-8: checked in C, sixteen ASCII bytes at a time, as
    /// a national drop is nearly all ASCII and is checked whole before it is read.
    ///
    /// Text of `halvesFrom` bytes or more is checked in two halves on two cores, split
    /// before an ASCII byte near the middle: such a byte always starts a character, so the
    /// text is valid exactly when both halves are. The check is the first look at a mapped
    /// file's pages, so each half also takes half of the file's page faults; on one core
    /// the other core waited for the check of a national attainment file.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, halvesFrom: Int = 4 << 20) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        guard bytes.count >= halvesFrom, let middle = asciiByte(near: bytes.count / 2, in: bytes) else {
            return ccsv_valid_utf8(base, bytes.count) == 1
        }
        // Passed as an address: the closure runs before `concurrentPerform` returns, while
        // the caller's bytes are still held.
        let address = UInt(bitPattern: base)
        let count = bytes.count
        let valid = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 2)
        defer { valid.deallocate() }
        let results = UInt(bitPattern: valid.baseAddress)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            guard let text = UnsafePointer<UInt8>(bitPattern: address),
                let valid = UnsafeMutablePointer<Bool>(bitPattern: results)
            else { return }
            let (start, end) = half == 0 ? (0, middle) : (middle, count)
            valid[half] = ccsv_valid_utf8(text + start, end - start) == 1
        }
        return valid[0] && valid[1]
    }

    /// The offset of the first byte below 0x80 from `offset` on, within 64 bytes; nil when
    /// there is none there.
    private static func asciiByte(near offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes[offset..<min(bytes.count, offset + 64)].firstIndex { $0 < 0x80 }
    }

    private static func fromUTF16(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, littleEndian: Bool)
        throws(Failure) -> [UInt8]
    {
        guard bytes.count % 2 == 0 else { throw .invalidUTF16 }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): out.append(contentsOf: Array(String(Character(scalar)).utf8))
            case .emptyInput: return out
            case .error: throw .invalidUTF16
            }
        }
    }

    /// The Unicode scalars of Windows-1252's bytes 0x80–0x9F; the five unassigned bytes
    /// map to the C1 controls of the same number, which validation then rejects.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    private static func fromWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte - 0x80)] : UInt32(byte)
            if let scalar = Unicode.Scalar(value) {
                let encoded = Array(String(Character(scalar)).utf8)
                out.append(contentsOf: encoded)
            }
        }
        return out
    }
}
