/// One character cell of the screen: what is shown and its role.
public struct Cell: Hashable, Sendable {
    /// The character, as a string of one grapheme (or empty for the second half of a
    /// double-width character).
    public var text: String
    /// What the cell is.
    public var role: Role
    /// True when the text should stand out (bold), whatever the theme.
    public var emphasis: Bool

    /// Makes a cell.
    public init(_ text: String = " ", role: Role = .text, emphasis: Bool = false) {
        self.text = text
        self.role = role
        self.emphasis = emphasis
    }

    /// A blank cell.
    public static let blank = Cell()
}
