import Yams

/// Reading YAML nodes: mappings as checked key-value pairs, text, numbers, and nodes
/// described in words for messages.
extension RatingConfigReader {
    /// The pairs of a mapping, with keys checked to be names and not repeated (in any
    /// case). A null value, such as a section whose lines are all commented out, has none
    /// unless `nullIsEmpty` is false.
    func entries(
        of node: Node, section: String, expected: String, example: String, nullIsEmpty: Bool = true
    ) throws(ConfigError) -> [Entry] {
        if nullIsEmpty, isNull(node) { return [] }
        guard case .mapping(let mapping) = node else {
            throw error(
                at: node,
                .wrongType(section: section, expected: expected, found: describe(node), example: example))
        }
        var firstLines: [String: Int] = [:]
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode, !isNull(keyNode) else {
                let problem = ConfigError.Problem.wrongType(
                    section: "a key in \(section)", expected: "a name", found: describe(keyNode),
                    example: example
                )
                throw error(at: keyNode, problem)
            }
            let name = scalar.string.lowercased()
            if let firstLine = firstLines[name] {
                throw error(at: keyNode, .duplicateKey(scalar.string, firstLine: firstLine))
            }
            firstLines[name] = keyNode.mark?.line ?? 1
            entries.append(Entry(key: scalar.string, name: name, keyNode: keyNode, value: value))
        }
        return entries
    }

    func scalarText(
        _ field: Entry, section: String, expected: String, example: String
    ) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = field.value, !isNull(field.value) else {
            throw error(
                at: field.value,
                .wrongType(
                    section: section, expected: expected, found: describe(field.value), example: example)
            )
        }
        return scalar.string
    }

    func number(_ field: Entry, section: String) throws(ConfigError) -> Number {
        guard case .scalar(let scalar) = field.value, !isNull(field.value) else {
            throw error(
                at: field.value,
                .wrongType(
                    section: "\(field.key) in \(section)", expected: "a number", found: describe(field.value),
                    example: "\(field.key): 95.0"
                )
            )
        }
        let tag = field.value.tag.rawValue
        let isNumeric = tag == Tag.Name.int.rawValue || tag == Tag.Name.float.rawValue
        guard isNumeric, let value = Self.decimal(scalar.string) else {
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            let problem = ConfigError.Problem.notANumber(
                key: field.key, section: section, found: scalar.string,
                quoted: quoted && Self.decimal(scalar.string) != nil
            )
            throw error(at: field.value, problem)
        }
        return Number(value: value, text: scalar.string)
    }

    /// The value of a plain decimal such as `70`, `70.0` or `-0.5`, else nil. YAML 1.1
    /// would read `070` as octal and `1:30` as 90; settings mean neither.
    static func decimal(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let digits = body.filter { ("0"..."9").contains($0) }.count
        let points = body.filter { $0 == "." }.count
        guard digits > 0, points <= 1, digits + points == body.count else { return nil }
        return Double(text)
    }

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
            return false
        }
        return node.tag.rawValue == Tag.Name.null.rawValue
    }

    /// What a node is, in words, for "must be X, not Y".
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): isNull(node) ? "nothing" : "'\(TerminalText.shown(scalar.string))'"
        case .mapping(let mapping): mapping.isEmpty ? "an empty { }" : "a group of key: value settings"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func error(at node: Node, _ problem: ConfigError.Problem) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line ?? 1, column: node.mark?.column, problem)
    }
}
