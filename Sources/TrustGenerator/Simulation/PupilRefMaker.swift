/// Makes fictional pupil references shaped like a unique pupil number (a letter and twelve
/// digits), each different from those already made for the academy's year.
///
/// They are drawn at random, not built as the DfE builds UPNs (no local authority or school
/// number, no check letter), so none is anyone's real UPN; they exist so that a sample export
/// looks like an MIS's and trustboard's duplicate-pupil check has something to check.
struct PupilRefMaker {
    /// The letters UPNs start with (I, O and S are not used).
    private static let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
    private var made: Set<String> = []

    /// A new reference, unlike any made before by this maker.
    mutating func next(using generator: inout SeededGenerator) -> String {
        while true {
            var ref = String(Self.letters[generator.below(Self.letters.count)])
            for _ in 0..<12 {
                ref.append(Character(String(generator.below(10))))
            }
            if made.insert(ref).inserted { return ref }
        }
    }
}
