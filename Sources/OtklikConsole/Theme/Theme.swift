/// A colour as a theme names it. `terminalDefault` keeps the terminal's own colour (and
/// its transparency); `ansi` is one of the eight basic colours; `indexed` an xterm-256
/// colour with its eight-colour fallback; `rgb` a 24-bit colour with the xterm-256 index
/// used for it (given by the theme, or the nearest one) and its eight-colour fallback.
/// The terminal's palette is never redefined: a 256-colour terminal gets the index, an
/// 8-colour one the fallback.
public enum ThemeColor: Equatable, Sendable, Hashable {
    case terminalDefault
    case ansi(ANSIColor)
    case indexed(Int, fallback: ANSIColor)
    case rgb(red: UInt8, green: UInt8, blue: UInt8, index: Int, fallback: ANSIColor)

    /// A 24-bit colour whose index is the nearest xterm-256 colour.
    public static func rgb(red: UInt8, green: UInt8, blue: UInt8, fallback: ANSIColor) -> ThemeColor {
        .rgb(red: red, green: green, blue: blue,
             index: XTerm256.nearest(red: red, green: green, blue: blue), fallback: fallback)
    }

    /// The 24-bit value: the theme's own for `rgb`, xterm's standard one for an `indexed`
    /// colour from 16 to 255; nil for the default and the basic colours, whose look
    /// belongs to the terminal.
    public var trueColor: (red: UInt8, green: UInt8, blue: UInt8)? {
        switch self {
        case .terminalDefault, .ansi: nil
        case .indexed(let index, _): XTerm256.rgb(index)
        case .rgb(let red, let green, let blue, _, _): (red, green, blue)
        }
    }
}

public enum ANSIColor: Int, Sendable, Hashable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white

    /// The name theme files use: "black", "red", ….
    public var name: String { String(describing: self) }

    public init?(name: String) {
        guard let color = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = color
    }
}

/// The xterm-256 colours 16–255: the 6×6×6 cube and the 24 greys. (0–15 are the
/// terminal's own palette, whose values the user may have changed.)
public enum XTerm256 {
    /// The channel values of the cube's six steps.
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The colour of index 16…255, or nil for any other index.
    public static func rgb(_ index: Int) -> (red: UInt8, green: UInt8, blue: UInt8)? {
        switch index {
        case 16...231:
            let n = index - 16
            return (cubeLevels[n / 36], cubeLevels[n / 6 % 6], cubeLevels[n % 6])
        case 232...255:
            let level = UInt8(8 + 10 * (index - 232))
            return (level, level, level)
        default:
            return nil
        }
    }

    /// The index (16…255) nearest to a 24-bit colour, by squared distance in RGB; on a
    /// tie the lower index (the cube before the greys).
    public static func nearest(red: UInt8, green: UInt8, blue: UInt8) -> Int {
        var best = 16
        var bestDistance = Int.max
        for index in 16...255 {
            let (r, g, b) = rgb(index)!
            let dr = Int(r) - Int(red), dg = Int(g) - Int(green), db = Int(b) - Int(blue)
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }
}

/// How one role looks.
public struct Style: Equatable, Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        foreground = fg
        background = bg
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }
}

/// Whether a theme is made for a dark or a light terminal background.
public enum ThemeVariant: String, Sendable, Hashable, CaseIterable {
    case dark, light
}

/// Maps every style role to a style, with a monochrome variant (`mono`) used when the
/// terminal has no colours or NO_COLOR is set. Theme files (themes/*.toml, see
/// `ThemeParser` and `ThemeResolver`) are layered over the built-in theme below, which
/// always exists.
public struct Theme: Sendable, Equatable {
    public let name: String
    public let variant: ThemeVariant
    public let styles: [StyleRole: Style]
    public let mono: [StyleRole: Style]

    public init(name: String, variant: ThemeVariant = .dark, styles: [StyleRole: Style], mono: [StyleRole: Style]) {
        self.name = name
        self.variant = variant
        self.styles = styles
        self.mono = mono
    }

    /// The style of a role: from `styles` with colours, from `mono` without (NO_COLOR, or
    /// a terminal without colours). A role a theme does not mention is plain text.
    public func style(for role: StyleRole, color: Bool) -> Style {
        (color ? styles[role] : mono[role]) ?? Style()
    }

    /// The built-in theme's colours, also spelled out in themes/dark.toml.
    private enum Dark {
        static let white = ThemeColor.rgb(red: 0xff, green: 0xff, blue: 0xff, index: 231, fallback: .white)
        static let titleBackground = ThemeColor.rgb(red: 0x00, green: 0x5f, blue: 0x87, index: 24, fallback: .blue)
        static let accent = ThemeColor.rgb(red: 0x5f, green: 0xaf, blue: 0xff, index: 75, fallback: .cyan)
        static let danger = ThemeColor.rgb(red: 0xff, green: 0x5f, blue: 0x5f, index: 203, fallback: .red)
        static let warn = ThemeColor.rgb(red: 0xff, green: 0xd7, blue: 0x5f, index: 221, fallback: .yellow)
        static let ok = ThemeColor.rgb(red: 0x87, green: 0xd7, blue: 0x87, index: 114, fallback: .green)
        static let muted = ThemeColor.rgb(red: 0xa8, green: 0xa8, blue: 0xa8, index: 248, fallback: .white)
    }

    /// Dark, the default: colours on the terminal's own background; the selected row in
    /// reverse video so it is visible with any palette.
    public static let builtIn = Theme(
        name: "dark",
        variant: .dark,
        styles: [
            .headerTitle: Style(fg: Dark.white, bg: Dark.titleBackground, bold: true),
            .headerCounter: Style(bold: true),
            .headerAlert: Style(fg: Dark.danger, bold: true),
            .columnTitle: Style(bold: true, underline: true),
            .rowNew: Style(bold: true),
            .selected: Style(reverse: true),
            .slaOK: Style(fg: Dark.ok),
            .slaWarning: Style(fg: Dark.warn, bold: true),
            .slaBreached: Style(fg: Dark.danger, bold: true),
            .priorityHigh: Style(fg: Dark.danger, bold: true),
            .muted: Style(fg: Dark.muted),
            .statusBar: Style(reverse: true),
            .message: Style(reverse: true),
            .error: Style(fg: Dark.danger, bold: true),
            .hintKey: Style(fg: Dark.accent, bold: true),
            .helpTitle: Style(fg: Dark.white, bg: Dark.titleBackground, bold: true),
            .helpKey: Style(fg: Dark.accent, bold: true),
            .helpText: Style(),
            .searchMatch: Style(fg: Dark.warn, bold: true, underline: true),
            .tagged: Style(fg: Dark.accent, underline: true),
            .separator: Style(fg: Dark.accent),
            .detailTitle: Style(bold: true, underline: true),
            .detailLabel: Style(bold: true),
            .threadCitizen: Style(bold: true),
            .threadReply: Style(fg: Dark.ok, bold: true),
            .threadNote: Style(fg: Dark.accent),
            .prompt: Style(bold: true),
        ],
        mono: [
            .headerTitle: Style(reverse: true),
            .headerCounter: Style(bold: true),
            .headerAlert: Style(bold: true),
            .columnTitle: Style(underline: true),
            .rowNew: Style(bold: true),
            .selected: Style(reverse: true),
            .slaWarning: Style(bold: true),
            .slaBreached: Style(bold: true, reverse: true),
            .priorityHigh: Style(bold: true),
            .statusBar: Style(reverse: true),
            .message: Style(reverse: true),
            .error: Style(bold: true),
            .hintKey: Style(bold: true),
            .helpTitle: Style(reverse: true),
            .helpKey: Style(bold: true),
            .searchMatch: Style(bold: true, underline: true),
            .tagged: Style(underline: true),
            .detailTitle: Style(bold: true, underline: true),
            .threadCitizen: Style(bold: true),
            .threadReply: Style(bold: true),
            .prompt: Style(bold: true),
        ])
}
