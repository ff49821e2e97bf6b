import Yams

extension ConfigError {
    /// Turns an error thrown by Yams while composing `text` into a `ConfigError` on the
    /// line Yams points at.
    init(yamlError error: any Error, file: String, text: String) {
        guard let error = error as? YamlError else {
            self.init(file: file, line: 1, .syntax(problem: String(describing: error), context: nil))
            return
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            self.init(
                file: file, line: mark.line, column: mark.column,
                .syntax(problem: problem, context: context.map { Self.describe($0, problemLine: mark.line) })
            )
        case .reader(let problem, let offset, _, _):
            let line = offset.map { Self.line(atCharacterOffset: $0, in: text) } ?? 1
            self.init(file: file, line: line, .syntax(problem: problem, context: nil))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the first of the repeated keys, not the repeat.
            self.init(
                file: file, line: context.mark.line, column: context.mark.column,
                .duplicateKey(duplicates.first ?? "?", firstLine: nil)
            )
        default:
            self.init(file: file, line: 1, .syntax(problem: String(describing: error), context: nil))
        }
    }

    /// libyaml's context, such as "while parsing a flow mapping", with its line when
    /// that differs from the problem's, since an unclosed bracket is found lines later.
    private static func describe(_ context: YamlError.Context, problemLine: Int) -> String {
        context.mark.line == problemLine
            ? context.text : "\(context.text) that starts on line \(context.mark.line)"
    }

    /// The 1-based line holding the character `offset` characters into `text`.
    private static func line(atCharacterOffset offset: Int, in text: String) -> Int {
        1 + text.prefix(offset).reduce(0) { count, character in character.isNewline ? count + 1 : count }
    }
}
