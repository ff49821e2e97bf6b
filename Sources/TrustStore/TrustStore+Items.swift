import Foundation
import GRDB
import Metrics

extension TrustStore {
    /// The records of `drop` that `items` names, with the attendance and published records
    /// of the drops in `attendanceOf`: `load(drops:only:attendanceOf:)` of the one drop, for
    /// a screen that shows only the figures those records give (the overview's first
    /// frame of a drop with nothing to compare it with), so that a national store is not
    /// read whole before it is drawn. Nil, having read no more, when the records not read
    /// could change what a whole load says of the drop (its academies with data, its time
    /// of ingest): the caller then reads the drop whole.
    public func load(_ drop: DataDrop, only items: RecordItems, attendanceOf: Set<DataDrop> = []) throws
        -> TrustData?
    {
        try load(drops: [drop], only: items, attendanceOf: attendanceOf)
    }
}
