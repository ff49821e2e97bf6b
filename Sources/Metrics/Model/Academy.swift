/// An academy of the trust, as listed in the `academies` file.
public struct Academy: Hashable, Sendable {
    /// The latest Ofsted judgement.
    public enum Ofsted: String, CaseIterable, Sendable {
        case outstanding
        case good
        case requiresImprovement = "requires-improvement"
        case inadequate
        case notInspected = "not-inspected"
    }

    /// The DfE URN of the academy.
    public var urn: URN
    /// The academy's name as the trust writes it; may hold any Unicode letters.
    public var name: String
    /// The phase of education.
    public var phase: Phase
    /// The local authority the academy is in.
    public var localAuthority: String?
    /// The school improvement lead who looks after the academy.
    public var sil: String?
    /// The date the academy joined the trust, `YYYY-MM-DD`.
    public var joined: String?
    /// The latest Ofsted judgement.
    public var ofsted: Ofsted?

    /// Makes an academy.
    public init(
        urn: URN, name: String, phase: Phase, localAuthority: String? = nil, sil: String? = nil,
        joined: String? = nil, ofsted: Ofsted? = nil
    ) {
        self.urn = urn
        self.name = name
        self.phase = phase
        self.localAuthority = localAuthority
        self.sil = sil
        self.joined = joined
        self.ofsted = ofsted
    }
}
