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
    /// Ratings and changes within the selected row: their own colour on the selection's
    /// look, so that the highlight spans every cell of the row and the figures keep their
    /// meaning. `Screen.highlight` gives these; themes derive their looks.
    case selectedGreen, selectedAmber, selectedRed, selectedSuppressed, selectedBetter, selectedWorse

    /// The role a cell of this role takes inside the selected row: a rating or change
    /// keeps its colour on the selection's look; anything else becomes `selected`.
    public var selectedForm: Role {
        switch self {
        case .green, .selectedGreen: .selectedGreen
        case .amber, .selectedAmber: .selectedAmber
        case .red, .selectedRed: .selectedRed
        case .suppressed, .selectedSuppressed: .selectedSuppressed
        case .better, .selectedBetter: .selectedBetter
        case .worse, .selectedWorse: .selectedWorse
        case .text, .title, .heading, .muted, .border, .selected, .focus, .unrated, .key, .notice: .selected
        }
    }

    /// The role a selected rating or change is drawn from (`selectedRed` → `red`); nil
    /// for roles that are not a selected form of another.
    public var unselectedForm: Role? {
        switch self {
        case .selectedGreen: .green
        case .selectedAmber: .amber
        case .selectedRed: .red
        case .selectedSuppressed: .suppressed
        case .selectedBetter: .better
        case .selectedWorse: .worse
        default: nil
        }
    }
}
