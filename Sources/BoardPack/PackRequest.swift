import Metrics

/// What a board pack is asked for: which drop, which academies, and the words on its
/// cover and on every page.
public struct PackRequest: Sendable {
    /// The drop the pack reports.
    public var drop: DataDrop
    /// The academies given pages, in the order asked for; nil for every academy with
    /// figures in the drop, in name order.
    public var academies: [URN]?
    /// The trust's name, on the cover and every page's header.
    public var trustName: String
    /// The marking at the top and foot of every page, such as "OFFICIAL-SENSITIVE".
    public var marking: String
    /// The date the pack was written, as people read it: "30 November 2026".
    public var date: String
    /// True when the figures are the bundled sample trust's, which the cover says.
    public var isSample: Bool

    /// Makes a request.
    public init(
        drop: DataDrop, academies: [URN]? = nil, trustName: String,
        marking: String = RatingConfig.defaultPackMarking, date: String, isSample: Bool = false
    ) {
        self.drop = drop
        self.academies = academies
        self.trustName = trustName
        self.marking = marking
        self.date = date
        self.isSample = isSample
    }
}
