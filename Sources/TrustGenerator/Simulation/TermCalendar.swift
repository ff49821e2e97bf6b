/// Possible sessions in each term: two sessions a day, the days varying a little by year.
enum TermCalendar {
    /// Sessions in one term (not cumulative) of the academic year starting in `startYear`.
    ///
    /// Autumn is about 140, spring about 110 and summer about 128, so the year to date grows
    /// about 140 → 250 → 380.
    static func sessions(in term: Term, startYear: Int) -> Int {
        let wobble = ((startYear % 3) + 3) % 3
        switch term {
        case .autumn: return 138 + 2 * wobble
        case .spring: return 110 + 2 * (((startYear % 2) + 2) % 2)
        case .summer: return 126 + 2 * ((wobble + 1) % 3)
        }
    }
}
