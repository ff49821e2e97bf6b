/// A small, seeded pseudo-random number generator whose output is the same on every platform.
///
/// The state is xoshiro256** (Blackman and Vigna), filled from the seed with SplitMix64. Only integer
/// arithmetic and exactly rounded floating-point operations are used, so a seed gives the same
/// numbers on Linux, macOS and Windows, in debug and release builds.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state0: UInt64
    private var state1: UInt64
    private var state2: UInt64
    private var state3: UInt64

    /// Creates a generator whose whole sequence is fixed by `seed`.
    ///
    /// - Parameter seed: any value; equal seeds give equal sequences.
    public init(seed: UInt64) {
        var mixer = seed
        state0 = Self.splitMix(&mixer)
        state1 = Self.splitMix(&mixer)
        state2 = Self.splitMix(&mixer)
        state3 = Self.splitMix(&mixer)
    }

    /// Creates an independent generator for one part of a larger run, such as one academy.
    ///
    /// Deriving a stream per part keeps each part's numbers the same whatever order the parts are
    /// generated in.
    ///
    /// - Parameters:
    ///   - seed: the seed of the whole run.
    ///   - stream: the number of the part, such as an academy's position.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        self.init(seed: Self.splitMix(&mixer))
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(state1 &* 5, by: 7) &* 9
        let shifted = state1 << 17
        state2 ^= state0
        state3 ^= state1
        state1 ^= state2
        state0 ^= state3
        state2 ^= shifted
        state3 = Self.rotateLeft(state3, by: 45)
        return result
    }

    /// Returns a number in `0 ..< 1` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Returns a whole number in `0 ..< bound`, without modulo bias.
    ///
    /// - Parameter bound: the exclusive upper bound.
    /// - Returns: a uniformly chosen number below `bound`; 0 when `bound` is 1 or less.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        let threshold = (0 &- range) % range
        while true {
            let value = next()
            if value >= threshold {
                return Int(value % range)
            }
        }
    }

    /// Returns a number in `lower ..< upper`.
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// Returns `true` with the given probability (0–1).
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Returns an approximately standard normal number (mean 0, standard deviation 1).
    ///
    /// The sum of four uniform numbers, rescaled (Irwin–Hall). It needs no logarithm or cosine,
    /// whose last bit may differ between C libraries, and its tails stop at ±3.46.
    public mutating func normal() -> Double {
        let sum = unit() + unit() + unit() + unit()
        return (sum - 2) * 1.732_050_807_568_877_2
    }

    /// Returns a normal number with the given mean and standard deviation.
    public mutating func normal(mean: Double, deviation: Double) -> Double {
        mean + deviation * normal()
    }

    /// Rounds `value` up or down at random, so that the expected result equals `value`.
    public mutating func roundRandomly(_ value: Double) -> Int {
        let whole = Rounding.down(value)
        return whole + (chance(value - Double(whole)) ? 1 : 0)
    }

    /// Puts the first `count` elements of `elements` in random order, drawn from all of them.
    ///
    /// A partial Fisher–Yates shuffle: afterwards `elements[0 ..< count]` is a uniform random choice.
    public mutating func shuffleFront<Element>(_ elements: inout [Element], count: Int) {
        let limit = min(count, elements.count)
        var index = 0
        while index < limit {
            let other = index + below(elements.count - index)
            elements.swapAt(index, other)
            index += 1
        }
    }

    private static func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
