import Foundation

/// Writes one national-scale data drop (2025/26 spring) for many fictional academies, for
/// benchmarks and load tests.
///
/// Four files: `academies.csv`, `attendance.csv`, `attainment.csv` and `scores.csv`. Every
/// academy gets a row for every pupil group (Years 1–11) and one for each year group it teaches
/// (Reception included; no academy has a sixth form), so the number of rows depends only on the
/// phase mix. Scores are Attainment 8 alone: 2025/26 has no Progress 8.
///
/// | phase | academies | attendance | attainment | scores |
/// |---|---|---|---|---|
/// | primary (R–6) | 1 | 9 + 7 | 9 × 6 | 0 |
/// | secondary (7–11) | 1 | 9 + 5 | 9 × 4 | 9 × 1 |
/// | special (7–11) | 1 | 9 + 5 | 9 × 4 | 9 × 1 |
/// | all-through (R–11) | 1 | 9 + 12 | 9 × 10 | 9 × 1 |
/// | alternative provision (9–11) | 1 | 9 + 3 | 9 × 4 | 9 × 1 |
///
/// Of `academies`, `academies × 16 / 100` are secondary, `× 5 / 100` special, `× 2 / 100`
/// all-through and `/ 100` alternative provision (each rounded down), and the rest primary: for
/// 22,000 academies, 1,530,320 data rows. Rows stream through buffered writers, one
/// academy at a time, so memory stays small whatever the count.
public struct NationalScaleWriter: Sendable {
    /// The most academies one drop can hold: one six-digit URN each, from 100000.
    public static let maximumAcademies = 900_000

    /// How many academies to write.
    public var academies: Int
    /// The seed; the same seed and count give byte-identical files.
    public var seed: UInt64

    /// Creates a writer for `academies` academies.
    ///
    /// - Parameters:
    ///   - academies: how many academies, 1 to `maximumAcademies`; England has about 22,000
    ///     state-funded schools.
    ///   - seed: the seed of the random choices.
    public init(academies: Int = 22_000, seed: UInt64 = 1) {
        self.academies = academies
        self.seed = seed
    }

    /// Writes the four files into `folder`, creating it if needed, and says what each holds.
    ///
    /// - Parameter folder: the output folder; files of the same names are replaced.
    /// - Returns: the files in the order academies, attendance, attainment, scores.
    /// - Throws: `GeneratorError` if the count is out of range or a file cannot be written.
    public func write(to folder: URL) throws -> [WrittenFile] {
        guard (1...Self.maximumAcademies).contains(academies) else {
            throw GeneratorError.academyCount(academies)
        }
        try OutputFolder.create(folder)
        let factory = NationalAcademyFactory(seed: seed)
        let drop = DataDrop(startYear: NationalAcademyFactory.startYear, term: .spring)
        var academyList = try AcademyListFile(folder: folder)
        var dropFiles = try DropFileSet(folder: folder, suffix: "", writesEmptyGroups: true)
        for (index, phase) in factory.phases(count: academies).enumerated() {
            var generator = SeededGenerator(seed: seed, stream: UInt64(index) + 1)
            let profile = factory.academy(index, phase: phase, using: &generator)
            try academyList.write(profile)
            guard let outlook = profile.outlooks[drop.startYear] else { continue }
            let simulation = SchoolYearSimulation(
                profile: profile, outlook: outlook, startYear: drop.startYear, terms: [drop.term],
                minimumPerGroup: 1)
            let tallies = simulation.run(using: &generator)
            try dropFiles.write(tallies[drop.term.rawValue], of: profile, drop: drop)
        }
        return [try academyList.finish()] + (try dropFiles.finish())
    }
}
