/// The pupil groups of the data-drop format, in the order rows are written.
///
/// Each pupil is in `all`, in exactly one of disadvantaged / not disadvantaged, exactly one of
/// SEN support / EHCP / no SEN, exactly one of boys / girls, and possibly in EAL.
enum PupilGroup: Int, CaseIterable, Sendable {
    case all
    case disadvantaged
    case notDisadvantaged
    case senSupport
    case ehcp
    case noSen
    case eal
    case boys
    case girls

    /// The value written in the `pupil_group` column.
    var key: String {
        switch self {
        case .all: "all"
        case .disadvantaged: "disadvantaged"
        case .notDisadvantaged: "not_disadvantaged"
        case .senSupport: "sen_support"
        case .ehcp: "ehcp"
        case .noSen: "no_sen"
        case .eal: "eal"
        case .boys: "boys"
        case .girls: "girls"
        }
    }

    /// How many groups there are: the stride of per-group tallies.
    static let count = 9
}
