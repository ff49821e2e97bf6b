/// A click or a turn of the wheel, at a cell of the screen.
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Action: Hashable, Sendable {
        /// The first button was pressed and let go.
        case click
        /// The first button was clicked twice in quick succession.
        case doubleClick
        /// The wheel turned away from the user: scroll up.
        case wheelUp
        /// The wheel turned towards the user: scroll down.
        case wheelDown
    }

    /// What the mouse did.
    public var action: Action
    /// The column, from 0 at the left.
    public var x: Int
    /// The row, from 0 at the top.
    public var y: Int

    /// Makes an event.
    public init(_ action: Action, x: Int, y: Int) {
        self.action = action
        self.x = x
        self.y = y
    }
}
