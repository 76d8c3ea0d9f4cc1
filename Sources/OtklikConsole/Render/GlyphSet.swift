/// The glyphs the screen is drawn with: Unicode line drawing, ellipsis and arrows, or
/// ASCII for a terminal whose locale is not UTF-8 (even after the fallback to C.UTF-8) or
/// when `OTKLIK_ASCII=1` / `--ascii` asks for it — as tig's `line-graphics` and htop's
/// ASCII trees do.
///
/// Applied once to the finished grid (`InboxScreen.render`): every glyph in the table is
/// one cell wide and so is its replacement, so columns stay where they were. Citizens'
/// text passes through it too, which is what such a terminal needs.
public struct GlyphSet: Equatable, Sendable {
    /// Glyph → replacement; empty for Unicode.
    public let replacements: [Character: Character]

    public static let unicode = GlyphSet(replacements: [:])

    public static let ascii: GlyphSet = {
        var table: [Character: Character] = [
            // Lines and corners.
            "│": "|", "┃": "|", "║": "|", "─": "-", "━": "-", "═": "=",
            "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
            // A cut text (tig marks it with ~ outside UTF-8), arrows, marks.
            "…": "~", "→": ">", "←": "<", "↑": "^", "↓": "v", "•": "+", "·": "|",
            // Dashes, minus, quotes, the size sign, the replacement character.
            "—": "-", "–": "-", "−": "-", "«": "\"", "»": "\"", "×": "x", "\u{FFFD}": "?",
        ]
        // Control pictures (␛, ␇ …: citizens' control characters made inert) as ^.
        for value in 0x2400...0x2421 {
            table[Character(Unicode.Scalar(UInt32(value))!)] = "^"
        }
        return GlyphSet(replacements: table)
    }()

    public var isASCII: Bool { !replacements.isEmpty }

    /// ASCII when `OTKLIK_ASCII` is set to anything but "" or "0", or when `forced` (the
    /// `--ascii` option), or when the terminal's locale is not UTF-8; Unicode otherwise.
    public static func choose(localeIsUTF8: Bool, environment: [String: String], forced: Bool = false) -> GlyphSet {
        let variable = environment["OTKLIK_ASCII"] ?? ""
        if forced || !(variable.isEmpty || variable == "0") { return .ascii }
        return localeIsUTF8 ? .unicode : .ascii
    }

    /// Replaces the glyphs of the table in every cell of `grid`.
    public func apply(to grid: inout Grid) {
        guard isASCII else { return }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if !cell.isContinuation, let replacement = replacements[cell.character] {
                    grid[x, y] = Cell(replacement, role: cell.role)
                }
            }
        }
    }
}
