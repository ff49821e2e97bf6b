import Foundation

@testable import Metrics

/// A small hand-made national census for similar-schools tests, built so that the
/// nearest schools are known by construction.
///
/// The academy (URN 100100, primary, 2018/19): 400 pupils, disadvantaged 30%, EAL 10%,
/// SEN support 12%, EHCP 2%. Around it:
/// - twins, exactly like it: 100120 and 100110 (distance 0, so 100110 first);
/// - schools differing only in disadvantaged %, by ±1 (100131 +1, 100130 −1), ±2 (100141 +2,
///   100140 −2) and ±3 (100151 +3, 100150 −3): each pair ties, so the lower URN comes first;
/// - a far cluster of 25 identical schools (URN 100201–100225: 100 pupils, 80%, 50%, 25%,
///   5%), all at one distance, so the lowest URNs come first;
/// - schools exactly like the academy that must never be chosen: one with EHCP `NA`
///   (100301), one with pupils `NA` (100302), one with no pupils on roll (100303); a
///   secondary (100401), an independent school (100402) and a primary of 2017/18 (100403).
///
/// Any school differing from the academy only in disadvantaged % is nearer than any of
/// the far cluster, which differs by 50 points in disadvantaged alone: so the order is
/// twins, ±1, ±2, ±3, then the far cluster by URN, whatever the standard deviations.
enum SimilarSchoolsFixtures {
    static let year = AcademicYear(2018)
    static let academyURN = Fixtures.urn(100_100)

    static func school(
        _ urn: Int, phase: Phase? = .primary, year: AcademicYear = year, pupils: Int? = 400,
        disadvantaged: Double? = 30, eal: Double? = 10, sen: Double? = 12, ehcp: Double? = 2
    ) -> SchoolCharacteristics {
        SchoolCharacteristics(
            urn: Fixtures.urn(urn), year: year, phase: phase, pupils: pupils,
            disadvantagedPercent: disadvantaged,
            ealPercent: eal, senSupportPercent: sen, ehcpPercent: ehcp)
    }

    static var academy: SchoolCharacteristics { school(100_100) }

    static var national: [SchoolCharacteristics] {
        var schools = [academy, school(100_120), school(100_110)]
        for (offset, urns) in [
            (1.0, (100_131, 100_130)), (2.0, (100_141, 100_140)), (3.0, (100_151, 100_150)),
        ] {
            schools.append(school(urns.0, disadvantaged: 30 + offset))
            schools.append(school(urns.1, disadvantaged: 30 - offset))
        }
        for k in 1...25 {
            schools.append(school(100_200 + k, pupils: 100, disadvantaged: 80, eal: 50, sen: 25, ehcp: 5))
        }
        schools.append(school(100_301, ehcp: nil))
        schools.append(school(100_302, pupils: nil))
        schools.append(school(100_303, pupils: 0))
        schools.append(school(100_401, phase: .secondary))
        schools.append(school(100_402, phase: nil))
        schools.append(school(100_403, year: AcademicYear(2017)))
        return schools
    }

    static func urns(_ values: [Int]) -> [URN] { values.map(Fixtures.urn) }
}
