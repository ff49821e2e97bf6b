import Foundation

/// Writes a large trust's drop (2025/26 spring) as one pupil-level export, for the
/// export-ingest benchmark: `academies.csv` and `pupil-attendance.csv`, one row per pupil.
///
/// The academies are the national-scale drop's (`NationalScaleWriter`), each with about
/// `pupilsPerAcademy` pupils spread over its year groups; the rows are the sample trust's
/// export rows (`PupilExportFile`), with reasons, suspensions and made-up references. Rows
/// stream through buffered writers, one academy at a time.
public struct PupilExportScaleWriter: Sendable {
    /// How many academies to write.
    public var academies: Int
    /// About how many pupils each academy has.
    public var pupilsPerAcademy: Int
    /// The seed; the same seed and sizes give byte-identical files.
    public var seed: UInt64

    /// Creates a writer; the defaults make a trust of about 50,000 pupils.
    public init(academies: Int = 100, pupilsPerAcademy: Int = 500, seed: UInt64 = 1) {
        self.academies = academies
        self.pupilsPerAcademy = pupilsPerAcademy
        self.seed = seed
    }

    /// Writes the two files into `folder`, creating it if needed.
    ///
    /// - Returns: the files in the order academies, export.
    /// - Throws: `GeneratorError` if the count is out of range or a file cannot be written.
    public func write(to folder: URL) throws -> [WrittenFile] {
        guard (1...NationalScaleWriter.maximumAcademies).contains(academies) else {
            throw GeneratorError.academyCount(academies)
        }
        try OutputFolder.create(folder)
        let factory = NationalAcademyFactory(seed: seed)
        let drop = DataDrop(startYear: NationalAcademyFactory.startYear, term: .spring)
        var academyList = try AcademyListFile(folder: folder)
        var export = try PupilExportFile(folder: folder, suffix: "")
        for (index, phase) in factory.phases(count: academies).enumerated() {
            var generator = SeededGenerator(seed: seed, stream: UInt64(index) + 1)
            var profile = factory.academy(index, phase: phase, using: &generator)
            profile.pupilsPerYearGroup = max(1, pupilsPerAcademy / max(1, profile.yearGroups.count))
            try academyList.write(profile)
            guard let outlook = profile.outlooks[drop.startYear] else { continue }
            var simulation = SchoolYearSimulation(
                profile: profile, outlook: outlook, startYear: drop.startYear, terms: [drop.term],
                minimumPerGroup: 0, playsInclusion: true)
            simulation.pupilDetails = SeededGenerator(seed: seed, stream: (1 << 40) + UInt64(index))
            let tallies = simulation.run(using: &generator)
            try export.write(tallies[drop.term.rawValue], urn: profile.urn, drop: drop)
        }
        return [try academyList.finish(), try export.finish()]
    }
}
