import CSHA256

/// SHA-256 (FIPS 180-4), for recognising a file that was ingested before.
///
/// Written by hand because the only package for it on our machines, swift-crypto, adds over a
/// minute to every CI build, and one hash of a few files per ingest does not justify that. The
/// compression works straight on the caller's contiguous bytes, with no copy except for the last,
/// padded block, so hashing a large drop costs little next to parsing it. On x86 processors with
/// the SHA extensions it runs in C (`CSHA256`), about ten times as fast as the portable Swift.
public enum SHA256 {
    /// True when the compression runs on the processor's SHA instructions.
    static let accelerated = csha256_accelerated() != 0

    /// The digest of `bytes` in lower-case hex: 64 characters.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        hexString(digest(bytes))
    }

    /// The digest of the bytes in `buffer` in lower-case hex: 64 characters.
    public static func hex(_ buffer: UnsafeRawBufferPointer) -> String {
        hexString(digest(buffer))
    }

    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if let result = bytes.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(bytes).withUnsafeBytes { digest($0) }
    }

    /// The 32-byte digest of the bytes in `buffer`.
    public static func digest(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        digest(buffer, accelerated: accelerated)
    }

    /// The digest, on the SHA instructions or not (tests check the two agree), calling
    /// `hashed` with each range of `buffer` once it has been hashed, a few MB at a time.
    static func digest(
        _ buffer: UnsafeRawBufferPointer, accelerated: Bool = accelerated,
        hashed: (Range<Int>) -> Void = { _ in }
    ) -> [UInt8] {
        var state = initialState
        let compress = accelerated ? compressAccelerated : compressPortable
        let fullBlocks = buffer.count / 64
        let blocksAtATime = 65_536  // 4 MiB
        var block = 0
        while block < fullBlocks, let base = buffer.baseAddress {
            let count = min(blocksAtATime, fullBlocks - block)
            compress(&state, base + block * 64, count)
            hashed(block * 64..<(block + count) * 64)
            block += count
        }

        // The tail: the bytes after the last full block, the 0x80 marker, zeros, and the
        // message length in bits as a big-endian 64-bit number. One block, or two when fewer
        // than 9 bytes are left after the tail for the marker and the length.
        let tailStart = fullBlocks * 64
        let tailCount = buffer.count - tailStart
        var tail = [UInt8](repeating: 0, count: tailCount < 56 ? 64 : 128)
        for index in 0..<tailCount {
            tail[index] = buffer[tailStart + index]
        }
        tail[tailCount] = 0x80
        let bitLength = UInt64(buffer.count) &* 8
        for index in 0..<8 {
            tail[tail.count - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(index)))
        }
        tail.withUnsafeBytes { raw in
            if let base = raw.baseAddress {
                compress(&state, base, raw.count / 64)
            }
        }

        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in state {
            out.append(UInt8(truncatingIfNeeded: word >> 24))
            out.append(UInt8(truncatingIfNeeded: word >> 16))
            out.append(UInt8(truncatingIfNeeded: word >> 8))
            out.append(UInt8(truncatingIfNeeded: word))
        }
        return out
    }

    static func hexString(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The first 32 bits of the fractional parts of the square roots of the first 8 primes.
    private static let initialState: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
        0x5be0_cd19,
    ]

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
        0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
        0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
        0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
        0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
        0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
        0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
        0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
        0xc671_78f2,
    ]

    /// Runs the compression function over `count` 64-byte blocks starting at `blocks` on the
    /// processor's SHA instructions.
    private static func compressAccelerated(_ state: inout [UInt32], blocks: UnsafeRawPointer, count: Int) {
        state.withUnsafeMutableBufferPointer { words in
            guard let base = words.baseAddress else { return }
            csha256_compress(base, blocks.assumingMemoryBound(to: UInt8.self), count)
        }
    }

    /// Runs the compression function over `count` 64-byte blocks starting at `blocks`.
    ///
    /// Unsafe pointers and wrapping arithmetic throughout: this loop is the whole cost of
    /// hashing, and checked array indexing would halve its speed.
    private static func compressPortable(_ state: inout [UInt32], blocks: UnsafeRawPointer, count: Int) {
        roundConstants.withUnsafeBufferPointer { constants in
            guard let k = constants.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                guard let w = schedule.baseAddress else { return }
                var h0 = state[0]
                var h1 = state[1]
                var h2 = state[2]
                var h3 = state[3]
                var h4 = state[4]
                var h5 = state[5]
                var h6 = state[6]
                var h7 = state[7]
                for block in 0..<count {
                    let bytes = blocks + block * 64
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let x = w[t - 15]
                        let y = w[t - 2]
                        let s0 = rotate(x, 7) ^ rotate(x, 18) ^ (x >> 3)
                        let s1 = rotate(y, 17) ^ rotate(y, 19) ^ (y >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var a = h0
                    var b = h1
                    var c = h2
                    var d = h3
                    var e = h4
                    var f = h5
                    var g = h6
                    var h = h7
                    for t in 0..<64 {
                        let sum1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                        let choice = (e & f) ^ (~e & g)
                        let temp1 = h &+ sum1 &+ choice &+ k[t] &+ w[t]
                        let sum0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let temp2 = sum0 &+ majority
                        h = g
                        g = f
                        f = e
                        e = d &+ temp1
                        d = c
                        c = b
                        b = a
                        a = temp1 &+ temp2
                    }
                    h0 = h0 &+ a
                    h1 = h1 &+ b
                    h2 = h2 &+ c
                    h3 = h3 &+ d
                    h4 = h4 &+ e
                    h5 = h5 &+ f
                    h6 = h6 &+ g
                    h7 = h7 &+ h
                }
                state = [h0, h1, h2, h3, h4, h5, h6, h7]
            }
        }
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
