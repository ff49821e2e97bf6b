import Foundation

/// Writes the sample trust, Northbrook Learning Trust, as a folder of data-drop CSV files.
///
/// The folder holds `academies.csv`, `benchmarks.csv`, and for each of the nine drops from
/// 2022/23 autumn to 2024/25 summer an `attendance-`, `attainment-`, `scores-`, `inclusion-`
/// and `pupil-attendance-` file named after the drop, such as `attendance-2024-25-spring.csv`.
/// The trust is moving to pupil-level exports: most academies send their attendance and
/// suspensions as a `pupil_attendance` export (`pupil-attendance-…`), and those academies have
/// no rows in that drop's `attendance` and `inclusion` files, which hold the academies still
/// sending aggregate files (`NorthbrookTrust.aggregateURNs`). Beside them, in
/// `fictional-national/`, a fictional England's school census, absence and KS4 files (see
/// `FictionalNationalWriter`), for similar schools. The same seed always gives
/// byte-identical files.
public struct SampleTrustWriter: Sendable {
    /// The seed used for `sample-data/`.
    public static let defaultSeed: UInt64 = 2026

    /// The seed of the random choices.
    public var seed: UInt64
    /// Whether the academies that send pupil-level exports do; false writes every academy's
    /// attendance and suspensions as aggregate rows, with the same figures.
    public var exports: Bool

    /// Creates a writer for the sample trust.
    ///
    /// - Parameters:
    ///   - seed: the seed; `defaultSeed` gives the committed `sample-data/`.
    ///   - exports: false to write every academy as aggregate files (the export files are
    ///     then written with no rows).
    public init(seed: UInt64 = SampleTrustWriter.defaultSeed, exports: Bool = true) {
        self.seed = seed
        self.exports = exports
    }

    /// Writes every file into `folder`, creating it if needed; files of the same names are replaced
    /// and other files are left alone.
    ///
    /// - Parameter folder: the output folder.
    /// - Returns: the files written: academies, benchmarks, then each drop's attendance,
    ///   attainment, scores, inclusion and pupil-level export, oldest drop first, then the
    ///   fictional national files.
    /// - Throws: `GeneratorError` if a file cannot be written.
    public func write(to folder: URL) throws -> [WrittenFile] {
        try OutputFolder.create(folder)
        var written: [WrittenFile] = []
        var academyList = try AcademyListFile(folder: folder)
        for profile in NorthbrookTrust.academies {
            try academyList.write(profile)
        }
        written.append(try academyList.finish())
        written.append(try writeBenchmarks(to: folder))
        var published: [Int: [Int: FictionalYearFigures]] = [:]
        for year in NorthbrookTrust.years {
            let tallies = simulate(year)
            if FictionalNationalWriter.years.contains(year) {
                for (profile, yearTallies) in tallies {
                    published[profile.urn, default: [:]][year] = FictionalYearFigures.published(
                        from: yearTallies[Term.summer.rawValue], of: profile)
                }
            }
            for term in Term.allCases {
                let drop = DataDrop(startYear: year, term: term)
                var files = try DropFileSet(
                    folder: folder, suffix: "-\(drop.fileSuffix)", writesEmptyGroups: false)
                var inclusion = try InclusionFile(folder: folder, suffix: "-\(drop.fileSuffix)")
                var export = try PupilExportFile(folder: folder, suffix: "-\(drop.fileSuffix)")
                for (profile, yearTallies) in tallies {
                    let tally = yearTallies[term.rawValue]
                    // An academy's drop comes from one source: its export, or aggregate files.
                    let exports = sendsExport(profile)
                    try files.write(tally, of: profile, drop: drop, attendance: !exports)
                    if exports {
                        try export.write(tally, urn: profile.urn, drop: drop)
                    } else {
                        try inclusion.write(tally, of: profile, drop: drop)
                    }
                }
                written += try files.finish()
                written.append(try inclusion.finish())
                written.append(try export.finish())
            }
        }
        written += try FictionalNationalWriter(seed: seed, sampleFigures: published).write(to: folder)
        return written
    }

    /// Whether the academy's attendance and suspensions are written as its pupil-level export.
    private func sendsExport(_ profile: AcademyProfile) -> Bool {
        exports && !NorthbrookTrust.aggregateURNs.contains(profile.urn)
    }

    /// Plays out one academic year of every academy that was in the trust that year; the
    /// pupils' export rows are kept, from a stream of their own, for the academies that send
    /// exports.
    private func simulate(_ year: Int) -> [(AcademyProfile, [DropTally])] {
        NorthbrookTrust.academies.compactMap { profile in
            guard let outlook = profile.outlooks[year] else { return nil }
            var generator = SeededGenerator(seed: seed, stream: UInt64(profile.urn) * 10_000 + UInt64(year))
            var simulation = SchoolYearSimulation(
                profile: profile, outlook: outlook, startYear: year, terms: Term.allCases, minimumPerGroup: 0,
                playsInclusion: true, disadvantagedSuspensions: profile.disadvantagedSuspensions[year] ?? 1)
            if sendsExport(profile) {
                simulation.pupilDetails = SeededGenerator(
                    seed: seed, stream: Self.exportStream + UInt64(profile.urn) * 10_000 + UInt64(year))
            }
            return (profile, simulation.run(using: &generator))
        }
    }

    /// Added to an academy's stream for its export details, so they never share a stream
    /// with the simulation (URNs are below 10^6, so simulation streams are below 10^10).
    private static let exportStream: UInt64 = 1 << 40

    private func writeBenchmarks(to folder: URL) throws -> WrittenFile {
        var writer = try CSVLineWriter(
            url: folder.appendingPathComponent("benchmarks.csv"),
            header: ["academic_year", "term", "measure", "phase", "pupil_group", "scope", "value", "source"])
        for benchmark in NationalBenchmarks.rows {
            writer.text(benchmark.academicYear)
            writer.text(benchmark.term.key)
            writer.text(benchmark.measure)
            writer.text(benchmark.phase)
            writer.text(benchmark.pupilGroup)
            writer.text(benchmark.scope)
            writer.decimal(benchmark.value, places: benchmark.places)
            writer.text(benchmark.source)
            try writer.endRow()
        }
        return try writer.finish()
    }
}
