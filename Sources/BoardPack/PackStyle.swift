/// The pack's one style sheet: system fonts, A4 pages with a running header (trust, drop,
/// page number) and the marking at the top and foot of every page, page breaks between
/// sections, and ratings that keep their marks and words in black and white.
enum PackStyle {
    /// The CSS, with `header` and `marking` written as CSS strings for the page boxes.
    static func css(header: String, marking: String) -> String {
        let header = CSSText.quoted(header)
        let marking = CSSText.quoted(marking)
        return """
            @page { size: A4; margin: 16mm 13mm 15mm 13mm;
              @top-left { content: \(header); font: 8pt system-ui, sans-serif; color: #333; white-space: nowrap; }
              @top-center { content: \(marking); font: bold 8pt system-ui, sans-serif; white-space: nowrap; }
              @top-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif;
                color: #333; white-space: nowrap; }
              @bottom-center { content: \(marking); font: bold 8pt system-ui, sans-serif; white-space: nowrap; }
            }
            :root { color-scheme: light; }
            body { font: 9.5pt/1.35 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #111;
              margin: 0; }
            /* On screen, a page's width; in print the page box sets it (a max-width here would
               shrink the printed page, which Chromium lays out wider than A4 and scales). */
            @media screen { body { max-width: 190mm; margin: 0 auto; padding: 0 4mm 8mm; } }
            section { break-before: page; padding-top: 2mm; }
            section.cover { break-before: auto; }
            h1 { font-size: 20pt; margin: 0 0 4mm; }
            h2 { font-size: 14pt; margin: 0 0 1.5mm; }
            h3 { font-size: 10.5pt; margin: 3mm 0 1mm; break-after: avoid; }
            p { margin: 1mm 0; }
            .muted { color: #444; }
            .marking { text-align: center; font-weight: bold; letter-spacing: 0.05em; border: 1px solid #111;
              padding: 1mm; margin: 2mm 0; }
            @media print { .screen-only { display: none; } }
            /* Printed, every page is laid out 1000 CSS pixels wide and scaled to the A4 page's
               184 mm (about 0.7), whatever the tables hold. Without a width, Chromium lays a page
               out at 184 mm and shrinks the whole pack until its widest table fits, so one long
               word on one academy's page made every page of the pack smaller. */
            @media print { body { width: 1000px; } }
            /* On screen, pack.html#summary (or #academy-URN, #changes, #method) shows that
               section alone, under the marking: a page to send or to screenshot. The marking
               stays at the top of the window, so it is in every view of the pack, and stands
               for the cover's, which the printed cover carries (the page boxes carry it on
               paper; the screen has none). */
            @media screen {
              body:has(section:target) section:not(:target) { display: none; }
              body > .marking { position: sticky; top: 0; z-index: 1; background: #fff; margin-top: 0; }
              section { scroll-margin-top: 10mm; }
              .cover .marking { display: none; }
            }
            .cover { padding-top: 30mm; }
            .cover .marking { font-size: 12pt; margin-bottom: 20mm; }
            .cover h1 { font-size: 26pt; }
            .cover .subtitle { font-size: 15pt; margin-bottom: 8mm; }
            .cover ol { font-size: 11pt; line-height: 1.6; }
            /* A collapsed border lies half outside its table: 1pt less than the page keeps the
               right-hand border inside the printed area. */
            table { border-collapse: collapse; width: calc(100% - 1pt); margin: 0 0 1.5mm; font-size: 8.5pt; }
            th, td { border: 0.5pt solid #999; padding: 0.6mm 1.4mm; text-align: left; vertical-align: top; }
            th { background: #eee; font-weight: 600; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr { break-inside: avoid; }
            td.r-green { background: #d7efd9; }
            td.r-amber { background: #fbe7b6; }
            td.r-red { background: #f6d0d0; font-weight: 700; }
            td.r-suppressed, td.r-none { color: #444; }
            .why { font-size: 6.5pt; white-space: nowrap; }
            .academy table { font-size: 7.5pt; }
            /* Tighter headings on an academy's page: with its reasons and bands it has six or
               seven, and the page must hold them all. */
            .academy h3 { margin: 2mm 0 0.8mm; }
            /* Why a figure is hidden wraps on an academy's page (the attendance and absence
               table writes it under the row's label): kept on one line, "hidden to protect a
               small group" widened that table past the page. */
            .academy .why { white-space: normal; }
            .academy th, .academy td { padding: 0.3mm 0.9mm; }
            table.absence th.measure { text-align: center; border-left: 1.2pt solid #555; }
            td.r-green, td.r-amber, td.r-red, td.r-none, td.r-suppressed { white-space: nowrap; }
            /* minmax(0, 1fr): a long cell wraps inside its column instead of widening the page. */
            .panels { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 3mm; }
            .panels .wide { grid-column: 1 / span 2; }
            .panels3 { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); column-gap: 3mm; }
            .charts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); column-gap: 2mm;
              break-inside: avoid; }
            .chart { width: 100%; height: auto; }
            .chart text { font-family: system-ui, sans-serif; fill: #111; }
            .c-title { font-size: 10px; font-weight: 700; }
            .c-unit { font-size: 8px; fill: #444; }
            .c-tick { font-size: 7.5px; }
            .c-label { font-size: 7.5px; font-style: italic; }
            .c-value { font-size: 8px; font-weight: 700; }
            /* A white halo keeps a label readable where it crosses a line. */
            .c-value, .c-label { paint-order: stroke; stroke: #fff; stroke-width: 2.4px; stroke-linejoin: round; }
            .c-grid { stroke: #ddd; stroke-width: 0.5; }
            .c-axis { stroke: #111; stroke-width: 0.8; }
            .c-line { fill: none; stroke: #111; stroke-width: 1.4; }
            .c-national { fill: none; stroke: #555; stroke-width: 1.1; stroke-dasharray: 4 2.5; }
            .m-green { fill: #2e7d32; stroke: #111; stroke-width: 0.7; }
            .m-amber { fill: #f2b705; stroke: #111; stroke-width: 0.7; }
            .m-red { fill: #c62828; stroke: #111; stroke-width: 0.7; }
            .m-none { fill: #fff; stroke: #111; stroke-width: 0.8; }
            ul.gaps { margin: 0.5mm 0 0 4mm; padding: 0; }
            .key { font-size: 8pt; color: #333; }
            .counts td.n { width: 9mm; }

            """
    }
}
