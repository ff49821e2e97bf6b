import Metrics

/// How the dashboard gets each drop's similar-schools comparisons: the same ones `report`
/// writes, read from the store only for a store with a school census, and once per drop
/// (`TrustView.similar(_:)` keeps them).
///
/// Either look-up may throw (a store that cannot be read): the view then shows the drop
/// without similar schools and says why (`TrustView.similarFailure`), rather than leave
/// them out in silence.
public struct SimilarSchoolsLoader: Sendable {
    /// The comparisons of a drop's figures, or nil when none can be made.
    public let comparisons: @Sendable (DataDrop) throws -> SimilarComparisons?
    /// The names and local authorities DfE files gave the schools, by URN.
    public let names: @Sendable (Set<URN>) throws -> [URN: SchoolName]

    /// Makes a loader from the two look-ups.
    public init(
        comparisons: @escaping @Sendable (DataDrop) throws -> SimilarComparisons?,
        names: @escaping @Sendable (Set<URN>) throws -> [URN: SchoolName]
    ) {
        self.comparisons = comparisons
        self.names = names
    }
}

/// One drop's similar-schools comparisons, with the names of every school in the groups.
public struct SimilarSchoolsOfDrop: Sendable {
    /// The comparisons.
    public let comparisons: SimilarComparisons
    /// The names the DfE files gave the groups' schools, by URN.
    public let names: [URN: SchoolName]
}
