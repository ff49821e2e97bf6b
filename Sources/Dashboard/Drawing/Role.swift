/// What a cell on screen is, in the users' terms. A theme turns roles into colours and
/// attributes, so monochrome, projector and colour-blind looks are data, not code paths.
public enum Role: Int, CaseIterable, Sendable {
    /// Ordinary text.
    case text
    /// Headings and the trust's name.
    case title
    /// Column headings and labels.
    case heading
    /// Less important text: units, sources, a missing figure's dash.
    case muted
    /// Box and rule lines.
    case border
    /// The selected row or focused item.
    case selected
    /// A focused panel's border and title.
    case focus
    /// Green, amber and red ratings.
    case green, amber, red
    /// No rating applies.
    case unrated
    /// Suppressed: fewer than six pupils.
    case suppressed
    /// A change for the better, and for the worse.
    case better, worse
    /// A key name in the footer or help.
    case key
    /// A notice or warning line.
    case notice
}
