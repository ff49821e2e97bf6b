/// How one pupil's absent sessions split between the register's attendance codes.
///
/// Each pupil draws its own leaning once a year (some are more often ill, some take holidays
/// in term time, a few severely absent pupils are on a reduced timetable); each term's new
/// sessions are then shared out by those weights, so a code's sessions never fall from one
/// drop to the next and always add up to the authorised and unauthorised sessions. The
/// shares are a plausible shape (illness most of authorised absence, "other" most of
/// unauthorised), not figures the sample claims to reproduce.
struct AbsenceCodeSplit: Sendable {
    /// The authorised codes written, in the export's column order.
    static let authorisedCodes = ["C", "C2", "I", "M", "R"]
    /// The unauthorised codes written, in the export's column order.
    static let unauthorisedCodes = ["G", "N", "O", "U"]

    /// The pupil's weight for each authorised code.
    private var authorisedWeights: [Double]
    /// The pupil's weight for each unauthorised code.
    private var unauthorisedWeights: [Double]

    /// Draws a pupil's leaning; `partTime` gives the pupil a reduced timetable (C2).
    init(partTime: Bool, using generator: inout SeededGenerator) {
        // C, C2, I, M, R
        let authorisedBase = [0.10, partTime ? 1.4 : 0, 0.68, 0.14, 0.03]
        // G, N, O, U
        let unauthorisedBase = [0.17, 0.20, 0.48, 0.15]
        authorisedWeights = authorisedBase.map { $0 * generator.uniform(0.3, 1.7) }
        unauthorisedWeights = unauthorisedBase.map { $0 * generator.uniform(0.3, 1.7) }
    }

    /// Shares `sessions` new authorised sessions out between the codes.
    func authorised(_ sessions: Int) -> [Int] { Self.share(sessions, by: authorisedWeights) }

    /// Shares `sessions` new unauthorised sessions out between the codes.
    func unauthorised(_ sessions: Int) -> [Int] { Self.share(sessions, by: unauthorisedWeights) }

    /// Whole sessions in proportion to `weights`, adding up to `sessions` exactly: each code
    /// gets the rounded running total less what the codes before it got.
    static func share(_ sessions: Int, by weights: [Double]) -> [Int] {
        let total = weights.reduce(0, +)
        guard sessions > 0, total > 0 else { return weights.map { _ in 0 } }
        var shares: [Int] = []
        var running = 0.0
        var given = 0
        for weight in weights {
            running += weight
            let upTo = Rounding.nearest(Double(sessions) * running / total)
            shares.append(upTo - given)
            given = upTo
        }
        shares[shares.count - 1] += sessions - given
        return shares
    }
}
