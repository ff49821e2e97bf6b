import Testing

@testable import Metrics

/// `CellBytes`, which writes a CSV report's numbers on the stack: byte for byte what the
/// report wrote before, one byte at a time into an array (`Reference`, kept here).
@Suite("A report's numbers are written as they were")
struct CellBytesTests {
    /// How `CSVRowWriter` wrote numbers before `CellBytes`.
    enum Reference {
        static func number(_ value: Double?, decimals: Int) -> [UInt8] {
            guard let value else { return [] }
            var bytes: [UInt8] = []
            let scale: Int64 = decimals == 2 ? 100 : decimals == 0 ? 1 : 10
            let scaled = Int64((value * Double(scale)).rounded(.toNearestOrAwayFromZero))
            if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
            let magnitude = scaled.magnitude
            bytes += integer(Int(magnitude / UInt64(scale)))
            guard decimals > 0 else { return bytes }
            bytes.append(UInt8(ascii: "."))
            let fraction = Int(magnitude % UInt64(scale))
            if decimals == 2, fraction < 10 { bytes.append(UInt8(ascii: "0")) }
            return bytes + integer(fraction)
        }

        static func integer(_ value: Int) -> [UInt8] {
            if value < 10 { return [UInt8(truncatingIfNeeded: 0x30 + value)] }
            return Array(String(value).utf8)
        }
    }

    private func written(_ body: (inout CellBytes) -> Void) -> [UInt8] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { room in
            var cells = CellBytes(room)
            body(&cells)
            return Array(cells.written)
        }
    }

    @Test(
        "whole numbers from 0 to past ten digits",
        arguments: [
            0, 1, 9, 10, 99, 100, 12_345, 9_999_999_999, 10_000_000_000, 123_456_789_012_345, Int.max,
        ])
    func integers(value: Int) {
        #expect(written { $0.integer(value) } == Reference.integer(value))
    }

    @Test("values of every size and sign, at 0, 1 and 2 decimals, halves among them")
    func numbers() {
        var values: [Double] = [
            0, -0.0, 0.05, -0.05, 0.5, -0.5, 0.15, 2.675, 94.849_999, 94.85, -12.345, 1e9, -1e12, 99.95,
        ]
        // A seeded walk over many magnitudes, so a failure can be run again.
        var random = SplitMix(state: 14)
        for _ in 0..<5_000 {
            let z = random.next()
            let magnitude = [1.0, 10, 100, 1_000, 1e6, 1e10][Int(z % 6)]
            let value = Double(z >> 11) / Double(1 << 53) * magnitude
            values.append(z & 1 == 0 ? value : -value)
            // A value on a half at each precision.
            values.append((value * 100).rounded() / 100 + 0.005)
        }
        for value in values {
            for decimals in [0, 1, 2] {
                let bytes = written { $0.number(value, decimals: decimals) }
                #expect(bytes == Reference.number(value, decimals: decimals), "\(value) at \(decimals)")
            }
        }
        #expect(written { $0.number(nil, decimals: 1) }.isEmpty)
    }

    @Test("bytes and fixed words go where they are put")
    func bytesAndWords() {
        let bytes = written {
            $0.plain("true")
            $0.byte(UInt8(ascii: ","))
            $0.number(-3.25, decimals: 1)
            $0.byte(UInt8(ascii: ","))
            $0.plain("false")
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "true,-3.3,false")
    }
}
