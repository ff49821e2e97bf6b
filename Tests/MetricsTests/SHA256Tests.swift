import Foundation
import Testing

@testable import Metrics

/// SHA-256 against the FIPS 180-4 example vectors and against `sha256sum` around the block edges.
@Suite struct SHA256Tests {
    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func emptyMessage() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abc() {
        #expect(
            SHA256.hex(Self.bytes("abc"))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func message448Bits() {
        let message = Self.bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        #expect(message.count * 8 == 448)
        #expect(SHA256.hex(message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func message896Bits() {
        let message = Self.bytes(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        )
        #expect(message.count * 8 == 896)
        #expect(SHA256.hex(message) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Messages of `x` of each length, hashed with `head -c N /dev/zero | tr '\0' x | sha256sum`.
    /// 55 bytes is the longest tail that fits with its padding in one block; 56–63 need two;
    /// 64 and 128 are whole blocks that need a block of padding alone.
    @Test(arguments: [
        (1, "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"),
        (55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        (56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
        (63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
        (64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
        (65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"),
        (119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"),
        (120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"),
        (127, "70156a14adbabf98cff3a71c7084b417abf057a8efd27329ca36b7202c87d81f"),
        (128, "24da1b81d0b16df6428eee73c69fcb2a93c76bc6df706f0c6670fe6bfe800464"),
        (129, "0ec9eb33e74510bcdd1f2ea55206e82f21649c5c2becbf2b433eb475b34c01bd"),
        (1000, "44f8354494a5ba03ba1792a8d3e9c534c47a9181980fde7a3f44b06ef2ae7c7f"),
    ])
    func blockBoundaries(length: Int, expected: String) {
        let message = [UInt8](repeating: UInt8(ascii: "x"), count: length)
        #expect(SHA256.hex(message) == expected)
    }

    /// Every byte value, unaligned loads and many blocks: bytes `(i * 7 + 3) mod 256` for
    /// i in 0..<100000, hashed by `sha256sum`.
    @Test func everyByteValue() {
        let message = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
        let expected = "d96bab6a55ee326ba206dd4a85a6e95e14360d7fabbf448f03e689c24382b7d0"
        #expect(SHA256.hex(message) == expected)
        // A slice that starts one byte in has its words at odd addresses.
        let shifted = [0xFF] + message
        #expect(SHA256.hex(shifted[1...]) == expected)
        #expect(message.withUnsafeBytes { SHA256.hex($0) } == expected)
    }

    /// The portable Swift compression, which runs where the processor has no SHA
    /// instructions, against the same `sha256sum` figures: on a machine with them the
    /// tests above checked the C path, and this checks the other.
    @Test func portablePathGivesTheSameDigests() {
        let message = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }
        let portable = message.withUnsafeBytes { SHA256.digest($0, accelerated: false) }
        #expect(
            portable.map { String(format: "%02x", $0) }.joined()
                == "d96bab6a55ee326ba206dd4a85a6e95e14360d7fabbf448f03e689c24382b7d0")
        let sixtyFive = [UInt8](repeating: UInt8(ascii: "x"), count: 65)
        #expect(
            sixtyFive.withUnsafeBytes { SHA256.digest($0, accelerated: false) }.map {
                String(format: "%02x", $0)
            }
            .joined() == "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9")
    }

    /// A collection without contiguous storage takes the copying path and gets the same digest.
    @Test func nonContiguousCollection() {
        let message = repeatElement(UInt8(ascii: "x"), count: 65)
        #expect(SHA256.hex(message) == "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9")
    }

    @Test func digestIsThirtyTwoBytes() {
        let digest = SHA256.digest(Self.bytes("abc"))
        #expect(digest.count == 32)
        #expect(digest.first == 0xBA)
        #expect(digest.last == 0xAD)
    }
}
