/// Plays out one academic year of one academy, pupil by pupil, and counts its data drops.
///
/// Attendance is cumulative: a pupil's absence to the end of a term never falls below the
/// absence to the end of the term before, and grows by at most the sessions of the new term. A
/// pupil's place in the academy's absence ranking fixes whether the pupil is severely,
/// persistently or ordinarily absent at each drop, so the academy's rates land close to its
/// targets. Attainment comes from each pupil's latent ability, judged against the cut-offs of
/// `AssessmentStandards`, with in-year teacher assessment a little harder to pass.
struct SchoolYearSimulation {
    /// The academy.
    var profile: AcademyProfile
    /// How the year should go.
    var outlook: SchoolYearOutlook
    /// The calendar year the academic year starts in.
    var startYear: Int
    /// The drops to count; pupils are still played out from autumn to the latest of them.
    var terms: [Term]
    /// The fewest pupils of each group in each year group; see `PupilRoll`.
    var minimumPerGroup: Int
    /// Whether to play out suspensions and permanent exclusions too. They are drawn after
    /// everything else, so turning them on leaves every other figure as it was.
    var playsInclusion = false
    /// How many times more likely disadvantaged pupils are to be suspended than usual this
    /// year: above 1 for a story's sharp rise.
    var disadvantagedSuspensions = 1.0
    /// When given, each drop's tally also keeps every pupil's export row (`ExportedPupil`),
    /// its reference and absence codes drawn from this generator alone, so that asking for
    /// the rows leaves every other figure as it was.
    var pupilDetails: SeededGenerator? = nil

    /// Mean absence of a pupil in the severe band and in the persistent band (fractions).
    private static let severeBandMean = 0.695
    private static let persistentBandMean = 0.205

    /// Returns one tally per term, autumn first; terms not asked for stay empty.
    func run(using generator: inout SeededGenerator) -> [DropTally] {
        let lastTerm = terms.max() ?? .summer
        let roll = PupilRoll(profile: profile, minimumPerGroup: minimumPerGroup, lastJoiningTerm: lastTerm)
        let pupils = roll.pupils(using: &generator)
        var tallies = Array(repeating: DropTally(), count: Term.allCases.count)
        let targets = Term.allCases.map { dropTargets(for: $0) }
        var details = pupilDetails
        var refs = PupilRefMaker()
        for (number, pupil) in pupils.enumerated() {
            let groups = pupil.groupBits
            var export: ExportDetails?
            if var detailGenerator = details {
                let partTime = pupil.absenceRank < outlook.severeAbsenceRate && detailGenerator.chance(0.3)
                export = ExportDetails(
                    number: number, ref: refs.next(using: &detailGenerator),
                    codes: AbsenceCodeSplit(partTime: partTime, using: &detailGenerator))
                details = detailGenerator
            }
            playAttendance(
                of: pupil, groups: groups, upTo: lastTerm, targets: targets, export: export, into: &tallies,
                using: &generator)
            playAssessments(of: pupil, groups: groups, into: &tallies, using: &generator)
        }
        if playsInclusion {
            for (number, pupil) in pupils.enumerated() {
                playInclusion(of: pupil, number: number, upTo: lastTerm, into: &tallies, using: &generator)
            }
        }
        return tallies
    }

    /// What a pupil's export rows need beyond its sessions: its reference and code leaning.
    private struct ExportDetails {
        /// The pupil's place in the roll, which finds its rows again for suspensions.
        var number: Int
        var ref: String
        var codes: AbsenceCodeSplit
    }

    /// A pupil's suspensions over the year, each in a term from the one the pupil joined, and
    /// a permanent exclusion after the last of them for a few; counted year to date in each
    /// drop the pupil is on roll for.
    private func playInclusion(
        of pupil: Pupil, number: Int, upTo lastTerm: Term, into tallies: inout [DropTally],
        using generator: inout SeededGenerator
    ) {
        var byTerm = Array(repeating: 0, count: Term.allCases.count)
        var excludedIn: Term?
        let chance = SuspensionChances.yearly(
            pupil, phase: profile.phase, disadvantagedFactor: disadvantagedSuspensions)
        if generator.chance(chance) {
            var count = 1
            while count < SuspensionChances.most, generator.chance(SuspensionChances.again) { count += 1 }
            var last = pupil.firstTerm
            for _ in 0..<count {
                let draw = generator.unit()
                let shares = SuspensionChances.termShares
                let drawn: Term =
                    draw < shares.autumn ? .autumn : draw < shares.autumn + shares.spring ? .spring : .summer
                let term = max(drawn, pupil.firstTerm)
                byTerm[term.rawValue] += 1
                last = max(last, term)
            }
            if generator.chance(SuspensionChances.permanentExclusion) { excludedIn = last }
        }
        var toDate = 0
        for term in Term.allCases where term <= lastTerm {
            toDate += byTerm[term.rawValue]
            guard terms.contains(term), term >= pupil.firstTerm else { continue }
            let excluded = excludedIn.map { $0 <= term } ?? false
            tallies[term.rawValue].addInclusion(
                groups: pupil.groupBits, yearGroup: pupil.yearGroup, suspensions: toDate, excluded: excluded)
            tallies[term.rawValue].setExportedInclusion(
                ofPupil: number, suspensions: toDate, excluded: excluded)
        }
    }

    /// The year-to-date targets of a drop: absence, persistent and severe absence, and the mean
    /// absence of pupils in neither band that makes the overall absence come out right.
    private func dropTargets(for term: Term) -> AttendanceTargets {
        let scale: (absence: Double, persistent: Double, severe: Double) =
            switch term {
            case .autumn: (0.86, 0.90, 0.85)
            case .spring: (0.95, 0.96, 0.95)
            case .summer: (1, 1, 1)
            }
        let absence = outlook.absenceRate * scale.absence
        let persistent = min(outlook.persistentAbsenceRate * scale.persistent, 0.98)
        let severe = min(outlook.severeAbsenceRate * scale.severe, persistent)
        let banded = severe * Self.severeBandMean + (persistent - severe) * Self.persistentBandMean
        let ordinary = min(max((absence - banded) / (1 - persistent), 0.002), 0.095)
        return AttendanceTargets(
            persistent: persistent, severe: severe, ordinary: OrdinaryAbsence(mean: ordinary))
    }

    private func playAttendance(
        of pupil: Pupil, groups: UInt16, upTo lastTerm: Term, targets: [AttendanceTargets],
        export: ExportDetails?, into tallies: inout [DropTally], using generator: inout SeededGenerator
    ) {
        var possible = 0
        var absent = 0
        var unauthorised = 0
        var authorisedCodes = AbsenceCodeSplit.authorisedCodes.map { _ in 0 }
        var unauthorisedCodes = AbsenceCodeSplit.unauthorisedCodes.map { _ in 0 }
        for term in Term.allCases where term <= lastTerm {
            var termSessions = TermCalendar.sessions(in: term, startYear: startYear)
            if term < pupil.firstTerm {
                termSessions = 0
            } else if term == pupil.firstTerm && term != .autumn {
                termSessions = Int(Double(termSessions) * generator.uniform(0.25, 1))
            }
            possible += termSessions
            guard possible > 0 else { continue }
            let target = targets[term.rawValue]
            let (wanted, unauthorisedShare) = absence(of: pupil, possible: possible, target: target)
            let newAbsent = min(max(wanted, absent), absent + termSessions)
            let wantedUnauthorised = Rounding.nearest(Double(newAbsent) * unauthorisedShare)
            let newUnauthorised = min(
                max(wantedUnauthorised, unauthorised), unauthorised + newAbsent - absent)
            if let export {
                let newAuthorised = (newAbsent - newUnauthorised) - (absent - unauthorised)
                authorisedCodes = zip(authorisedCodes, export.codes.authorised(newAuthorised)).map { $0 + $1 }
                unauthorisedCodes = zip(
                    unauthorisedCodes, export.codes.unauthorised(newUnauthorised - unauthorised)
                )
                .map { $0 + $1 }
            }
            unauthorised = newUnauthorised
            absent = newAbsent
            if terms.contains(term) {
                tallies[term.rawValue].addAttendance(
                    groups: groups, yearGroup: pupil.yearGroup, possible: possible, absent: absent,
                    unauthorised: unauthorised)
                if let export {
                    tallies[term.rawValue].addExported(
                        ofPupil: export.number,
                        ExportedPupil(
                            ref: export.ref, pupil: pupil, possible: possible,
                            authorisedCodes: authorisedCodes,
                            unauthorisedCodes: unauthorisedCodes))
                }
            }
        }
    }

    /// The sessions a pupil would have missed by a drop, and the share of them unauthorised.
    private func absence(
        of pupil: Pupil, possible: Int, target: AttendanceTargets
    ) -> (absent: Int, unauthorisedShare: Double) {
        let spread = pupil.absenceSpread
        let rate: Double
        let least: Int
        let most: Int
        var share: Double
        if pupil.absenceRank < target.severe {
            rate = 0.52 + 0.35 * spread
            least = (possible + 1) / 2
            most = possible
            share = 0.65
        } else if pupil.absenceRank < target.persistent {
            rate = 0.105 + 0.3 * spread * spread
            least = (possible + 9) / 10
            most = possible
            share = 0.42
        } else {
            rate = target.ordinary.rate(at: spread)
            least = 0
            most = (possible - 1) / 10
            share = 0.22
        }
        if pupil.isDisadvantaged {
            share += 0.08
        }
        share = min(max(share + (pupil.unauthorisedLean - 0.5) * 0.2, 0), 1)
        let sessions = Rounding.nearest(rate * Double(possible))
        return (min(max(sessions, least), most), share)
    }

    private func playAssessments(
        of pupil: Pupil, groups: UInt16, into tallies: inout [DropTally],
        using generator: inout SeededGenerator
    ) {
        let phase = profile.phase
        let base =
            pupil.ability + outlook.attainment
            + AssessmentStandards.groupShift(of: pupil, disadvantagedGap: outlook.disadvantagedGap)
        switch pupil.yearGroup {
        case 6 where phase.hasYear6:
            let results = KeyStage2Result(base: base, isGirl: pupil.isGirl, using: &generator)
            for term in terms {
                results.record(groups: groups, term: term, into: &tallies[term.rawValue])
            }
        case 11 where phase.hasYear11:
            let results = KeyStage4Result(
                base: base, pupil: pupil, schoolProgress: outlook.progress8, using: &generator)
            for term in terms {
                results.record(groups: groups, term: term, into: &tallies[term.rawValue])
            }
        case 0, 1, 4:
            guard terms.contains(.summer), phase.yearGroups.contains(6) else { return }
            let assessment: Assessment =
                switch pupil.yearGroup {
                case 0: .gld
                case 1: .phonics
                default: .mtc
                }
            let noise = pupil.yearGroup == 4 ? 0.6 : 0.5
            let score = base + noise * generator.normal()
            tallies[Term.summer.rawValue].addResult(
                assessment, groups: groups, expected: score >= AssessmentStandards.expected(assessment),
                greaterDepth: false)
        default:
            break
        }
    }
}
