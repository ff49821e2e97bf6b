import Foundation

/// Programs timed in turn, A B A B…, so that a machine that gets busier or quieter part
/// way through slows each alike; ratios of the medians are what the bench reports.
enum SideBySide {
    /// The runs of one program.
    struct Side {
        /// Median wall time in seconds.
        var median: Double
        /// Largest peak resident memory over the runs, in MB.
        var peakMB: Int
        /// Every run's time, in the order run.
        var times: [Double]
    }

    /// A timed run, or nil when the program could not run or failed.
    typealias Run = () throws -> Spawned?

    /// Runs each of `programs` in turn, `rounds` times over; nil for a program that is
    /// missing (nil) or failed its first run, which is then not run again.
    static func measure(rounds: Int, _ programs: [Run?]) throws -> [Side?] {
        var runs = [[Spawned]](repeating: [], count: programs.count)
        var works = programs.map { $0 != nil }
        for _ in 0..<rounds {
            for (index, program) in programs.enumerated() where works[index] {
                if let program, let run = try program() {
                    runs[index].append(run)
                } else {
                    works[index] = false
                }
            }
        }
        return runs.indices.map { works[$0] && !runs[$0].isEmpty ? side(runs[$0]) : nil }
    }

    private static func side(_ runs: [Spawned]) -> Side {
        let times = runs.map(\.seconds)
        let sorted = times.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return Side(median: median, peakMB: runs.map(\.peakMB).max() ?? 0, times: times)
    }
}
