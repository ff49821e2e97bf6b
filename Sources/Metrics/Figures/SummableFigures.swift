/// One academy's figures in one drop that a trust-wide sum takes (`FigureCalculator
/// .canBeSummed`), each found by its key's slot (`FigureSlots`): where two share a key,
/// the later one, as a dictionary by key would keep.
///
/// Made once and refilled for each academy (`take`), so that its arrays are not made
/// again: an academy's slots are marked with a number of its own, and a slot marked with
/// another academy's number is empty.
struct SummableFigures {
    /// For each slot, the mark of the academy whose figure is there.
    private var marks: [Int32] = []
    /// For each slot, where its figure is in `figures`.
    private var places: [Int32] = []
    /// The slots filled, in the order their keys first came.
    private(set) var order: [Int] = []
    /// The academy's figures, all of them.
    private var figures: [Figure] = []

    /// Takes `figures` as the academy marked `mark`'s (a number no academy taken before had),
    /// keeping only those that can be summed and, with `keys`, whose small key is one of them.
    mutating func take(_ figures: [Figure], keys: Set<Int>?, mark: Int32, slots: inout FigureSlots) {
        self.figures = figures
        order.removeAll(keepingCapacity: true)
        for (place, figure) in figures.enumerated() where FigureCalculator.canBeSummed(figure) {
            let key = FigureCalculator.smallKey(figure)
            if let keys, !keys.contains(key) { continue }
            let slot = slots.slot(key)
            slots.cover(&marks, with: 0)
            slots.cover(&places, with: 0)
            if marks[slot] != mark {
                marks[slot] = mark
                order.append(slot)
            }
            places[slot] = Int32(place)
        }
    }

    /// True when the academy marked `mark` has a figure at `slot`.
    func has(_ slot: Int, mark: Int32) -> Bool {
        slot < marks.count && marks[slot] == mark
    }

    /// The figure at `slot`, one of `order`'s.
    func figure(at slot: Int) -> Figure {
        figures[Int(places[slot])]
    }
}
