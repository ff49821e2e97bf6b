/// How many pupils missed how much: the pupils of an attendance record in five bands by
/// the share of their own possible sessions they missed. Every pupil with a possible
/// session is in exactly one band, so the bands add up to the record's pupils.
public struct AbsenceBands: Hashable, Sendable {
    /// Pupils who missed under 5%.
    public var underFive: Int
    /// Pupils who missed 5% to under 10%: at risk of persistent absence.
    public var atRisk: Int
    /// Pupils who missed 10% to under 20%.
    public var tenToTwenty: Int
    /// Pupils who missed 20% to under 50%.
    public var twentyToFifty: Int
    /// Pupils who missed 50% or more (the severely absent).
    public var fiftyPlus: Int

    /// Makes the bands from their counts, lowest band first.
    public init(underFive: Int, atRisk: Int, tenToTwenty: Int, twentyToFifty: Int, fiftyPlus: Int) {
        self.underFive = underFive
        self.atRisk = atRisk
        self.tenToTwenty = tenToTwenty
        self.twentyToFifty = twentyToFifty
        self.fiftyPlus = fiftyPlus
    }

    /// The counts, lowest band first, as the columns and the store list them.
    public var counts: [Int] { [underFive, atRisk, tenToTwenty, twentyToFifty, fiftyPlus] }

    /// Every pupil in a band.
    public var pupils: Int { counts.reduce(0, +) }

    /// Pupils who missed 10% or more: the persistently absent.
    public var persistent: Int { tenToTwenty + twentyToFifty + fiftyPlus }

    /// The band of a pupil who missed `absent` of `possible` sessions (possible > 0), by
    /// whole-number comparison so that exactly 10% is persistent absence, as the DfE counts
    /// it: 0 under 5%, 1 for 5% to under 10%, 2 for 10% to under 20%, 3 for 20% to under
    /// 50%, 4 for 50% or more.
    public static func band(absent: Int, possible: Int) -> Int {
        if absent * 2 >= possible { return 4 }
        if absent * 5 >= possible { return 3 }
        if absent * 10 >= possible { return 2 }
        if absent * 20 >= possible { return 1 }
        return 0
    }
}
