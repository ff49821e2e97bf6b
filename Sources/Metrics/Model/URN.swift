/// The DfE's six-digit Unique Reference Number of a school, 100000–999999.
public struct URN: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number, in four bytes rather than eight: every record of a batch holds one.
    private let number: UInt32

    /// The number itself, 100000–999999.
    public var value: Int { Int(number) }

    /// Makes a URN, or nil when `value` is outside 100000–999999.
    public init?(_ value: Int) {
        guard (100_000...999_999).contains(value) else { return nil }
        self.number = UInt32(value)
    }

    /// Reads a URN written as six plain digits.
    public init?(_ text: String) {
        guard text.utf8.count == 6, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(text)
        else { return nil }
        self.init(number)
    }

    public var description: String { String(value) }

    public static func < (lhs: URN, rhs: URN) -> Bool { lhs.value < rhs.value }
}
