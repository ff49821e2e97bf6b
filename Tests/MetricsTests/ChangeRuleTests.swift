import Testing

@testable import Metrics

/// Rating on the change since the same term last year (`RatingRule.change`): the built-in
/// rule of the share of pupils at risk of persistent absence, its lines from a config, and
/// its explanation. Every value is worked out by hand from the counts.
@Suite("Rating on the change since last year")
struct ChangeRuleTests {
    let now = Fixtures.spring2425
    let urn = Fixtures.urn(900101)
    let academies = [Academy(urn: Fixtures.urn(900101), name: "Hollybank", phase: .primary)]
    let atRisk = KPI.absenceBand(.atRiskRate)

    func figure(_ numerator: Double, of pupils: Int, drop: DataDrop) -> Figure {
        Figure(
            owner: .academy(urn), kpi: atRisk, drop: drop, group: .all, yearGroup: .all, numerator: numerator,
            denominator: Double(pupils), pupils: pupils)
    }

    func rated(_ now: Double, _ before: Double?, config: RatingConfig = RatingConfig()) -> RatedFigure {
        let rater = Rater(config: config, academies: academies, benchmarks: BuiltInBenchmarks.all)
        let previous = before.map { figure($0, of: 400, drop: self.now.sameTermLastYear) }
        return rater.rate(figure(now, of: 400, drop: self.now), previous: previous)
    }

    /// The built-in rule: green at a rise of 1.0 point or less, amber up to 3.0, red beyond.
    /// Of 400 pupils, 60 at risk last year is 15.0%.
    @Test func builtInLinesByHand() {
        #expect(RatingRule.builtIn(for: atRisk) == .change(green: 1.0, amber: 3.0))
        // 56 of 400 = 14.0: a fall of 1.0 is green.
        #expect(rated(56, 60).rating == .green)
        // 64 of 400 = 16.0: +1.0, on the green line, is green.
        #expect(rated(64, 60).rating == .green)
        // 65 of 400 = 16.25 → 16.3: +1.3 is amber.
        #expect(rated(65, 60).change == 1.3)
        #expect(rated(65, 60).rating == .amber)
        // 72 of 400 = 18.0: +3.0, on the amber line, is amber.
        #expect(rated(72, 60).rating == .amber)
        // 73 of 400 = 18.25 → 18.3: +3.3 is past amber, but could be chance: pooled
        // p = 133 / 800 = 0.16625, SE = √(0.16625 × 0.83375 × 2/400) = 0.02633,
        // z = 0.0325 / 0.02633 = 1.23 < 1.96, so amber.
        #expect(rated(73, 60).change == 3.3)
        #expect(rated(73, 60).rating == .amber)
        // 90 of 400 = 22.5: +7.5, p = 150 / 800 = 0.1875, SE = √(0.1875 × 0.8125 × 2/400)
        // = 0.02760, z = 0.075 / 0.02760 = 2.72 ≥ 1.96: beyond chance, red.
        #expect(rated(90, 60).rating == .red)
    }

    /// The change is worked out from the shown values, as it is read: 65 of 400 = 16.25
    /// shows as 16.3 and 61 of 400 = 15.25 as 15.3, so the change is +1.0 and green.
    @Test func theChangeIsTheShownValuesDifference() {
        let one = rated(65, 61)
        #expect(one.shown == 16.3 && one.previousShown == 15.3 && one.change == 1.0)
        #expect(one.rating == .green)
    }

    /// No figure for the same term last year: nothing to rate, and the explanation says so.
    @Test func noFigureLastYearNoRating() {
        let alone = rated(72, nil)
        #expect(alone.rating == RAGRating.none)
        #expect(alone.greenLine == nil && alone.amberLine == nil)
        #expect(
            RatingExplanation(alone).ruleText.hasSuffix(
                "; no change to rate (no figure for 2023/24 spring), so no rating   (trust default)"))
    }

    /// Last year's figure hidden (fewer than 6 pupils): no change, no rating, and the
    /// explanation says why. 1 of 5 pupils last year is hidden; 72 of 400 now is not.
    @Test func aHiddenFigureLastYearGivesNoChange() {
        let rater = Rater(config: RatingConfig(), academies: academies, benchmarks: [])
        let hidden = figure(1, of: 5, drop: now.sameTermLastYear)
        #expect(hidden.isSuppressed)
        let rated = rater.rate(figure(72, of: 400, drop: now), previous: hidden)
        #expect(rated.change == nil && rated.rating == RAGRating.none)
        #expect(
            RatingExplanation(rated).ruleText.hasSuffix(
                "; no change to rate (its figure for 2023/24 spring is hidden), so no rating   (trust default)"
            ))
    }

    /// The explanation names the rule and why the figure has its colour.
    @Test func theExplanationSaysWhy() {
        // 68 of 400 = 17.0: +2.0 on 15.0.
        let amber = RatingExplanation(rated(68, 60)).ruleText
        #expect(
            amber
                == "rated on its change since 2023/24 spring, not its level (a rise is the early warning, and no "
                + "national figure is compared): green when the change is ≤ +1.0 points · amber ≤ +3.0 · red above; "
                + "the change, +2.0 points, is above green's +1.0 and within amber's +3.0: amber   (trust default)"
        )
        // 80 of 400 = 20.0: +5.0; p = 140 / 800 = 0.175, SE = √(0.175 × 0.825 × 2/400) = 0.02687,
        // z = 0.05 / 0.02687 = 1.86: could be chance.
        #expect(
            RatingExplanation(rated(80, 60)).ruleText.contains(
                "the change, +5.0 points, is above amber's +3.0 but could be chance (z = 1.86, under 1.96, "
                    + "with 400 pupils then and 400 now): amber; red needs a change beyond chance"))
        // 90 of 400: +7.5, z = 2.72 (above).
        #expect(
            RatingExplanation(rated(90, 60)).ruleText.contains(
                "the change, +7.5 points, is above amber's +3.0 and beyond chance (z = 2.72): red"))
        #expect(
            RatingExplanation(rated(60, 60)).ruleText.contains(
                "the change, 0.0 points, is within green's +1.0: green"))
    }

    /// A config sets its own lines; 0 for green makes any rise at least amber.
    @Test func configLines() throws {
        let config = try RatingConfig.parse(
            "rules:\n  at_risk_rate: { change_green: 0, change_amber: 2.0 }\n", file: "test.yaml")
        #expect(config.rules[atRisk] == .change(green: 0, amber: 2.0))
        // 61 of 400 = 15.25 → 15.3: +0.3 on 15.0 is amber now; 69 = 17.25 → 17.3, +2.3, is past
        // amber but could be chance (p = 129 / 800, SE = 0.02601, z = 0.0225 / 0.02601 = 0.87);
        // 84 = 21.0, +6.0, is beyond it (p = 144 / 800, SE = 0.02717, z = 0.06 / 0.02717 = 2.21): red.
        #expect(rated(61, 60, config: config).rating == .amber)
        #expect(rated(69, 60, config: config).rating == .amber)
        #expect(rated(84, 60, config: config).rating == .red)
        #expect(rated(60, 60, config: config).rating == .green)
        #expect(RatingExplanation(rated(61, 60, config: config)).ruleText.hasSuffix("(trust config)"))
        // The level can be rated instead, with absolute lines.
        let lines = try RatingConfig.parse(
            "rules:\n  at_risk_rate: { green: 15, amber: 20 }\n", file: "test.yaml")
        #expect(rated(72, 60, config: lines).rating == .amber)
    }

    /// Bad change lines are refused with the file, line and how to fix them.
    @Test func badConfigLines() {
        func message(_ text: String) -> String? {
            do throws(ConfigError) {
                _ = try RatingConfig.parse(text, file: "test.yaml")
                return nil
            } catch {
                return error.description
            }
        }
        let mixed = message("rules:\n  at_risk_rate: { change_green: 1, amber_within: 2 }\n")
        #expect(mixed?.contains("test.yaml:2") == true)
        #expect(
            mixed?.contains("mixes amber_within, green/amber lines and change_green/change_amber") == true)
        let half = message("rules:\n  at_risk_rate: { change_green: 1 }\n")
        #expect(half?.contains("change_amber") == true)
        #expect(half?.contains("{ change_green: 1.0, change_amber: 3.0 }") == true)
        // Amber better than green (a smaller rise, for a lower-is-better share) is refused.
        let backwards = message("rules:\n  at_risk_rate: { change_green: 2, change_amber: 1 }\n")
        #expect(backwards?.contains("set amber at or above green") == true)
    }
}
