import Foundation

/// One of the characteristics by which schools are said to be similar: the intake
/// (disadvantaged, EAL, SEN support, EHCP) and the size.
///
/// Each is compared in standard deviations over the schools of the phase and year, so
/// that a percentage point of EHCP, which varies little between mainstream schools,
/// counts for more than a percentage point of EAL, which varies a lot.
public enum SimilarityCharacteristic: String, CaseIterable, Hashable, Sendable {
    /// Percent of pupils eligible for free school meals in the last six years.
    case disadvantaged
    /// Percent of pupils with English as an additional language.
    case eal
    /// Percent of pupils on SEN support.
    case senSupport = "sen_support"
    /// Percent of pupils with an EHC plan.
    case ehcp
    /// The natural logarithm of the number of pupils on roll: a school of 200 is as far
    /// from one of 400 as one of 1,000 is from one of 2,000.
    case size

    /// The weight of the characteristic in the distance: 1 for each.
    ///
    /// Equal weights because nothing published says otherwise: the DfE does not publish
    /// the weights of its own similar-schools groups, and trustboard has no outcome model
    /// to fit any. A weight of 1 on a standardised difference means one standard
    /// deviation of any characteristic moves a school as far as one of any other.
    public var weight: Double {
        switch self {
        case .disadvantaged, .eal, .senSupport, .ehcp, .size: 1
        }
    }

    /// The characteristic in words, for messages and column headings: "disadvantaged %".
    public var label: String {
        switch self {
        case .disadvantaged: "disadvantaged %"
        case .eal: "EAL %"
        case .senSupport: "SEN support %"
        case .ehcp: "EHCP %"
        case .size: "pupils"
        }
    }

    /// The value the distance uses from `school`: the percentage itself, or for size the
    /// natural logarithm of the pupils on roll. Nil when the school has no value, and for
    /// a size of no pupils, which has no logarithm.
    public func value(of school: SchoolCharacteristics) -> Double? {
        switch self {
        case .disadvantaged: school.disadvantagedPercent
        case .eal: school.ealPercent
        case .senSupport: school.senSupportPercent
        case .ehcp: school.ehcpPercent
        case .size: school.pupils.flatMap { $0 > 0 ? log(Double($0)) : nil }
        }
    }
}
