import Foundation
import Metrics
import Testing

@testable import BoardPack

/// Every name the reader accepts comes out of the pack as text: quotes, `<script>`,
/// ampersands and all, in the page, its attributes, the charts and the print header.
@Suite("HTML escaping")
struct HTMLEscapingTests {
    static let hostileTrust = "Evil \"Trust\" </style><script>alert('t')</script> & Co\\"
    static let hostileAcademy = "O'Brien <img src=x onerror=alert(1)> & \"Sons\" <script>"

    /// The test trust with hostile names, and one hostile marking.
    static let html: String = {
        var data = PackTrust.data
        data.academies[0].name = hostileAcademy
        return PackTrust.pack(data: data, trustName: hostileTrust, marking: "SECRET</style><b>").html()
    }()

    @Test("Every character that could open a tag or end an attribute is a reference")
    func escapesMarkup() {
        #expect(
            HTML.escape("<script>alert('x')</script> & \"q\"")
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        // Control characters are not allowed in HTML even as references.
        #expect(HTML.escape("a\u{1B}[2Jb\u{7}") == "a\u{FFFD}[2Jb\u{FFFD}")
    }

    @Test("A CSS string keeps its quotes and cannot end the style element")
    func escapesCSS() {
        #expect(CSSText.quoted("a\"b\\c</style>") == "\"a\\\"b\\\\c\\3C /style\\3E \"")
    }

    @Test("Hostile names never become markup")
    func noMarkupFromNames() {
        let html = Self.html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains(HTML.escape(Self.hostileAcademy)))
        #expect(html.contains("<h1>\(HTML.escape(Self.hostileTrust))</h1>"))
        // The style element is closed exactly once, by the pack itself.
        #expect(html.components(separatedBy: "</style>").count == 2)
    }

    @Test("Every tag in the pack is one the pack writes")
    func onlyKnownTags() throws {
        let allowed: Set<String> = [
            "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "div", "section", "h1", "h2", "h3",
            "p", "ol",
            "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "svg", "desc", "text", "line",
            "polyline",
            "polygon", "circle", "rect", "br", "span",
        ]
        let tag = try Regex("<(/?)([!A-Za-z][A-Za-z0-9]*)")
        var found: Set<String> = []
        for match in Self.html.matches(of: tag) {
            if let name = match.output[2].substring { found.insert(String(name)) }
        }
        #expect(found.subtracting(allowed).isEmpty, "unexpected tags: \(found.subtracting(allowed).sorted())")
    }

    @Test("The print header carries the names as CSS strings")
    func printHeader() {
        #expect(
            Self.html.contains(
                "@top-left { content: \"Evil \\\"Trust\\\" \\3C /style\\3E \\3C script\\3E alert('t')\\3C /script\\3E  \\26  Co\\\\ · 2025/26 spring\";"
            ))
        #expect(Self.html.contains("@top-center { content: \"SECRET\\3C /style\\3E \\3C b\\3E \";"))
    }
}
