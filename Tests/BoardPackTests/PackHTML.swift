import Foundation

/// Pieces of a pack's HTML for tests to read: a section by id, a table row by its label.
struct PackHTML {
    let text: String

    /// The section with `id`, from its opening tag to its end; empty when there is none.
    func section(_ id: String) -> PackHTML {
        guard let open = text.range(of: "id=\"\(id)\">") else { return PackHTML(text: "") }
        let rest = text[open.upperBound...]
        let end = rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
        return PackHTML(text: String(rest[..<end]))
    }

    /// Every table row whose first cell is `label`, or starts with it and a line break
    /// (the attendance and absence table writes why a row's figures are hidden there).
    func rows(_ label: String) -> [String] {
        text.components(separatedBy: "<tr>").dropFirst().compactMap { piece in
            guard piece.hasPrefix("<td>\(label)</td>") || piece.hasPrefix("<td>\(label)<br>") else {
                return nil
            }
            return "<tr>" + (piece.components(separatedBy: "</tr>").first ?? "") + "</tr>"
        }
    }
}
