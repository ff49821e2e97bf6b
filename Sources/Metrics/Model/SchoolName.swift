/// A school's name and local authority as a DfE file gives them, for any school in
/// England: so that a list of similar schools says which schools they are.
///
/// The KS2 and KS4 performance tables give both (`SCHNAME`, and `LEA`, the local
/// authority's three-digit number, such as 380 for Bradford); the performance-tables
/// absence file gives only the number. A later file replaces what an earlier one gave,
/// but never with nothing.
public struct SchoolName: Hashable, Sendable {
    /// The school.
    public var urn: URN
    /// Its name, made fit to show (`NameRules.neutralised`); nil when the file gives none.
    public var name: String?
    /// Its local authority as the file writes it (the DfE's number, such as "380"); nil
    /// when the file gives none.
    public var localAuthority: String?

    /// Makes a school's name line.
    public init(urn: URN, name: String?, localAuthority: String?) {
        self.urn = urn
        self.name = name
        self.localAuthority = localAuthority
    }
}
