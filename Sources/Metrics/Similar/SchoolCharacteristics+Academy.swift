extension SchoolCharacteristics {
    /// The characteristics an academy's similar schools are found by in one year, from
    /// whichever source has them: its census line when that has every characteristic,
    /// else its `context` line, else whatever its census line has (so that the reason it
    /// has no group names what is missing). Nil when neither source has the academy.
    ///
    /// The phase is the academy's own, from the academies file, when given: it is the
    /// phase the rest of trustboard compares the academy by. Without it, the census's.
    ///
    /// - Parameters:
    ///   - census: The academy's census line of the year, if the census has it.
    ///   - context: The academy's `context` line of the year, if the trust gave one.
    ///   - phase: The academy's phase from the academies file.
    /// - Returns: The characteristics, or nil when neither source has the academy.
    public static func academy(census: SchoolCensus?, context: SchoolContext?, phase: Phase?) -> Self? {
        let fromCensus = census.map { line in
            var characteristics = SchoolCharacteristics(census: line)
            characteristics.phase = phase ?? line.phase
            return characteristics
        }
        if let fromCensus, fromCensus.missing.isEmpty { return fromCensus }
        if let context { return SchoolCharacteristics(context: context, phase: phase ?? census?.phase) }
        return fromCensus
    }
}
