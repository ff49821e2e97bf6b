import Foundation

/// Text folded for matching what people type against names: case, accents and the
/// typographic apostrophe do not matter, so `st mary's` finds "St Mary’s" and `bronte`
/// finds "Ashby Brontë Academy".
public enum SearchText {
    /// `text` lower-cased, without accents, with curly apostrophes and quotes made straight.
    public static func fold(_ text: String) -> String {
        let straight = text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
            .replacingOccurrences(of: "ʼ", with: "'")
        return straight.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// True when `name` holds `query`, both folded.
    public static func matches(_ name: String, _ query: String) -> Bool {
        fold(name).contains(fold(query))
    }
}
