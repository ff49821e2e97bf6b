import Metrics

/// The order a new drop's records of one kind are written in: within each academy, the
/// order of `drop_counts`' key (pupil group, year group, then item, as SQLite compares
/// their texts), so that each row lands just after the one written before it.
///
/// A file lists an academy's rows in its own order (attainment goes by year group,
/// subject, then pupil group), where the key goes by pupil group first. Written as they
/// came, most rows of an academy landed before rows just written, and SQLite looked each
/// one up from the root of the table, one level deeper the more drops the store holds: on
/// ten years' store that made the 30th drop's ingest slower than the same drop's into a
/// new store. In key order each row goes after the last, where SQLite finds its place on
/// the page it is already on.
///
/// Only each run of records of one drop, one file and one academy is sorted, so the work
/// is a small sort per academy; the runs stay in the batch's order, so a file's rows stay
/// together (a statement binds one file). Records whose keys are equal (a key given twice,
/// which `DropReader` never gives) keep their order.
enum NewRowOrder {
    /// `items` with each run's records in key order.
    static func sorted<Record: DropRecord>(_ items: [Sourced<Record>]) -> [Sourced<Record>] {
        var sorted: [Sourced<Record>] = []
        forEachBlock(of: items, records: 1 << 16, multipleOf: 1) { sorted += $0 }
        return sorted
    }

    /// Calls `body` with `items` in turn, each run in key order, in blocks: each but the
    /// last holds a multiple of `multipleOf` records, at least `records` less one multiple.
    /// In blocks rather than all at once, so that a national drop's attainment (1.1 million
    /// records) is not held twice: a copy of it took the ingest's peak memory from 150 to
    /// 208 MB. A multiple of a statement's rows, so that none is left to go alone.
    static func forEachBlock<Record: DropRecord>(
        of items: [Sourced<Record>], records: Int, multipleOf: Int, _ body: ([Sourced<Record>]) throws -> Void
    ) rethrows {
        guard let itemRanks = itemRanks(of: items) else { return try body(items) }
        var block: [Sourced<Record>] = []
        block.reserveCapacity(min(items.count, records + 1024))
        var positions: [UInt64] = []
        var start = items.startIndex
        while start < items.endIndex {
            let first = items[start]
            var end = start + 1
            while end < items.endIndex, end - start < maximumRun, items[end].file == first.file,
                items[end].record.urn == first.record.urn, items[end].record.drop == first.record.drop
            {
                end += 1
            }
            // Each record's rank in the key, above its place in the run: sorting the numbers
            // sorts the run, and equal keys stay in the run's order.
            positions.removeAll(keepingCapacity: true)
            var inOrder = true
            for index in start..<end {
                let position =
                    UInt64(rank(of: items[index].record, itemRanks: itemRanks)) << 32
                    | UInt64(index - start)
                if let last = positions.last, last > position { inOrder = false }
                positions.append(position)
            }
            if inOrder {
                block.append(contentsOf: items[start..<end])
            } else {
                positions.sort()
                for position in positions { block.append(items[start + Int(position & 0xFFFF_FFFF)]) }
            }
            start = end
            if start == items.endIndex {
                try body(block)
            } else if block.count >= records {
                let whole = block.count - block.count % multipleOf
                let rest = Array(block[whole...])
                block.removeLast(block.count - whole)
                try body(block)
                block.removeAll(keepingCapacity: true)
                block += rest
            }
        }
    }

    /// Records in one run at most; a longer run (which only repeated keys could make) is
    /// cut, and each part sorted alone.
    private static let maximumRun = 1 << 20

    /// A record's place among its academy's rows of the drop: pupil group, year group and
    /// item, each by its text's rank.
    private static func rank<Record: DropRecord>(of record: Record, itemRanks: [Int]) -> Int {
        groupRanks[record.group.index] << 12 | yearGroupRanks[record.yearGroup.code] << 6
            | itemRanks[record.itemIndex]
    }

    /// The rank of each item's text, at its `itemIndex`; nil when an index is out of the
    /// range `DropRecord` promises, when the records are left as they are.
    private static func itemRanks<Record: DropRecord>(of items: [Sourced<Record>]) -> [Int]? {
        var texts: [String?] = Array(repeating: nil, count: 64)
        for item in items {
            let index = item.record.itemIndex
            guard texts.indices.contains(index) else { return nil }
            if texts[index] == nil { texts[index] = item.record.item }
        }
        return ranks(texts.enumerated().compactMap { index, text in text.map { (index, $0) } }, count: 64)
    }

    /// The rank of each pupil group's text, at its `index`.
    private static let groupRanks = ranks(
        PupilGroup.allCases.map { ($0.index, $0.rawValue) }, count: PupilGroup.allCases.count)

    /// The rank of each year group's text, at its `code`.
    private static let yearGroupRanks = ranks(YearGroup.allCases.map { ($0.code, $0.rawValue) }, count: 16)

    /// For texts given with their indices, each one's rank in SQLite's order of text (its
    /// bytes, as `memcmp` compares them), at its index; 0 at an index with no text.
    static func ranks(_ texts: [(index: Int, text: String)], count: Int) -> [Int] {
        var ranks = Array(repeating: 0, count: count)
        let inOrder = texts.sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
        for (rank, entry) in inOrder.enumerated() { ranks[entry.index] = rank }
        return ranks
    }
}
