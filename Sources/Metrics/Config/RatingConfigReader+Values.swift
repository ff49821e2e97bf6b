import Yams

/// Reading the values of rules, targets and headlines, and checking their numbers.
extension RatingConfigReader {
    /// A rule: `{ amber_within }`, `{ green, amber }` or `{ change_green, change_amber }`
    /// (lines on the change since the same term last year), checked against `kpi`'s unit
    /// and direction (for a `SUBJECT_` key, those of any one of its KPIs).
    func rule(_ item: Entry, for kpi: KPI) throws(ConfigError) -> RatingRule {
        let section = "the rule for \(item.key)"
        let shapes =
            "{ amber_within: MARGIN }, { green: LINE, amber: LINE } or { change_green: CHANGE, change_amber: CHANGE }"
        let example = "\(item.key): \(Self.ruleExample(for: kpi))"
        let fields = try entries(
            of: item.value, section: section, expected: shapes, example: example, nullIsEmpty: false)
        guard !fields.isEmpty else {
            throw error(
                at: item.keyNode,
                .wrongType(section: section, expected: shapes, found: describe(item.value), example: example)
            )
        }
        var margin: (field: Entry, number: Number)?
        var green: (field: Entry, number: Number)?
        var amber: (field: Entry, number: Number)?
        var changeGreen: (field: Entry, number: Number)?
        var changeAmber: (field: Entry, number: Number)?
        for field in fields {
            switch field.name {
            case "amber_within": margin = (field, try number(field, section: section))
            case "green": green = (field, try number(field, section: section))
            case "amber": amber = (field, try number(field, section: section))
            case "change_green": changeGreen = (field, try number(field, section: section))
            case "change_amber": changeAmber = (field, try number(field, section: section))
            default:
                let allowed = ["amber_within", "green", "amber", "change_green", "change_amber"]
                throw error(at: field.keyNode, .unknownKey(field.key, section: section, allowed: allowed))
            }
        }
        if changeGreen != nil || changeAmber != nil {
            if let other = margin ?? green ?? amber {
                throw error(at: other.field.keyNode, .mixedRule(section: section))
            }
            return try changeRule(item, green: changeGreen, amber: changeAmber, kpi: kpi, section: section)
        }
        if let margin {
            if let other = green ?? amber {
                throw error(at: other.field.keyNode, .mixedRule(section: section))
            }
            guard margin.number.value >= 0 else {
                throw error(
                    at: margin.field.value, .negativeMargin(section: section, value: margin.number.text))
            }
            if kpi.isPercentage { try checkPercentage(margin.number, of: margin.field, section: section) }
            return .benchmark(amberWithin: margin.number.value)
        }
        let linesExample = "\(item.key): \(Self.linesExample(for: kpi))"
        guard let green else {
            throw error(at: item.keyNode, .missingKey("green", section: section, example: linesExample))
        }
        guard let amber else {
            throw error(at: item.keyNode, .missingKey("amber", section: section, example: linesExample))
        }
        if kpi.isPercentage {
            try checkPercentage(green.number, of: green.field, section: section)
            try checkPercentage(amber.number, of: amber.field, section: section)
        }
        try checkAmber(amber.number, of: amber.field, against: green.number, kpi: kpi, section: section)
        return .absolute(green: green.number.value, amber: amber.number.value)
    }

    /// A change rule's two lines, both needed, amber on the worse side of green. They are
    /// changes, so a percentage's may be negative (a fall demanded for green).
    private func changeRule(
        _ item: Entry, green: (field: Entry, number: Number)?, amber: (field: Entry, number: Number)?,
        kpi: KPI,
        section: String
    ) throws(ConfigError) -> RatingRule {
        let example = "\(item.key): { change_green: 1.0, change_amber: 3.0 }"
        guard let green else {
            throw error(at: item.keyNode, .missingKey("change_green", section: section, example: example))
        }
        guard let amber else {
            throw error(at: item.keyNode, .missingKey("change_amber", section: section, example: example))
        }
        try checkAmber(amber.number, of: amber.field, against: green.number, kpi: kpi, section: section)
        return .change(green: green.number.value, amber: amber.number.value)
    }

    /// A target: a number, the green line, or `{ green, amber }` with amber optional.
    func target(_ item: Entry, for kpi: KPI, at urn: URN) throws(ConfigError) -> RatingTarget {
        let section = "the target for \(kpi.key) at \(urn)"
        if case .scalar = item.value, !isNull(item.value) {
            let green = try number(item, section: "the targets for \(urn)")
            if kpi.isPercentage { try checkPercentage(green, of: item, section: "the targets for \(urn)") }
            return RatingTarget(green: green.value)
        }
        let shapes = "a number or { green: LINE, amber: LINE }"
        let example = "\(item.key): \(Self.linesExample(for: kpi))"
        guard case .mapping = item.value else {
            throw error(
                at: item.value,
                .wrongType(section: section, expected: shapes, found: describe(item.value), example: example)
            )
        }
        var green: Number?
        var amber: (field: Entry, number: Number)?
        for field in try entries(of: item.value, section: section, expected: shapes, example: example) {
            let value: Number
            switch field.name {
            case "green", "amber": value = try number(field, section: section)
            default:
                throw error(
                    at: field.keyNode, .unknownKey(field.key, section: section, allowed: ["green", "amber"]))
            }
            if kpi.isPercentage { try checkPercentage(value, of: field, section: section) }
            if field.name == "green" { green = value } else { amber = (field, value) }
        }
        guard let green else {
            throw error(at: item.keyNode, .missingKey("green", section: section, example: example))
        }
        if let amber {
            try checkAmber(amber.number, of: amber.field, against: green, kpi: kpi, section: section)
        }
        return RatingTarget(green: green.value, amber: amber?.number.value)
    }

    /// A headline: `{ kpi, year_group }`, both required.
    func headline(_ item: Entry, for phase: Phase) throws(ConfigError) -> Headline {
        let section = "the headline for \(phase.rawValue)"
        let example = "\(phase.rawValue): { kpi: rwm_expected, year_group: 6 }"
        let fields = try entries(
            of: item.value, section: section, expected: "{ kpi: KEY, year_group: YEAR }", example: example,
            nullIsEmpty: false
        )
        var kpi: KPI?
        var yearGroup: YearGroup?
        for field in fields {
            switch field.name {
            case "kpi":
                let key = try scalarText(
                    field, section: "kpi in \(section)", expected: "a KPI key", example: example)
                kpi = try self.kpi(named: key, at: field.value, section: section, allowed: Self.kpiKeys)
            case "year_group":
                let text = try scalarText(
                    field, section: "year_group in \(section)", expected: "a year group", example: example
                )
                guard let group = YearGroup(rawValue: text) else {
                    throw error(at: field.value, .invalidYearGroup(text))
                }
                yearGroup = group
            default:
                let allowed = ["kpi", "year_group"]
                throw error(at: field.keyNode, .unknownKey(field.key, section: section, allowed: allowed))
            }
        }
        guard let kpi else {
            throw error(at: item.keyNode, .missingKey("kpi", section: section, example: example))
        }
        guard let yearGroup else {
            throw error(at: item.keyNode, .missingKey("year_group", section: section, example: example))
        }
        return Headline(kpi: kpi, yearGroup: yearGroup)
    }

    /// The KPI a key names; a `SUBJECT_` key here is misplaced.
    func kpi(named key: String, at node: Node, section: String, allowed: [String]) throws(ConfigError)
        -> KPI
    {
        // `rules` takes its family keys before asking here.
        if Family(rawValue: key.lowercased()) != nil { throw error(at: node, .familyKeyOutsideRules(key)) }
        guard let kpi = KPI(key: key) else {
            throw error(at: node, .unknownKPI(key, section: section, allowed: allowed))
        }
        return kpi
    }

    private func checkPercentage(_ number: Number, of field: Entry, section: String) throws(ConfigError) {
        guard (0...100).contains(number.value) else {
            throw error(
                at: field.value, .percentOutOfRange(key: field.key, section: section, value: number.text))
        }
    }

    /// Amber must not be better than green; equal leaves no amber band.
    private func checkAmber(
        _ amber: Number, of field: Entry, against green: Number, kpi: KPI, section: String
    ) throws(ConfigError) {
        let onWorseSide =
            switch kpi.direction {
            case .higherIsBetter: amber.value <= green.value
            case .lowerIsBetter: amber.value >= green.value
            }
        guard onWorseSide else {
            throw error(
                at: field.value,
                .amberBetterThanGreen(
                    section: section, green: green.text, amber: amber.text, direction: kpi.direction)
            )
        }
    }

    /// The KPI's built-in rule, written as in the file, for messages.
    private static func ruleExample(for kpi: KPI) -> String {
        switch RatingRule.builtIn(for: kpi) {
        case .benchmark(let margin)?: "{ amber_within: \(margin) }"
        case .absolute(let green, let amber)?: "{ green: \(green), amber: \(amber) }"
        case .change(let green, let amber)?: "{ change_green: \(green), change_amber: \(amber) }"
        case nil: "{ amber_within: 1.0 }"
        }
    }

    /// A sensible `{ green, amber }` for the KPI, for messages.
    private static func linesExample(for kpi: KPI) -> String {
        if !kpi.isPercentage { return "{ green: 0.0, amber: -0.5 }" }
        return kpi.direction == .higherIsBetter ? "{ green: 70, amber: 65 }" : "{ green: 10, amber: 15 }"
    }
}
