import Foundation

/// Writes the sample trust, Northbrook Learning Trust, as a folder of data-drop CSV files.
///
/// The folder holds `academies.csv`, `benchmarks.csv`, and for each of the nine drops from
/// 2022/23 autumn to 2024/25 summer an `attendance-`, `attainment-`, `scores-` and `inclusion-`
/// file named after the drop, such as `attendance-2024-25-spring.csv`; beside them, in
/// `fictional-national/`, a fictional England's school census, absence and KS4 files (see
/// `FictionalNationalWriter`), for similar schools. The same seed always gives
/// byte-identical files.
public struct SampleTrustWriter: Sendable {
    /// The seed used for `sample-data/`.
    public static let defaultSeed: UInt64 = 2026

    /// The seed of the random choices.
    public var seed: UInt64

    /// Creates a writer for the sample trust.
    ///
    /// - Parameter seed: the seed; `defaultSeed` gives the committed `sample-data/`.
    public init(seed: UInt64 = SampleTrustWriter.defaultSeed) {
        self.seed = seed
    }

    /// Writes every file into `folder`, creating it if needed; files of the same names are replaced
    /// and other files are left alone.
    ///
    /// - Parameter folder: the output folder.
    /// - Returns: the files written: academies, benchmarks, then each drop's attendance,
    ///   attainment, scores and inclusion, oldest drop first, then the fictional national files.
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
                for (profile, yearTallies) in tallies {
                    try files.write(yearTallies[term.rawValue], of: profile, drop: drop)
                    try inclusion.write(yearTallies[term.rawValue], of: profile, drop: drop)
                }
                written += try files.finish()
                written.append(try inclusion.finish())
            }
        }
        written += try FictionalNationalWriter(seed: seed, sampleFigures: published).write(to: folder)
        return written
    }

    /// Plays out one academic year of every academy that was in the trust that year.
    private func simulate(_ year: Int) -> [(AcademyProfile, [DropTally])] {
        NorthbrookTrust.academies.compactMap { profile in
            guard let outlook = profile.outlooks[year] else { return nil }
            var generator = SeededGenerator(seed: seed, stream: UInt64(profile.urn) * 10_000 + UInt64(year))
            let simulation = SchoolYearSimulation(
                profile: profile, outlook: outlook, startYear: year, terms: Term.allCases, minimumPerGroup: 0,
                playsInclusion: true, disadvantagedSuspensions: profile.disadvantagedSuspensions[year] ?? 1)
            return (profile, simulation.run(using: &generator))
        }
    }

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
