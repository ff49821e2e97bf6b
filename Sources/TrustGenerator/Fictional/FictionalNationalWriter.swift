import Foundation

/// Writes the fictional national files beside the sample trust, into `fictional-national/`:
/// for each year, a school census, a performance-tables absence file and a KS4 performance
/// tables file of a fictional England, in the DfE's layouts, so that the sample academies
/// have similar schools.
///
/// Every file name starts `fictional_`; nothing in them is DfE data. The sample academies
/// are among the schools, with their own summer drops' figures as the DfE would publish
/// them (`FictionalYearFigures.published(from:of:)`). No national rows are
/// written, so no fictional figure ever stands in for a real national benchmark, and the
/// schools' 24 local authorities are too few for national percentiles (those need 100).
struct FictionalNationalWriter {
    /// The folder, inside the sample's, that holds the files.
    static let folderName = "fictional-national"

    /// The years written, by the year they start: the sample's 2022/23 and 2023/24 drops
    /// are compared with their own year, its 2024/25 drops with 2023/24.
    static let years = [2022, 2023]

    /// The seed of the schools and their figures.
    var seed: UInt64
    /// The sample academies' published figures, by URN then the year they start.
    var sampleFigures: [Int: [Int: FictionalYearFigures]]

    /// Writes every file into `folder/fictional-national`, creating it if needed.
    ///
    /// - Returns: the files written, each named by its path inside `folder`, year by year:
    ///   census, absence, KS4.
    func write(to folder: URL) throws -> [WrittenFile] {
        let national = folder.appendingPathComponent(Self.folderName)
        try OutputFolder.create(national)
        let schools = FictionalEngland.schools(seed: seed)
        var written: [WrittenFile] = []
        for year in Self.years {
            let suffix = "\(year)-\((year + 1) % 100)"
            let figures = schools.map { school -> FictionalYearFigures? in
                guard !school.isSampleAcademy else { return sampleFigures[school.urn]?[year] }
                var generator = SeededGenerator(
                    seed: seed, stream: 5_000_000_000 + UInt64(school.urn) * 10_000 + UInt64(year))
                return FictionalYearFigures.draw(for: school, year: year, using: &generator)
            }
            written.append(
                try writeCensus(
                    schools, to: national.appendingPathComponent("fictional_england_census_\(suffix).csv")))
            written.append(
                try writeAbsence(
                    schools, figures,
                    to: national.appendingPathComponent("fictional_england_abs_\(suffix).csv")))
            written.append(
                try writeKeyStage4(
                    schools, figures,
                    to: national.appendingPathComponent("fictional_england_ks4_\(suffix).csv")))
        }
        return written.map { file in
            var named = file
            named.name = Self.folderName + "/" + file.name
            return named
        }
    }

    private func writeCensus(_ schools: [FictionalSchool], to url: URL) throws -> WrittenFile {
        var writer = try CSVLineWriter(
            url: url,
            header: [
                "URN", "LA", "ESTAB", "SCHOOLTYPE", "NOR", "PSENELSE", "PSENELK", "PNUMEAL", "PNUMFSMEVER",
            ])
        for school in schools {
            writer.number(school.urn)
            writer.text(school.localAuthority)
            writer.number(school.establishment)
            writer.text(school.schoolType)
            writer.number(school.pupils)
            writer.decimal(school.ehcp, places: 1)
            writer.decimal(school.senSupport, places: 1)
            optional(school.eal, places: 1, code: "NA", into: &writer)
            optional(school.disadvantaged, places: 1, code: "NA", into: &writer)
            try writer.endRow()
        }
        return try writer.finish()
    }

    private func writeAbsence(_ schools: [FictionalSchool], _ figures: [FictionalYearFigures?], to url: URL)
        throws -> WrittenFile
    {
        var writer = try CSVLineWriter(url: url, header: ["LA", "ESTAB", "URN", "PERCTOT", "PPERSABS10"])
        for (school, figures) in zip(schools, figures) {
            guard let figures else { continue }
            writer.text(school.localAuthority)
            writer.number(school.establishment)
            writer.number(school.urn)
            writer.decimal(figures.absence, places: 1)
            optional(figures.persistentAbsence, places: 1, code: "SUPP", into: &writer)
            try writer.endRow()
        }
        return try writer.finish()
    }

    private func writeKeyStage4(_ schools: [FictionalSchool], _ figures: [FictionalYearFigures?], to url: URL)
        throws -> WrittenFile
    {
        var writer = try CSVLineWriter(
            url: url,
            header: [
                "RECTYPE", "LEA", "ESTAB", "URN", "SCHNAME", "NFTYPE", "TPUP", "ATT8SCR", "P8PUP", "P8MEA",
                "P8CILOW",
                "P8CIUPP", "PTL2BASICS_94", "PTL2BASICS_95",
            ])
        for (school, figures) in zip(schools, figures) {
            guard let results = figures?.keyStage4 else { continue }
            writer.number(school.phase == .special ? 2 : 1)
            writer.text(school.localAuthority)
            writer.number(school.establishment)
            writer.number(school.urn)
            writer.text(school.name ?? "")
            writer.text(school.phase == .special ? "ACS" : "AC")
            writer.number(results.pupils)
            optional(results.attainment8, places: 1, code: "SUPP", into: &writer)
            writer.number(results.progressPupils)
            optional(results.progress8?.score, places: 2, code: "SUPP", into: &writer)
            optional(results.progress8?.lower, places: 2, code: "SUPP", into: &writer)
            optional(results.progress8?.upper, places: 2, code: "SUPP", into: &writer)
            optional(results.englishMathsStandard, places: 1, code: "SUPP", into: &writer)
            optional(results.englishMathsStrong, places: 1, code: "SUPP", into: &writer)
            try writer.endRow()
        }
        return try writer.finish()
    }

    /// Writes `value` at `places`, or the DfE's `code` for a value not published.
    private func optional(_ value: Int?, places: Int, code: String, into writer: inout CSVLineWriter) {
        if let value { writer.decimal(value, places: places) } else { writer.text(code) }
    }
}
