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

    /// Runs each of `programs` in turn, `rounds` times over, after one round in turn that
    /// is not counted; nil for a program that is missing (nil) or failed a run, which is
    /// then not run again.
    ///
    /// The first run of a program reads its files and libraries from the disk, not the
    /// page cache: polars' first `read_csv` took 1.2–3.2 s where its others took 0.23–0.47 s,
    /// and trustboard's first dry run 1.5 s where its others took 0.37 s. Counting it
    /// made a median of three rounds depend on which side the disk slowed more.
    static func measure(rounds: Int, _ programs: [Run?]) throws -> [Side?] {
        var runs = [[Spawned]](repeating: [], count: programs.count)
        var works = programs.map { $0 != nil }
        for round in 0...rounds {
            for (index, program) in programs.enumerated() where works[index] {
                if let program, let run = try program() {
                    if round > 0 { runs[index].append(run) }
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
