/// A colour as a theme names it. `terminalDefault` keeps the terminal's own colour (and
/// its transparency); `ansi` is one of the eight basic colours; `indexed` an xterm-256
/// colour with its eight-colour fallback.
public enum ThemeColor: Equatable, Sendable, Hashable {
    case terminalDefault
    case ansi(ANSIColor)
    case indexed(Int, fallback: ANSIColor)
}

public enum ANSIColor: Int, Sendable, Hashable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
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

/// Maps every style role to a style, with a monochrome variant for terminals without
/// colour and for NO_COLOR. Theme files (themes/*.toml) arrive with the full console; the
/// built-in theme below is the fallback that always exists.
public struct Theme: Sendable {
    public let name: String
    public let styles: [StyleRole: Style]
    public let mono: [StyleRole: Style]

    public func style(for role: StyleRole, color: Bool) -> Style {
        (color ? styles[role] : mono[role]) ?? Style()
    }

    /// Dark, the default: colours on the terminal's own background; the selected row in
    /// reverse video so it is visible with any palette.
    public static let builtIn = Theme(
        name: "dark",
        styles: [
            .headerTitle: Style(fg: .indexed(231, fallback: .white), bg: .indexed(24, fallback: .blue), bold: true),
            .headerCounter: Style(bold: true),
            .headerAlert: Style(fg: .indexed(203, fallback: .red), bold: true),
            .columnTitle: Style(bold: true, underline: true),
            .rowNew: Style(bold: true),
            .selected: Style(reverse: true),
            .slaOK: Style(fg: .indexed(114, fallback: .green)),
            .slaWarning: Style(fg: .indexed(221, fallback: .yellow), bold: true),
            .slaBreached: Style(fg: .indexed(203, fallback: .red), bold: true),
            .priorityHigh: Style(fg: .indexed(203, fallback: .red), bold: true),
            .muted: Style(fg: .indexed(248, fallback: .white)),
            .statusBar: Style(reverse: true),
            .message: Style(reverse: true),
            .error: Style(fg: .indexed(203, fallback: .red), bold: true),
            .hintKey: Style(fg: .indexed(75, fallback: .cyan), bold: true),
            .helpTitle: Style(fg: .indexed(231, fallback: .white), bg: .indexed(24, fallback: .blue), bold: true),
            .helpKey: Style(fg: .indexed(75, fallback: .cyan), bold: true),
            .helpText: Style(),
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
        ])
}
