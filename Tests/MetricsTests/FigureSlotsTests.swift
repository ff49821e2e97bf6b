import Testing

@testable import Metrics

/// `FigureSlots` gives every small key a slot of its own: a fixed one for each key a store
/// can hold, and the next free one, kept, for any other.
@Suite("Figure slots")
struct FigureSlotsTests {
    @Test("every KPI, pupil group and year group a store holds has its own fixed slot")
    func fixed() {
        var slots = FigureSlots()
        var seen: [Int: Int] = [:]
        for kpi in KPI.allCases {
            for group in PupilGroup.allCases {
                for yearGroup in YearGroup.allCases {
                    let key = kpi.index << 16 | group.index << 8 | yearGroup.code
                    let slot = slots.slot(key)
                    #expect(slot >= 0 && slot < FigureSlots.fixedCount)
                    #expect(seen[slot] == nil, "\(kpi) \(group) \(yearGroup) shares slot \(slot)")
                    seen[slot] = key
                }
            }
        }
        #expect(slots.count == FigureSlots.fixedCount)
    }

    @Test("a key outside them gets the next slot, the same each time it is asked for")
    func others() {
        var slots = FigureSlots()
        let year20 = KPI.attendanceRate.index << 16 | YearGroup.year(20).code
        let group20 = KPI.absenceRate.index << 16 | 20 << 8
        #expect(slots.slot(year20) == FigureSlots.fixedCount)
        #expect(slots.slot(group20) == FigureSlots.fixedCount + 1)
        #expect(slots.slot(year20) == FigureSlots.fixedCount)
        #expect(slots.count == FigureSlots.fixedCount + 2)
        var array = [Int](repeating: 0, count: FigureSlots.fixedCount)
        slots.cover(&array, with: -1)
        #expect(array.count == slots.count)
        #expect(array.suffix(2) == [-1, -1])
    }
}
