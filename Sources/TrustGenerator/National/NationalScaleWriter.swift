import Foundation

/// Writes one national-scale data drop (2025/26 spring unless another is asked for) for many
/// fictional academies, for benchmarks and load tests.
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
    /// The drop written. The academies (names, phases, sizes) are the same in every drop;
    /// their pupils' attendance and results are drawn afresh for each drop other than
    /// 2025/26 spring, so that ten years of drops differ as real ones do.
    public var drop: DropName

    /// Creates a writer for `academies` academies.
    ///
    /// - Parameters:
    ///   - academies: how many academies, 1 to `maximumAcademies`; England has about 22,000
    ///     state-funded schools.
    ///   - seed: the seed of the random choices.
    ///   - drop: the drop to write; 2025/26 spring by default.
    public init(academies: Int = 22_000, seed: UInt64 = 1, drop: DropName = .standard) {
        self.academies = academies
        self.seed = seed
        self.drop = drop
    }

    /// A drop the writer can write: the academic year by its first calendar year, and the
    /// term.
    public struct DropName: Hashable, Sendable {
        /// The first calendar year of the academic year: 2025 for 2025/26.
        public var startYear: Int
        /// The term: 0 autumn, 1 spring, 2 summer.
        public var term: Int

        /// The drop of `startYear`'s academic year and `term` (0 autumn, 1 spring, 2 summer).
        public init(startYear: Int, term: Int) {
            self.startYear = startYear
            self.term = min(max(term, 0), 2)
        }

        /// 2025/26 spring, the drop the benchmarks have always used.
        public static let standard = DropName(startYear: NationalAcademyFactory.startYear, term: 1)

        /// The `count` drops that end with `last`, oldest first, three a year.
        public static func ending(at last: DropName, count: Int) -> [DropName] {
            let lastIndex = last.startYear * 3 + last.term
            return (0..<max(count, 0)).reversed().map { back in
                let index = lastIndex - back
                return DropName(startYear: index / 3, term: index % 3)
            }
        }

        /// The drop as the data-drop format writes it, such as `2025/26-spring`.
        public var text: String {
            let terms = ["autumn", "spring", "summer"]
            return "\(startYear)/\(String(format: "%02d", (startYear + 1) % 100))-\(terms[term])"
        }
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
        let drop = DataDrop(startYear: self.drop.startYear, term: Term.allCases[self.drop.term])
        // The standard drop keeps the streams it always had, so its files stay byte-identical.
        let simulationSeed =
            self.drop == .standard ? seed : seed &+ UInt64(self.drop.startYear * 3 + self.drop.term) &* 7_919
        var academyList = try AcademyListFile(folder: folder)
        var dropFiles = try DropFileSet(folder: folder, suffix: "", writesEmptyGroups: true)
        for (index, phase) in factory.phases(count: academies).enumerated() {
            var generator = SeededGenerator(seed: seed, stream: UInt64(index) + 1)
            let profile = factory.academy(index, phase: phase, using: &generator)
            try academyList.write(profile)
            guard let outlook = profile.outlooks[NationalAcademyFactory.startYear] else { continue }
            if simulationSeed != seed {
                generator = SeededGenerator(seed: simulationSeed, stream: UInt64(index) + 1)
            }
            let simulation = SchoolYearSimulation(
                profile: profile, outlook: outlook, startYear: drop.startYear, terms: [drop.term],
                minimumPerGroup: 1)
            let tallies = simulation.run(using: &generator)
            try dropFiles.write(tallies[drop.term.rawValue], of: profile, drop: drop)
        }
        return [try academyList.finish()] + (try dropFiles.finish())
    }
}
