import Testing

@testable import Metrics

/// The pupil-level export (`pupil_attendance`): its checks, and the records summed from its
/// pupils, every expected count worked out by hand from the rows below.
@Suite("Pupil-level attendance export")
struct PupilExportTests {
    static let header =
        "urn,academic_year,term,pupil_ref,year_group,sex,disadvantaged,sen,eal,possible_sessions,"
        + "present_sessions,aea_sessions,authorised_sessions,unauthorised_sessions,code_I,code_M,code_N,"
        + "suspensions,permanently_excluded"

    /// Nine pupils of 900101 and one of 900102 (with the same reference as a pupil of
    /// 900101, which is allowed: a pupil who moved counts at each). Absent = authorised +
    /// unauthorised; the band of each, by absent / possible:
    /// - line 2, Y3 girl, disadvantaged: 10/200 = 5% → 5–10 (at risk); 0 suspensions
    /// - line 3, Y3 boy, SEN support, EAL: 18/200 = 9% → 5–10; 2 suspensions
    /// - line 4, Y5 boy, disadvantaged, EHCP: 10/100 = 10% → 10–20 (persistent);
    ///   1 suspension, permanently excluded; no code columns given
    /// - line 5, Reception girl: 60/100 → 50+ (in the Reception line only)
    /// - line 6, Y6 girl: 0 possible sessions → on roll, in no rate
    /// - line 7, Y6 boy: 4/100 = 4% → under 5
    /// - line 8, Y6 girl, disadvantaged, SEN support: 25/50 = 50% → 50+ (severe)
    /// - line 9, Y4 boy: 15/100 → 10–20
    /// - line 10, Y4 girl: 30/100 → 20–50
    static let rows = """
        900101,2024/25,spring,UPN-A0000001,3,F,Y,N,N,200,190,0,10,0,10,,,0,N
        900101,2024/25,spring,UPN-A0000002,3,M,N,K,Y,200,180,2,8,10,6,2,10,2,N
        900101,2024/25,spring,UPN-A0000003,5,M,Y,E,N,100,90,0,0,10,,,,1,Y
        900101,2024/25,spring,UPN-A0000004,R,F,N,N,N,100,40,0,30,30,30,,30,0,N
        900101,2024/25,spring,UPN-A0000005,6,F,N,N,N,0,0,0,0,0,,,,0,N
        900101,2024/25,spring,UPN-A0000006,6,M,N,N,N,100,96,0,4,0,4,,,0,N
        900101,2024/25,spring,UPN-A0000007,6,F,Y,K,N,50,20,5,10,15,10,,15,0,N
        900101,2024/25,spring,UPN-A0000008,4,M,N,N,N,100,85,0,5,10,5,,10,0,N
        900101,2024/25,spring,UPN-A0000009,4,F,N,N,N,100,70,0,20,10,20,,10,0,N
        900102,2024/25,spring,UPN-A0000001,7,F,N,N,N,100,100,0,0,0,,,,0,N
        """

    static let refs = (1...9).map { "UPN-A000000\($0)" }

    static func read(_ rows: String, header: String = header) -> DropBatch {
        Fixtures.readWithAcademies("export.csv", header + "\n" + rows)
    }

    func attendance(_ batch: DropBatch, _ group: PupilGroup, _ yearGroup: YearGroup, urn: Int = 900_101)
        -> AttendanceRecord?
    {
        batch.attendance.map(\.record).first {
            $0.urn.value == urn && $0.group == group && $0.yearGroup == yearGroup
        }
    }

    func inclusion(_ batch: DropBatch, _ group: PupilGroup, _ yearGroup: YearGroup) -> InclusionRecord? {
        batch.inclusion.map(\.record).first {
            $0.urn.value == 900_101 && $0.group == group && $0.yearGroup == yearGroup
        }
    }

    func bands(_ record: AttendanceRecord?) -> [Int]? { record?.absenceBands?.counts }

    @Test func anExportIsRecognisedByPupilRefAndPossibleSessions() {
        let batch = Self.read(Self.rows)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.files.map(\.kind) == [.academies, .pupilAttendance])
        #expect(batch.files[1].rows == 10)
        #expect(DropFileKind.recognise(header: ["pupil_ref", "possible_sessions"]) == .pupilAttendance)
        // Even beside every column of the aggregate file, pupil_ref makes it an export.
        #expect(
            DropFileKind.recognise(header: DropFileKind.attendance.requiredColumns + ["pupil_ref"])
                == .pupilAttendance)
    }

    @Test func theCodeColumnsGiveTheReasons() throws {
        let batch = Self.read(Self.rows)
        let all = try #require(attendance(batch, .all, .all))
        // Years 1–11 (lines 2, 3, 4, 7, 8, 9, 10; line 4 gives no code): code_I 10 + 6 + 4 +
        // 10 + 5 + 20 = 55; code_M 2 (line 3); code_N 10 + 15 + 10 + 10 = 45.
        #expect(all.reasons[.illness] == 55)
        #expect(all.reasons[.medical] == 2)
        #expect(all.reasons[.noReasonYet] == 45)
        // The file gives codes on both sides, so a code it lacks counts 0 there; authorised
        // holiday (H) is no export code, so it is not given.
        #expect(all.reasons[.authorisedOther] == 0)
        #expect(all.reasons[.partTimeTimetable] == 0)
        #expect(all.reasons[.late] == 0)
        #expect(all.reasons[.authorisedHoliday] == nil)
        // 55 of 850 possible sessions → 6.5% illness; 45 → 5.3% no reason yet.
        let data = TrustData(
            academies: batch.academies.map(\.record), attendance: batch.attendance.map(\.record))
        let figures = FigureCalculator(data: data).figures(for: all.drop)
        func shown(_ reason: AbsenceReason) -> Double? {
            figures[
                FigureCalculator.Key(
                    owner: .academy(all.urn), kpi: .absenceReason(reason), group: .all, yearGroup: .all)]?
                .shown
        }
        #expect(shown(.illness) == 6.5)
        #expect(shown(.noReasonYet) == 5.3)
    }

    @Test func anExportWithNoCodeColumnsGivesNoReason() throws {
        let header = Self.header.replacingOccurrences(of: ",code_I,code_M,code_N", with: "")
        let rows = "900101,2024/25,spring,UPN-B1,3,F,N,N,N,100,90,0,10,0,0,N"
        let batch = Self.read(rows, header: header)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(try #require(attendance(batch, .all, .all)).reasons.isEmpty)
    }

    @Test func allYearGroupsCoverYears1To11AndEachPupilIsInOneBand() {
        let batch = Self.read(Self.rows)
        // Years 1–11 with a possible session: lines 2, 3, 4, 7, 8, 9, 10 → 7 pupils.
        // Possible 200+200+100+100+50+100+100 = 850; authorised 10+8+0+4+10+5+20 = 57;
        // unauthorised 0+10+10+0+15+10+10 = 55; absent 112. Bands: under 5 line 7;
        // 5–10 lines 2, 3; 10–20 lines 4, 9; 20–50 line 10; 50+ line 8.
        // The reasons from the code columns are checked in `theCodeColumnsGiveTheReasons`.
        var all = attendance(batch, .all, .all)
        all?.reasons = AttendanceReasons()
        #expect(
            all
                == AttendanceRecord(
                    urn: Fixtures.urn(900_101), drop: Fixtures.spring2425, pupils: 7, possibleSessions: 850,
                    absentSessions: 112, persistentAbsentees: 4, severeAbsentees: 1,
                    authorisedAbsentSessions: 57, unauthorisedAbsentSessions: 55,
                    absenceBands: AbsenceBands(
                        underFive: 1, atRisk: 2, tenToTwenty: 2, twentyToFifty: 1, fiftyPlus: 1)))
        // Reception is a line of its own: line 5, 60 of 100 missed.
        let reception = attendance(batch, .all, .reception)
        #expect(reception?.pupils == 1)
        #expect(reception?.possibleSessions == 100)
        #expect(reception?.absentSessions == 60)
        #expect(reception?.severeAbsentees == 1)
        #expect(bands(reception) == [0, 0, 0, 0, 1])
        // Year 6: lines 7 and 8 (line 6 has no possible session): 150 possible, 4 + 25 absent.
        let year6 = attendance(batch, .all, .year(6))
        #expect(year6?.pupils == 2)
        #expect(year6?.possibleSessions == 150)
        #expect(year6?.absentSessions == 29)
        #expect(bands(year6) == [1, 0, 0, 0, 1])
        // Year 3: lines 2 and 3, both at risk.
        #expect(bands(attendance(batch, .all, .year(3))) == [0, 2, 0, 0, 0])
    }

    @Test func everyPupilGroupIsSummed() {
        let batch = Self.read(Self.rows)
        // Disadvantaged, Years 1–11: lines 2, 4, 8 → 350 possible, 10+0+10 authorised,
        // 0+10+15 unauthorised; bands 5–10, 10–20, 50+.
        let disadvantaged = attendance(batch, .disadvantaged, .all)
        #expect(disadvantaged?.pupils == 3)
        #expect(disadvantaged?.possibleSessions == 350)
        #expect(disadvantaged?.authorisedAbsentSessions == 20)
        #expect(disadvantaged?.unauthorisedAbsentSessions == 25)
        #expect(bands(disadvantaged) == [0, 1, 1, 0, 1])
        // Boys: lines 3, 4, 7, 9 → 500 possible; 8+0+4+5 authorised, 10+10+0+10 unauthorised.
        let boys = attendance(batch, .boys, .all)
        #expect(boys?.pupils == 4)
        #expect(boys?.possibleSessions == 500)
        #expect(boys?.absentSessions == 47)
        #expect(bands(boys) == [1, 1, 2, 0, 0])
        // Girls, Years 1–11: lines 2, 8, 10 (line 6 has no sessions, line 5 is Reception).
        #expect(attendance(batch, .girls, .all)?.pupils == 3)
        #expect(attendance(batch, .eal, .all)?.pupils == 1)
        #expect(attendance(batch, .ehcp, .all)?.pupils == 1)
        #expect(attendance(batch, .senSupport, .all)?.pupils == 2)
        // No SEN: lines 2, 7, 9, 10.
        #expect(attendance(batch, .noSen, .all)?.pupils == 4)
        // Year-group lines are for all pupils only, as in the data-drop files: a group's
        // year-group line (disadvantaged Year 6 would be line 8 alone) is not made, since
        // with the trust's totals such lines let hidden figures be solved for together.
        #expect(attendance(batch, .disadvantaged, .year(6)) == nil)
        #expect(attendance(batch, .all, .year(6)) != nil)
        // The same reference at 900102 is another pupil there.
        #expect(attendance(batch, .all, .all, urn: 900_102)?.pupils == 1)
    }

    @Test func suspensionsAndExclusionsCountEveryPupilOnRoll() {
        let batch = Self.read(Self.rows)
        // On roll all years: all nine pupils of 900101 (Reception and line 6 included);
        // suspensions 2 (line 3) + 1 (line 4) = 3, by 2 pupils; 1 permanently excluded.
        #expect(
            inclusion(batch, .all, .all)
                == InclusionRecord(
                    urn: Fixtures.urn(900_101), drop: Fixtures.spring2425, pupils: 9, suspensions: 3,
                    pupilsSuspended: 2, permanentExclusions: 1))
        #expect(inclusion(batch, .all, .year(6))?.pupils == 3)
        #expect(inclusion(batch, .ehcp, .all)?.permanentExclusions == 1)
        // Without the two columns there are no inclusion records.
        let plain = Self.header.replacingOccurrences(of: ",suspensions,permanently_excluded", with: "")
        let rows = Self.rows.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).dropLast(2).joined(separator: ",")
        }
        let without = Self.read(rows.joined(separator: "\n"), header: plain)
        #expect(without.errors.isEmpty, "\(Fixtures.errors(without))")
        #expect(without.inclusion.isEmpty)
        #expect(without.attendance.count == batch.attendance.count)
    }

    @Test func eachCodesSessionsAreSummedPerGroup() {
        var aggregate = PupilAggregate(fileIndex: 0, hasInclusion: false)
        let urn = Fixtures.urn(900_101)
        func pupil(_ year: Int, _ codes: [Int], possible: Int) -> PupilAggregate.Pupil {
            let authorised = codes.prefix(DropFileKind.authorisedCodes.count).reduce(0, +)
            let unauthorised = codes.suffix(DropFileKind.unauthorisedCodes.count).reduce(0, +)
            return PupilAggregate.Pupil(
                yearGroup: .year(year), groups: [.boys], possible: possible, authorised: authorised,
                unauthorised: unauthorised, codeSessions: codes, suspensions: nil, permanentlyExcluded: nil)
        }
        // Codes in order C C1 C2 E I J1 M R S T | G N O U: 4 of I and 1 of N, then 2 of I and 3 of G.
        aggregate.add(
            pupil(2, [0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 1, 0, 0], possible: 100), urn: urn,
            drop: Fixtures.spring2425, line: 2)
        aggregate.add(
            pupil(3, [0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0], possible: 100), urn: urn,
            drop: Fixtures.spring2425, line: 3)
        let sessions = aggregate.codeSessions[AcademyDrop(urn: urn, drop: Fixtures.spring2425)]
        #expect(sessions?[PupilAggregate.cell(.all, .all)] == [0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 3, 1, 0, 0])
        // Year 3 (line 3 alone) for all pupils; the boys' own year-group line is not made.
        #expect(
            sessions?[PupilAggregate.cell(.all, .year(3))] == [0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0])
        #expect(sessions?[PupilAggregate.cell(.boys, .year(3))] == nil)
        #expect(sessions?[PupilAggregate.cell(.boys, .all)] == [0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 3, 1, 0, 0])
    }

    @Test func theAtRiskShareIsAFigureOfPupilsHiddenLikeThem() {
        let batch = Self.read(Self.rows)
        guard let all = attendance(batch, .all, .all) else {
            Issue.record("no all-pupils record")
            return
        }
        let atRisk = FigureCalculator.figures(of: all).first { $0.kpi == .absenceBand(.atRiskRate) }
        // 2 of 7 pupils at risk.
        #expect(atRisk?.numerator == 2)
        #expect(atRisk?.denominator == 7)
        #expect(atRisk?.pupils == 7)
        let kpi = KPI.absenceBand(.atRiskRate)
        #expect(kpi.key == "at_risk_rate")
        #expect(KPI(key: "at_risk_rate") == kpi)
        #expect(kpi.direction == .lowerIsBetter)
        #expect(kpi.isPercentage)
        // Rated on its own change since last year: no national figure is built in.
        #expect(kpi.definition.rule == .change(green: 1.0, amber: 3.0))
        #expect(RatingRule.builtIn(for: kpi) == .change(green: 1.0, amber: 3.0))
        // An aggregate row without bands gives no at-risk figure.
        let plain = AttendanceRecord(
            urn: all.urn, drop: all.drop, pupils: 7, possibleSessions: 850, absentSessions: 112,
            persistentAbsentees: 4)
        #expect(!FigureCalculator.figures(of: plain).contains { $0.kpi == kpi })
    }

    @Test func sessionsThatDoNotAddUpAreErrorsThatNeverShowTheReference() {
        let batch = Self.read(
            """
            900101,2024/25,spring,UPN-SECRET-1,3,F,Y,N,N,200,190,0,10,5,10,,5,0,N
            900101,2024/25,spring,UPN-SECRET-2,3,F,Y,N,N,200,190,0,10,0,7,2,,0,N
            900101,2024/25,spring,UPN-SECRET-3,all,X,Y,N,N,200,190,0,10,0,,,,0,
            900101,2024/25,spring,,3,F,Y,N,N,200,190,0,10,0,,,,0,N
            900101,2024/25,spring,UPN-SECRET-5-THAT-IS-FAR-TOO-LONG-FOR-ANY-MIS,3,F,Y,N,N,200,190,0,10,0,,,,0,N
            """)
        let errors = Fixtures.errors(batch)
        // Line 2: 190 + 0 + 10 + 5 = 205, not 200.
        #expect(
            errors.contains {
                $0.hasPrefix("export.csv:2: column 'possible_sessions', value '200'")
                    && $0.contains("(190 + 0 + 10 + 5 = 205) for the pupil on line 2")
            }, "\(errors)")
        // Line 3: authorised 10, but I 7 + M 2 = 9.
        #expect(
            errors.contains {
                $0.hasPrefix("export.csv:3: column 'authorised_sessions', value '10'")
                    && $0.contains("authorised code columns (9)")
            }, "\(errors)")
        #expect(
            errors.contains { $0.hasPrefix("export.csv:4: column 'year_group', value 'all'") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("export.csv:4: column 'sex', value 'X'") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("export.csv:4: column 'permanently_excluded'") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("export.csv:5: column 'pupil_ref': is empty") }, "\(errors)")
        #expect(
            errors.contains {
                $0.hasPrefix("export.csv:6: column 'pupil_ref': is longer than 40 characters")
            },
            "\(errors)")
        for issue in batch.issues { #expect(!issue.description.contains("SECRET"), "\(issue)") }
        #expect(batch.attendance.isEmpty)
    }

    /// A reference is 1–40 printable characters, counted as characters, not bytes: 40 ASCII
    /// characters and 40 accented ones (80 bytes) are sound; 41 ASCII characters, a tab and
    /// a zero-width space are not, each at its line and never quoted.
    @Test func pupilRefsAreCountedInCharactersAndMustPrint() {
        let forty = String(repeating: "A", count: 40)
        let accented = String(repeating: "É", count: 40)
        let batch = Self.read(
            """
            900101,2024/25,spring,\(forty),3,F,Y,N,N,200,190,0,10,0,10,,,0,N
            900101,2024/25,spring,\(accented),3,F,Y,N,N,200,190,0,10,0,10,,,0,N
            900101,2024/25,spring,\(forty)B,3,F,Y,N,N,200,190,0,10,0,10,,,0,N
            900101,2024/25,spring,SECRET\u{9}TAB,3,F,Y,N,N,200,190,0,10,0,10,,,0,N
            900101,2024/25,spring,SECRET\u{200B}ZW,3,F,Y,N,N,200,190,0,10,0,10,,,0,N
            """)
        let errors = Fixtures.errors(batch)
        #expect(errors.count == 3, "\(errors)")
        #expect(
            errors.contains { $0.hasPrefix("export.csv:4: column 'pupil_ref': is longer than 40") },
            "\(errors)")
        #expect(
            errors.contains { $0.hasPrefix("export.csv:5: column 'pupil_ref': holds a character") },
            "\(errors)")
        #expect(
            errors.contains { $0.hasPrefix("export.csv:6: column 'pupil_ref': holds a character") },
            "\(errors)")
        for issue in batch.issues { #expect(!issue.description.contains("SECRET"), "\(issue)") }
    }

    @Test func aPupilGivenTwiceIsAnErrorNamingBothLines() {
        let batch = Self.read(
            """
            900101,2024/25,spring,UPN-TWICE,3,F,Y,N,N,200,190,0,10,0,10,,,0,N
            900101,2024/25,spring,UPN-OTHER,3,F,Y,N,N,200,190,0,10,0,10,,,0,N
            900101,2024/25,autumn,UPN-TWICE,3,F,Y,N,N,100,100,0,0,0,,,,0,N
            900101,2024/25,spring,UPN-TWICE,4,M,N,N,N,100,100,0,0,0,,,,0,N
            """)
        // Line 4 is another drop, so allowed; line 5 repeats line 2's pupil in the same drop.
        #expect(
            Fixtures.errors(batch) == [
                "export.csv:5: column 'pupil_ref': the pupil on line 5 has the same pupil_ref as the pupil on "
                    + "line 2, for 900101, 2024/25 spring; give each pupil once for an academy and drop: remove "
                    + "one of the two rows, or correct the reference of one"
            ])
        for issue in batch.issues { #expect(!issue.description.contains("TWICE")) }
    }

    @Test func anExportAndAggregateFilesForOneAcademyAndDropAreAnError() {
        let attendance = """
            urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees
            900102,2024/25,spring,1,100,0,0
            900101,2024/25,spring,7,850,112,4
            """
        let batch = Fixtures.read([
            ("academies.csv", Fixtures.academiesCSV), ("export.csv", Self.header + "\n" + Self.rows),
            ("attendance.csv", attendance),
        ])
        let errors = Fixtures.errors(batch)
        // One error for each academy given both ways, at the aggregate row, naming the export.
        #expect(
            errors == [
                "attendance.csv:2: column 'urn', value '900102': 900102, 2024/25 spring is also given by the "
                    + "pupil-level export export.csv:11; an academy's drop comes either from its pupil-level "
                    + "export or from aggregate files, never both; leave this academy's rows for the drop out of "
                    + "one of the two files: send the export alone, or the aggregate files alone",
                "attendance.csv:3: column 'urn', value '900101': 900101, 2024/25 spring is also given by the "
                    + "pupil-level export export.csv:2; an academy's drop comes either from its pupil-level "
                    + "export or from aggregate files, never both; leave this academy's rows for the drop out of "
                    + "one of the two files: send the export alone, or the aggregate files alone",
            ])
    }

    @Test func anExportForADropTheStoreHasFromAggregateFilesIsAnError() {
        var reader = DropReader(knownAcademies: [Fixtures.urn(900_101), Fixtures.urn(900_102)])
        reader.storedSources = [
            AcademyDrop(urn: Fixtures.urn(900_101), drop: Fixtures.spring2425):
                DropSource(fromExport: false, file: "attendance-spring.csv")
        ]
        let batch = reader.read(files: [("export.csv", Array((Self.header + "\n" + Self.rows).utf8))])
        #expect(
            Fixtures.errors(batch) == [
                "export.csv:2: column 'urn', value '900101': the store holds 900101, 2024/25 spring from the "
                    + "aggregate file attendance-spring.csv; an academy's drop comes either from its pupil-level "
                    + "export or from aggregate files, never both; correct this academy's drop with corrected "
                    + "aggregate files instead; to send it as a pupil-level export from now on, ingest the "
                    + "trust's files into a new store"
            ])
        // A stored export is corrected by an export.
        reader.storedSources[AcademyDrop(urn: Fixtures.urn(900_101), drop: Fixtures.spring2425)] = DropSource(
            fromExport: true, file: "export-old.csv")
        let again = reader.read(files: [("export.csv", Array((Self.header + "\n" + Self.rows).utf8))])
        #expect(again.errors.isEmpty, "\(Fixtures.errors(again))")
    }

    /// A reader given `storedSourcesOf` asks it, once the files are read, for the drops the
    /// batch gives attendance or inclusion of (here 2024/25 spring alone), and refuses
    /// the export as it does with `storedSources` given whole.
    @Test func theStoredSourcesAreAskedForTheBatchsDropsOnly() {
        var reader = DropReader(knownAcademies: [Fixtures.urn(900_101), Fixtures.urn(900_102)])
        final class Asked { var drops: [Set<DataDrop>] = [] }
        let asked = Asked()
        reader.storedSourcesOf = { drops in
            asked.drops.append(drops)
            return [
                AcademyDrop(urn: Fixtures.urn(900_101), drop: Fixtures.spring2425):
                    DropSource(fromExport: false, file: "attendance-spring.csv"),
                AcademyDrop(
                    urn: Fixtures.urn(900_102), drop: DataDrop(year: AcademicYear(2023), term: .spring)):
                    DropSource(fromExport: false, file: "attendance-last-year.csv"),
            ]
        }
        let batch = reader.read(files: [("export.csv", Array((Self.header + "\n" + Self.rows).utf8))])
        #expect(asked.drops == [[Fixtures.spring2425]])
        #expect(
            Fixtures.errors(batch) == [
                "export.csv:2: column 'urn', value '900101': the store holds 900101, 2024/25 spring from the "
                    + "aggregate file attendance-spring.csv; an academy's drop comes either from its pupil-level "
                    + "export or from aggregate files, never both; correct this academy's drop with corrected "
                    + "aggregate files instead; to send it as a pupil-level export from now on, ingest the "
                    + "trust's files into a new store"
            ])
    }

    /// An `inclusion` file for a drop whose inclusion figures the store holds from an
    /// export is the other way too, named with both files, as attendance is; where the
    /// stored export gave no inclusion figures, the file is the drop's only source of them.
    @Test func anInclusionFileForADropTheStoreHasFromAnExportIsAnError() {
        var reader = DropReader(knownAcademies: [Fixtures.urn(900_101), Fixtures.urn(900_102)])
        reader.storedSources = [
            AcademyDrop(urn: Fixtures.urn(900_101), drop: Fixtures.spring2425):
                DropSource(fromExport: true, file: "export-spring.csv", inclusionFromExport: true),
            AcademyDrop(urn: Fixtures.urn(900_102), drop: Fixtures.spring2425):
                DropSource(fromExport: true, file: "export-102.csv", inclusionFromExport: false),
        ]
        let inclusion = """
            urn,academic_year,term,pupil_group,year_group,pupils,suspensions,pupils_suspended,permanent_exclusions
            900102,2024/25,spring,all,all,200,4,3,0
            900101,2024/25,spring,all,all,9,3,2,1
            900101,2024/25,spring,boys,all,5,3,2,1
            """
        let batch = reader.read(files: [("inclusion.csv", Array(inclusion.utf8))])
        // One error, at 900101's first row (line 3); 900102's export gave no inclusion figures.
        #expect(
            Fixtures.errors(batch) == [
                "inclusion.csv:3: column 'urn', value '900101': the store holds 900101, 2024/25 spring from "
                    + "the pupil-level export export-spring.csv; an academy's drop comes either from its "
                    + "pupil-level export or from aggregate files, never both; correct this academy's drop with "
                    + "a corrected export instead; to send it as aggregate files from now on, ingest the "
                    + "trust's files into a new store"
            ])
        // Without a stored export, the same file is sound.
        reader.storedSources = [:]
        let alone = reader.read(files: [("inclusion.csv", Array(inclusion.utf8))])
        #expect(alone.errors.isEmpty, "\(Fixtures.errors(alone))")
        #expect(alone.inclusion.count == 3)
    }

    /// The other way round: an export with the inclusion columns for a drop whose inclusion
    /// figures the store holds from an aggregate `inclusion` file (after an export without
    /// them) is an error at the export's first row of that academy, naming the file; the
    /// same export with no stored inclusion file is sound.
    @Test func anExportWithInclusionForADropWhoseInclusionCameFromAFileIsAnError() {
        var reader = DropReader(knownAcademies: [Fixtures.urn(900_101), Fixtures.urn(900_102)])
        reader.storedSources = [
            AcademyDrop(urn: Fixtures.urn(900_101), drop: Fixtures.spring2425):
                DropSource(fromExport: true, file: "export-old.csv", inclusionFile: "inclusion-spring.csv")
        ]
        let export = Array((Self.header + "\n" + Self.rows).utf8)
        let batch = reader.read(files: [("export.csv", export)])
        #expect(
            Fixtures.errors(batch) == [
                "export.csv:2: column 'urn', value '900101': the store holds the inclusion figures of 900101, "
                    + "2024/25 spring from the aggregate file inclusion-spring.csv; an academy's drop comes "
                    + "either from its pupil-level export or from aggregate files, never both; send this export "
                    + "without the suspensions and permanently_excluded columns, or correct the drop's "
                    + "inclusion with a corrected inclusion file; to send inclusion in the export from now on, "
                    + "ingest the trust's files into a new store"
            ])
        // With the export's inclusion stored too, it is a correction, and sound.
        reader.storedSources[AcademyDrop(urn: Fixtures.urn(900_101), drop: Fixtures.spring2425)] = DropSource(
            fromExport: true, file: "export-old.csv", inclusionFromExport: true)
        let again = reader.read(files: [("export.csv", export)])
        #expect(again.errors.isEmpty, "\(Fixtures.errors(again))")
    }

    @Test func theAggregateFileMayGiveTheBands() {
        let header =
            "urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees,"
            + "severe_absentees,band_under_5,band_5_to_10,band_10_to_20,band_20_to_50,band_50_plus"
        let batch = Fixtures.readWithAcademies(
            "attendance.csv",
            """
            \(header)
            900101,2024/25,spring,7,850,112,4,1,1,2,2,1,1
            900102,2024/25,spring,10,2000,300,4,1,5,1,2,1,1
            900102,2024/25,autumn,10,2000,300,4,1,1,,,,
            """)
        let errors = Fixtures.errors(batch)
        // Line 3: 5 + 1 + 2 + 1 + 1 = 10 pupils, but 2 + 1 + 1 = 4 persistent: sound.
        // Line 2 is sound too; line 4 gives one band of five.
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("attendance.csv:4: column 'band_5_to_10': is empty") == true)
        let wrong = Fixtures.readWithAcademies(
            "attendance.csv",
            """
            \(header)
            900101,2024/25,spring,8,850,112,4,1,1,2,2,1,1
            """)
        // 1 + 2 + 2 + 1 + 1 = 7, not 8.
        #expect(
            Fixtures.errors(wrong).contains {
                $0.hasPrefix(
                    "attendance.csv:2: column 'pupils', value '8': is not the sum of the five absence bands")
            })
        let good = Fixtures.readWithAcademies(
            "attendance.csv",
            """
            \(header)
            900101,2024/25,spring,7,850,112,4,1,1,2,2,1,1
            """)
        #expect(good.attendance.first?.record.absenceBands?.atRisk == 2)
    }
}
