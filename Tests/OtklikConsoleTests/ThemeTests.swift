import Foundation
import OtklikConsole
import Testing

// Theme files (themes/*.toml), their parser, and choosing a theme.

/// The repository's themes/ folder, found from this file's path.
private let themesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // OtklikConsoleTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // the repository
    .appendingPathComponent("themes")

private let shippedThemes = ["dark", "light", "high-contrast", "mono"]

/// Reads themes/<name>.toml the way the application would; the path in messages is
/// relative, as in `themes/x.toml:17: …`.
private func loadShipped(_ name: String) -> (text: String, path: String)? {
    let url = themesFolder.appendingPathComponent("\(name).toml")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
    return (text, "themes/\(name).toml")
}

/// A loader over in-memory files: name → text, at path themes/<name>.toml.
private func loader(_ files: [String: String]) -> ThemeResolver.Loader {
    { name in files[name].map { ($0, "themes/\(name).toml") } }
}

private func shipped(_ name: String) throws -> Theme {
    try ThemeResolver.theme(named: name, load: loadShipped).get()
}

private func parseError(_ text: String, path: String = "themes/x.toml") -> String? {
    do {
        _ = try ThemeParser.parse(text, path: path)
        return nil
    } catch {
        return error.description
    }
}

// MARK: - Nearest xterm-256 colour

@Test(arguments: [
    ("#ff5f5f", 203), ("#5fafff", 75), ("#000000", 16), ("#808080", 244), ("#ffffff", 231),
    ("#005f87", 24), ("#121212", 233), ("#ff0000", 196), ("#fe6060", 203), ("#7f7f7f", 244),
])
func nearestXterm256(hex: String, index: Int) throws {
    let file = try ThemeParser.parse("[palette]\nc = [\"\(hex)\", \"red\"]\n", path: "t.toml")
    guard case .rgb(_, _, _, let computed, .red) = file.palette["c"] else {
        Issue.record("expected an rgb colour, got \(String(describing: file.palette["c"]))")
        return
    }
    #expect(computed == index)
}

@Test func everyXterm256ColourIsItsOwnNearest() throws {
    for index in 16...255 {
        let (r, g, b) = try #require(XTerm256.rgb(index))
        #expect(XTerm256.nearest(red: r, green: g, blue: b) == index)
    }
    #expect(XTerm256.rgb(15) == nil)
    #expect(XTerm256.rgb(256) == nil)
}

// MARK: - Shipped themes

@Test(arguments: shippedThemes)
func shippedThemeParses(name: String) throws {
    let (text, path) = try #require(loadShipped(name), "themes/\(name).toml is missing")
    let file = try ThemeParser.parse(text, path: path)
    #expect(file.name == name)
    let theme = try shipped(name)
    #expect(theme.name == name)
    // The selected row is reverse video, with and without colours.
    #expect(theme.style(for: .selected, color: true).reverse)
    #expect(theme.style(for: .selected, color: false).reverse)
}

@Test func shippedFolderListsTheShippedThemes() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: themesFolder.path)
    #expect(ThemeResolver.availableThemes(fileNames: files) == shippedThemes.sorted())
}

@Test func darkFileEqualsTheBuiltInTheme() throws {
    let dark = try shipped("dark")
    #expect(dark.variant == Theme.builtIn.variant)
    for role in StyleRole.allCases {
        #expect(dark.style(for: role, color: true) == Theme.builtIn.style(for: role, color: true), "\(role.rawValue)")
        #expect(dark.style(for: role, color: false) == Theme.builtIn.style(for: role, color: false), "\(role.rawValue)")
    }
}

@Test func monoThemeHasNoColours() throws {
    let mono = try shipped("mono")
    for role in StyleRole.allCases {
        for color in [true, false] {
            let style = mono.style(for: role, color: color)
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault, "\(role.rawValue)")
        }
        #expect(mono.style(for: role, color: true) == mono.style(for: role, color: false), "\(role.rawValue)")
    }
}

@Test func highContrastSelectsWithReverseAndBold() throws {
    let theme = try shipped("high-contrast")
    #expect(theme.style(for: .selected, color: true) == Style(bold: true, reverse: true))
    #expect(theme.style(for: .selected, color: false) == Style(bold: true, reverse: true))
}

/// Grey text (r = g = b, neither black nor white) only in the `muted` role.
@Test(arguments: shippedThemes)
func nothingEssentialIsGrey(name: String) throws {
    let theme = try shipped(name)
    for role in StyleRole.allCases where role != .muted {
        let fg = theme.style(for: role, color: true).foreground
        if let (r, g, b) = fg.trueColor {
            #expect(!(r == g && g == b && r > 0 && r < 255), "\(name): \(role.rawValue) is grey")
        }
    }
}

/// Every 24-bit colour in the shipped themes is exactly the xterm colour of its index,
/// so 256-colour and direct-colour terminals show the same thing.
@Test(arguments: shippedThemes)
func shippedColoursMatchTheirIndex(name: String) throws {
    let (text, path) = try #require(loadShipped(name))
    for (entry, color) in try ThemeParser.parse(text, path: path).palette {
        if case .rgb(let r, let g, let b, let index, _) = color {
            let xterm = try #require(XTerm256.rgb(index))
            #expect(xterm == (r, g, b), "\(name): \(entry)")
        }
    }
}

/// Light foregrounds would vanish on a light background.
@Test func lightThemeUsesDarkForegrounds() throws {
    let theme = try shipped("light")
    #expect(theme.variant == .light)
    for role in StyleRole.allCases {
        let style = theme.style(for: role, color: true)
        guard style.background == .terminalDefault, !style.reverse, let (r, g, b) = style.foreground.trueColor else { continue }
        let luma = 0.299 * Double(r) + 0.587 * Double(g) + 0.114 * Double(b)
        #expect(luma < 110, "\(role.rawValue): luma \(luma)")
    }
}

// MARK: - Parsing

@Test func parsesEveryKindOfValue() throws {
    let text = """
        # a comment\r
        [meta]\r
        name = "t"   # the hex below is in a string, not a comment\r
        variant = "light"\r
        \r
        [palette]
        text = "default"
        basic = "blue"
        indexed = [75, "blue",]
        computed = ["#5fafff", "blue"]
        given = [ "#5fafff" , 80 , "cyan" ]

        [styles]
        "hints.key" = { fg = "indexed", bold = true, }
        sla.ok = { fg = "computed", bg = "default", underline = true, reverse = false }
        sla.none = {}
        inbox.new = { fg = "basic", bg = "given" }

        [mono]
        hints.key = " bold , underline "
        sla.ok = "none"
        """
    let file = try ThemeParser.parse(text, path: "t.toml")
    #expect(file.name == "t")
    #expect(file.variant == .light)
    #expect(file.extends == nil)
    #expect(file.palette == [
        "text": .terminalDefault,
        "basic": .ansi(.blue),
        "indexed": .indexed(75, fallback: .blue),
        "computed": .rgb(red: 0x5f, green: 0xaf, blue: 0xff, index: 75, fallback: .blue),
        "given": .rgb(red: 0x5f, green: 0xaf, blue: 0xff, index: 80, fallback: .cyan),
    ])
    #expect(file.styles == [
        .hintKey: Style(fg: .indexed(75, fallback: .blue), bold: true),
        .slaOK: Style(fg: .rgb(red: 0x5f, green: 0xaf, blue: 0xff, index: 75, fallback: .blue), underline: true),
        .slaNone: Style(),
        .rowNew: Style(fg: .ansi(.blue), bg: .rgb(red: 0x5f, green: 0xaf, blue: 0xff, index: 80, fallback: .cyan)),
    ])
    #expect(file.mono == [.hintKey: Style(bold: true, underline: true), .slaOK: Style()])
}

@Test(arguments: [
    // (file text, expected message)
    ("[styles]\ninbox.selectd = { reverse = true }\n",
     #"themes/x.toml:2: unknown role "inbox.selectd""#),
    ("[meta]\nname = \"x\"\n[colours]\nred = \"red\"\n",
     "themes/x.toml:3: unknown section [colours] (expected [meta], [palette], [styles] or [mono])"),
    ("[palette]\naccent = [\"#5fafff\", 75, \"blue\"]\n\n[styles]\nhints.key = { fg = \"acent\" }\n",
     #"themes/x.toml:5: unknown palette name "acent""#),
    ("[palette]\ndanger = [\"#ff5f5\", 203, \"red\"]\n",
     ##"themes/x.toml:2: bad colour "#ff5f5" (expected #rrggbb)"##),
    ("[palette]\ndanger = [\"#ff5f5f\", 300, \"red\"]\n",
     "themes/x.toml:2: bad colour 300 (a 256-colour index is 0–255)"),
    ("[palette]\n# no fallback\ndanger = [\"#ff5f5f\", 203]\n",
     "themes/x.toml:3: bad colour: the list needs an 8-colour name (one of black, red, green, yellow, blue, magenta, cyan, white) for 8-colour terminals"),
    ("[palette]\ndanger = \"crimson\"\n",
     ##"themes/x.toml:2: bad colour "crimson" (expected "default", one of black, red, green, yellow, blue, magenta, cyan, white, or a list such as ["#5fafff", 75, "blue"])"##),
    ("[styles]\nsla.ok = { fg = ok }\n",
     #"themes/x.toml:2: malformed line: ok needs double quotes: "ok""#),
    ("[styles\n",
     "themes/x.toml:1: malformed line: expected a section header such as [styles]"),
    ("[mono]\nsla.warning \"bold\"\n",
     #"themes/x.toml:2: malformed line: expected "sla.warning = value""#),
    ("[mono]\nsla.warning = \"bold\" extra\n",
     "themes/x.toml:2: malformed line: unexpected text after the value"),
    ("[meta]\nname = \"x\n",
     "themes/x.toml:2: malformed line: unterminated string"),
    ("name = \"x\"\n",
     #"themes/x.toml:1: malformed line: "name" comes before any [section]"#),
    ("[mono]\nsla.warning = \"bold\"\n\nsla.warning = \"underline\"\n",
     #"themes/x.toml:4: duplicate key "sla.warning" (first set on line 2)"#),
    ("[styles]\nsla.ok = { bold = true, bold = false }\n",
     #"themes/x.toml:2: duplicate key "bold""#),
    ("[mono]\n[meta]\n[mono]\n",
     "themes/x.toml:3: duplicate section [mono] (first on line 1)"),
    ("[mono]\nsla.warning = \"bold,blink\"\n",
     #"themes/x.toml:2: bad attribute "blink" in "bold,blink" (expected bold, underline, reverse, or "none" alone)"#),
    ("[styles]\nsla.ok = { italic = true }\n",
     #"themes/x.toml:2: unknown style key "italic" (expected fg, bg, bold, underline, reverse)"#),
    ("[styles]\nsla.ok = { bold = \"yes\" }\n",
     "themes/x.toml:2: bold must be true or false, not a string"),
    ("[meta]\nvariant = \"dim\"\n",
     #"themes/x.toml:2: bad variant "dim" (expected "dark" or "light")"#),
    ("[meta]\ncolour = \"dark\"\n",
     #"themes/x.toml:2: unknown key "colour" in [meta] (expected name, variant, extends)"#),
    // The earliest error wins, though palette names are checked after the whole file.
    ("[styles]\nsla.ok = { fg = \"nope\" }\n[palette]\nok = \"green\"\nbad = \n",
     #"themes/x.toml:2: unknown palette name "nope""#),
])
func reportsFileLineAndReason(text: String, expected: String) {
    #expect(parseError(text) == expected)
}

@Test func errorIsAValue() {
    #expect(throws: ThemeError(path: "a.toml", line: 1, reason: "unknown section [x] (expected [meta], [palette], [styles] or [mono])")) {
        try ThemeParser.parse("[x]", path: "a.toml")
    }
    #expect(ThemeError(path: "a.toml", line: 7, reason: "r").description == "a.toml:7: r")
}

@Test func monoIsUsedWithoutColours() throws {
    let file = try ThemeParser.parse("""
        [palette]
        warn = ["#ffd75f", 221, "yellow"]
        [styles]
        sla.warning = { fg = "warn" }
        [mono]
        sla.warning = "underline"
        """, path: "t.toml")
    let theme = file.applied(to: .builtIn, name: "t")
    #expect(theme.style(for: .slaWarning, color: true) == Style(fg: .rgb(red: 0xff, green: 0xd7, blue: 0x5f, index: 221, fallback: .yellow)))
    #expect(theme.style(for: .slaWarning, color: false) == Style(underline: true))
    // Not set in the file: the built-in theme's, both ways.
    #expect(theme.style(for: .slaBreached, color: false) == Theme.builtIn.style(for: .slaBreached, color: false))
    #expect(theme.style(for: .selected, color: false) == Style(reverse: true))
}

// MARK: - extends

private let baseFile = """
    [meta]
    variant = "light"
    [palette]
    blue = [26, "blue"]
    [styles]
    sla.warning = { fg = "blue", bold = true }
    hints.key = { fg = "blue" }
    [mono]
    hints.key = "underline"
    """

@Test func extendsLayersOverTheBaseAndTheBuiltIn() throws {
    let child = """
        [meta]
        extends = "base"
        [palette]
        red = "red"
        [styles]
        sla.warning = { fg = "red" }
        """
    let file = try ThemeParser.parse(child, path: "themes/child.toml")
    #expect(file.extends == "base")
    #expect(file.extendsLine == 2)

    let theme = try ThemeResolver.theme(named: "child", load: loader(["base": baseFile, "child": child])).get()
    #expect(theme.name == "child")
    #expect(theme.variant == .light)  // from the base
    // Its own style replaces the base's whole (no bold left over).
    #expect(theme.style(for: .slaWarning, color: true) == Style(fg: .ansi(.red)))
    // The base's.
    #expect(theme.style(for: .hintKey, color: true) == Style(fg: .indexed(26, fallback: .blue)))
    #expect(theme.style(for: .hintKey, color: false) == Style(underline: true))
    // The built-in theme's.
    #expect(theme.style(for: .slaBreached, color: true) == Theme.builtIn.style(for: .slaBreached, color: true))
    #expect(theme.style(for: .selected, color: true) == Style(reverse: true))
}

@Test func extendsErrorsPointAtTheRightFile() {
    func error(_ files: [String: String], _ name: String) -> String? {
        if case .failure(let error) = ThemeResolver.theme(named: name, load: loader(files)) { return error.description }
        return nil
    }
    #expect(error(["a": "[meta]\nextends = \"nowhere\"\n"], "a")
            == #"themes/a.toml:2: extends unknown theme "nowhere""#)
    #expect(error(["a": "[meta]\nextends = \"b\"\n", "b": "\n[meta]\nextends = \"a\"\n"], "a")
            == "themes/b.toml:3: extends cycle: a → b → a")
    #expect(error(["a": "[meta]\nextends = \"a\"\n"], "a") == "themes/a.toml:2: extends cycle: a → a")
    #expect(error(["a": "[meta]\nextends = \"b\"\n", "b": "[styles]\nsla.warnin = {}\n"], "a")
            == #"themes/b.toml:2: unknown role "sla.warnin""#)
    #expect(error(["a": "[meta]\nextends = \"../b\"\n"], "a")
            == #"themes/a.toml:2: extends "../b": give a theme name (the <name> of themes/<name>.toml), not a path"#)
    // "dark" is the built-in theme when there is no dark.toml.
    #expect(error(["a": "[meta]\nextends = \"dark\"\n"], "a") == nil)
}

// MARK: - Choosing a theme

private let files = [
    "light": "[meta]\nvariant = \"light\"\n",
    "mono": "[styles]\nsla.ok = {}\n",
    "broken": "[meta]\nname = \"broken\"\n\n[styles]\ninbox.selectd = { reverse = true }\n",
]

@Test func precedenceFlagEnvironmentConfigBuiltIn() {
    let load = loader(files)
    var r = ThemeResolver.resolve(flag: "light", environment: "mono", config: "mono", load: load)
    #expect(r.theme.name == "light" && r.source == .flag && r.warning == nil)
    r = ThemeResolver.resolve(flag: nil, environment: "mono", config: "light", load: load)
    #expect(r.theme.name == "mono" && r.source == .environment && r.warning == nil)
    r = ThemeResolver.resolve(flag: nil, environment: nil, config: "light", load: load)
    #expect(r.theme.name == "light" && r.source == .config && r.warning == nil)
    r = ThemeResolver.resolve(flag: nil, environment: nil, config: nil, load: load)
    #expect(r.theme == .builtIn && r.source == .builtIn && r.warning == nil)
    // Blank counts as not given.
    r = ThemeResolver.resolve(flag: " ", environment: "", config: "light", load: load)
    #expect(r.theme.name == "light" && r.source == .config && r.warning == nil)
}

@Test func brokenOrMissingThemesFallBackWithAWarning() {
    let load = loader(files)
    var r = ThemeResolver.resolve(flag: "broken", environment: "mono", config: nil, load: load)
    #expect(r.theme.name == "mono" && r.source == .environment)
    #expect(r.warning == #"themes/broken.toml:5: unknown role "inbox.selectd""#)

    r = ThemeResolver.resolve(flag: "nosuch", environment: nil, config: "broken", load: load)
    #expect(r.theme == .builtIn && r.source == .builtIn)
    #expect(r.warning == #"theme "nosuch" not found; themes/broken.toml:5: unknown role "inbox.selectd""#)

    // Names, not paths.
    r = ThemeResolver.resolve(flag: "themes/light.toml", environment: nil, config: nil, load: load)
    #expect(r.theme == .builtIn)
    #expect(r.warning == #"theme "themes/light.toml": give a theme name (the <name> of themes/<name>.toml), not a path"#)
    r = ThemeResolver.resolve(flag: nil, environment: "light.toml", config: "light", load: load)
    #expect(r.theme.name == "light" && r.source == .config)
    #expect(r.warning == #"theme "light.toml": give the name without ".toml": "light""#)

    // The same bad name is reported once.
    r = ThemeResolver.resolve(flag: "nosuch", environment: "nosuch", config: "nosuch", load: load)
    #expect(r.warning == #"theme "nosuch" not found"#)
}

@Test func darkIsTheBuiltInWithoutAFile() {
    let r = ThemeResolver.resolve(flag: "dark", environment: nil, config: nil, load: loader([:]))
    #expect(r.theme == .builtIn && r.source == .flag && r.warning == nil)
}

@Test func resolvesTheShippedThemes() {
    for name in shippedThemes {
        let r = ThemeResolver.resolve(flag: nil, environment: name, config: nil, load: loadShipped)
        #expect(r.theme.name == name && r.source == .environment && r.warning == nil)
    }
}

@Test func listsAvailableThemes() {
    let names = ThemeResolver.availableThemes(fileNames: [
        "mono.toml", "light.toml", "README.md", ".hidden.toml", "light.toml", "/etc/otklik/themes/night.toml", ".toml",
    ])
    #expect(names == ["dark", "light", "mono", "night"])
    #expect(ThemeResolver.availableThemes(fileNames: []) == ["dark"])
}
