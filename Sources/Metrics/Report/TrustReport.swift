/// The rows of a report on one drop, optionally for one academy.
public struct TrustReport: Sendable {
    /// The drop reported.
    public let drop: DataDrop
    /// The rows, in report order.
    public let rows: [ReportRow]
    /// The title for text and markdown.
    public let title: String

    /// Builds the report of `rated`, for `academy` alone when given (the trust rows are
    /// then left out).
    public init(_ rated: RatedDrop, trustName: String, academy: URN? = nil) {
        let byURN = Dictionary(rated.academies.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        drop = rated.drop
        var figures = rated.ordered()
        if let academy { figures = figures.filter { $0.figure.owner == .academy(academy) } }
        rows = figures.map { rated in
            ReportRow(rated, academy: rated.figure.owner.urn.flatMap { byURN[$0] }, trustName: trustName)
        }
        let subject = academy.flatMap { byURN[$0]?.name } ?? trustName
        title = "\(subject): \(rated.drop)"
    }

    /// The report written in `format`.
    public func write(_ format: ReportFormat) -> String { format.write(rows, title: title) }
}
