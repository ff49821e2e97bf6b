/// An academy's similar schools for one academic year: the state-funded schools of its
/// phase whose intake and size are nearest its own, nearest first.
///
/// Chosen once per academy and year by `SimilarSchoolsFinder` and kept by the caller, so
/// that every measure of that year is compared with the same schools. The group is
/// trustboard's own: the DfE does not publish the weights of its similar-schools groups,
/// and its version also uses deprivation and primary need, which the census file lacks.
public struct SimilarSchools: Hashable, Sendable {
    /// One school of the group and how far it is from the academy.
    public struct Member: Hashable, Sendable {
        /// The school's characteristics, as the census gives them.
        public var school: SchoolCharacteristics
        /// The distance from the academy: the square root of the sum, over the
        /// characteristics, of weight × (difference ÷ standard deviation)². 0 is a school
        /// exactly like the academy; 1 is one standard deviation away in one
        /// characteristic.
        public var distance: Double
        /// The distance in each characteristic, in standard deviations, signed: positive
        /// where the school has more than the academy. 0 for a characteristic whose
        /// standard deviation is 0.
        public var differences: [SimilarityCharacteristic: Double]

        /// The school's URN.
        public var urn: URN { school.urn }

        /// Makes a member.
        public init(
            school: SchoolCharacteristics, distance: Double, differences: [SimilarityCharacteristic: Double]
        ) {
            self.school = school
            self.distance = distance
            self.differences = differences
        }
    }

    /// The academy the group is for, with the characteristics it was found by.
    public var academy: SchoolCharacteristics
    /// The phase whose schools were candidates (see `SimilarSchoolsFinder.candidatePhase`).
    public var phase: Phase
    /// The academic year of the characteristics.
    public var year: AcademicYear
    /// The group, nearest first; ties in distance by URN, lowest first.
    public var members: [Member]
    /// How many schools were asked for (`similar_count`); `members` is shorter only when
    /// fewer schools could be compared.
    public var requested: Int
    /// The schools of the phase and year with every characteristic, other than the
    /// academy: those the group was chosen from.
    public var candidates: Int
    /// The schools of the phase and year left out for lacking a characteristic (or having
    /// no pupils on roll).
    public var leftOut: Int
    /// The standard deviation of each characteristic over the schools of the phase and
    /// year with every characteristic, by which differences are divided.
    public var spread: [SimilarityCharacteristic: Double]

    /// Makes a group.
    public init(
        academy: SchoolCharacteristics, phase: Phase, year: AcademicYear, members: [Member], requested: Int,
        candidates: Int, leftOut: Int, spread: [SimilarityCharacteristic: Double]
    ) {
        self.academy = academy
        self.phase = phase
        self.year = year
        self.members = members
        self.requested = requested
        self.candidates = candidates
        self.leftOut = leftOut
        self.spread = spread
    }

    /// The members' URNs, nearest first.
    public var urns: [URN] { members.map(\.urn) }

    /// The member with `urn`, if it is in the group.
    public func member(_ urn: URN) -> Member? { members.first { $0.urn == urn } }
}
