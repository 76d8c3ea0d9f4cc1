/// An error in a theme file, reported the way compilers and tig do: `path:line: reason`.
public struct ThemeError: Error, CustomStringConvertible, Equatable, Sendable {
    public var path: String
    /// 1-based.
    public var line: Int
    public var reason: String

    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(path):\(line): \(reason)" }
}

/// One theme file as written: what it sets, with palette names already replaced by their
/// colours. `applied(to:name:)` layers it over its base theme.
public struct ThemeFile: Equatable, Sendable {
    public var path: String
    /// `[meta] name`, informational; a theme is selected by its file name.
    public var name: String?
    public var variant: ThemeVariant?
    /// `[meta] extends`: the name of the base theme; nil means the built-in theme.
    public var extends: String?
    /// The line of `extends`, for errors found while resolving the base.
    public var extendsLine: Int?
    public var palette: [String: ThemeColor]
    public var styles: [StyleRole: Style]
    public var mono: [StyleRole: Style]

    public init(path: String, name: String? = nil, variant: ThemeVariant? = nil, extends: String? = nil,
                extendsLine: Int? = nil, palette: [String: ThemeColor] = [:], styles: [StyleRole: Style] = [:],
                mono: [StyleRole: Style] = [:]) {
        self.path = path
        self.name = name
        self.variant = variant
        self.extends = extends
        self.extendsLine = extendsLine
        self.palette = palette
        self.styles = styles
        self.mono = mono
    }

    /// This file over `base`: each role this file styles replaces the base's style for
    /// that role as a whole (in `[styles]` and `[mono]` separately); everything else is
    /// the base's.
    public func applied(to base: Theme, name: String) -> Theme {
        Theme(name: name, variant: variant ?? base.variant,
              styles: base.styles.merging(styles) { $1 },
              mono: base.mono.merging(mono) { $1 })
    }
}

/// Parses the TOML subset of theme files (see themes/dark.toml). Pure: the caller reads
/// the file and passes its text and its path (used only in messages).
///
/// ```toml
/// [meta]                       # all optional
/// name    = "night"
/// variant = "dark"             # dark | light
/// extends = "dark"             # a theme name; default: the built-in theme
///
/// [palette]                    # "default", an 8-colour name, or a list of
/// text   = "default"           # "#rrggbb" and/or an xterm-256 index, plus the
/// accent = ["#5fafff", 75, "blue"]   # 8-colour name (required) for 8-colour terminals
///
/// [styles]                     # role = { fg, bg (palette names), bold, underline, reverse }
/// hints.key = { fg = "accent", bold = true }
///
/// [mono]                       # role = attributes: "bold,underline,reverse" or "none"
/// hints.key = "bold"
/// ```
///
/// Not TOML beyond that: one entry per line, double-quoted strings without escapes, no
/// multi-line values, a dotted key is one role name. Sections may come in any order, each
/// at most once. The first error (by line) is thrown.
public enum ThemeParser {
    public static func parse(_ text: String, path: String) throws(ThemeError) -> ThemeFile {
        var parser = Parser(path: path)
        parser.run(text)
        if let first = parser.errors.min(by: { $0.line < $1.line }) { throw first }
        return parser.file
    }
}

// MARK: - Implementation

private enum Section: String, CaseIterable {
    case meta, palette, styles, mono
}

/// A parsed value, before its section gives it a meaning.
private enum Value {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([Value])
    case table([(key: String, value: Value)])

    var kind: String {
        switch self {
        case .string: "a string"
        case .integer: "a number"
        case .boolean: "true/false"
        case .array: "a list"
        case .table: "{ … }"
        }
    }
}

/// A reason without a place; the parser adds path and line.
private struct Failure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A `[styles]` entry waiting for the whole palette to be read.
private struct PendingStyle {
    var role: StyleRole
    var line: Int
    var fg: String?
    var bg: String?
    var bold = false
    var underline = false
    var reverse = false
}

private struct Parser {
    let path: String
    var file: ThemeFile
    var errors: [ThemeError] = []
    /// nil before the first section header and inside an unknown section.
    var section: Section?
    var inUnknownSection = false
    var sectionLines: [Section: Int] = [:]
    /// Keys seen per section, with the line that set them.
    var keyLines: [Section: [String: Int]] = [:]
    var pending: [PendingStyle] = []

    init(path: String) {
        self.path = path
        file = ThemeFile(path: path)
    }

    mutating func run(_ text: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, rawLine) in lines.enumerated() {
            var line = Substring(rawLine)
            if offset == 0, line.first == "\u{FEFF}" { line = line.dropFirst() }
            do throws(Failure) {
                try parseLine(Array(line), number: offset + 1)
            } catch {
                errors.append(ThemeError(path: path, line: offset + 1, reason: error.reason))
            }
        }
        resolveStyles()
    }

    mutating func parseLine(_ characters: [Character], number: Int) throws(Failure) {
        var scanner = Scanner(characters)
        if scanner.atEndOrComment() { return }
        if scanner.peek == "[" {
            try header(&scanner, number: number)
            return
        }
        let key = try scanner.key()
        scanner.skipSpaces()
        guard scanner.take("=") else { throw Failure("malformed line: expected \"\(key) = value\"") }
        let value = try scanner.value()
        guard scanner.atEndOrComment() else { throw Failure("malformed line: unexpected text after the value") }

        if inUnknownSection { return }  // the header already got its error
        guard let section else { throw Failure("malformed line: \"\(key)\" comes before any [section]") }
        if let first = keyLines[section]?[key] {
            throw Failure("duplicate key \"\(key)\" (first set on line \(first))")
        }
        switch section {
        case .meta: try meta(key, value, number: number)
        case .palette: file.palette[key] = try Self.color(value)
        case .styles: try style(key, value, number: number)
        case .mono: try mono(key, value)
        }
        keyLines[section, default: [:]][key] = number
    }

    mutating func header(_ scanner: inout Scanner, number: Int) throws(Failure) {
        _ = scanner.take("[")
        if scanner.peek == "[" { throw Failure("malformed line: arrays of tables ([[…]]) are not supported") }
        scanner.skipSpaces()
        let name = scanner.bareKey()
        scanner.skipSpaces()
        guard !name.isEmpty, scanner.take("]"), scanner.atEndOrComment() else {
            throw Failure("malformed line: expected a section header such as [styles]")
        }
        guard let found = Section(rawValue: name) else {
            section = nil
            inUnknownSection = true
            throw Failure("unknown section [\(name)] (expected [meta], [palette], [styles] or [mono])")
        }
        inUnknownSection = false
        if let first = sectionLines[found] {
            section = nil
            inUnknownSection = true  // its entries would only repeat the error
            throw Failure("duplicate section [\(name)] (first on line \(first))")
        }
        sectionLines[found] = number
        section = found
    }

    mutating func meta(_ key: String, _ value: Value, number: Int) throws(Failure) {
        guard case .string(let text) = value else { throw Failure("\(key) must be a string, not \(value.kind)") }
        switch key {
        case "name":
            file.name = text
        case "variant":
            guard let variant = ThemeVariant(rawValue: text) else {
                throw Failure("bad variant \"\(text)\" (expected \"dark\" or \"light\")")
            }
            file.variant = variant
        case "extends":
            guard !text.isEmpty else { throw Failure("extends must name a theme") }
            file.extends = text
            file.extendsLine = number
        default:
            throw Failure("unknown key \"\(key)\" in [meta] (expected name, variant, extends)")
        }
    }

    static let colorNames = ANSIColor.allCases.map(\.name).joined(separator: ", ")

    /// A palette entry: "default", an 8-colour name, or a list of "#rrggbb", an index
    /// 0–255 and an 8-colour name (required), each at most once.
    static func color(_ value: Value) throws(Failure) -> ThemeColor {
        switch value {
        case .string(let text):
            if text == "default" { return .terminalDefault }
            if let color = ANSIColor(name: text) { return .ansi(color) }
            if text.hasPrefix("#") {
                throw Failure("bad colour \"\(text)\": give an 8-colour name for 8-colour terminals too, as in [\"\(text)\", \"blue\"]")
            }
            throw Failure("bad colour \"\(text)\" (expected \"default\", one of \(colorNames), or a list such as [\"#5fafff\", 75, \"blue\"])")
        case .array(let items):
            var hex: (red: UInt8, green: UInt8, blue: UInt8)?
            var index: Int?
            var fallback: ANSIColor?
            for item in items {
                switch item {
                case .string(let text) where text.hasPrefix("#"):
                    guard hex == nil else { throw Failure("bad colour: two hex values") }
                    guard let rgb = parseHex(text) else { throw Failure("bad colour \"\(text)\" (expected #rrggbb)") }
                    hex = rgb
                case .string(let text):
                    guard fallback == nil else { throw Failure("bad colour: two colour names") }
                    guard let color = ANSIColor(name: text) else {
                        if text == "default" {
                            throw Failure("bad colour: the 8-colour name in a list must be one of \(colorNames) (\"default\" stands alone: name = \"default\")")
                        }
                        throw Failure("bad colour \"\(text)\" (the 8-colour name must be one of \(colorNames))")
                    }
                    fallback = color
                case .integer(let number):
                    guard index == nil else { throw Failure("bad colour: two 256-colour indexes") }
                    guard (0...255).contains(number) else { throw Failure("bad colour \(number) (a 256-colour index is 0–255)") }
                    index = number
                default:
                    throw Failure("bad colour: a list holds \"#rrggbb\", a number 0–255 and a colour name, not \(item.kind)")
                }
            }
            guard let fallback else {
                throw Failure("bad colour: the list needs an 8-colour name (one of \(colorNames)) for 8-colour terminals")
            }
            if let (red, green, blue) = hex {
                return .rgb(red: red, green: green, blue: blue,
                            index: index ?? XTerm256.nearest(red: red, green: green, blue: blue), fallback: fallback)
            }
            if let index { return .indexed(index, fallback: fallback) }
            return .ansi(fallback)
        default:
            throw Failure("bad colour: expected \"default\", a colour name or a list such as [\"#5fafff\", 75, \"blue\"], not \(value.kind)")
        }
    }

    static func parseHex(_ text: String) -> (red: UInt8, green: UInt8, blue: UInt8)? {
        let digits = text.dropFirst()
        guard text.first == "#", digits.count == 6, digits.allSatisfy(\.isHexDigit),
              let value = UInt32(digits, radix: 16) else { return nil }
        return (UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff))
    }

    static func role(_ key: String) throws(Failure) -> StyleRole {
        guard let role = StyleRole(rawValue: key) else { throw Failure("unknown role \"\(key)\"") }
        return role
    }

    mutating func style(_ key: String, _ value: Value, number: Int) throws(Failure) {
        let role = try Self.role(key)
        guard case .table(let entries) = value else {
            throw Failure("\(key) must be { fg = \"…\", bg = \"…\", bold = true, … }, not \(value.kind)")
        }
        var style = PendingStyle(role: role, line: number)
        for (name, entry) in entries {
            switch name {
            case "fg", "bg":
                guard case .string(let colorName) = entry else {
                    throw Failure("\(name) must be a palette name in double quotes, not \(entry.kind)")
                }
                if name == "fg" { style.fg = colorName } else { style.bg = colorName }
            case "bold", "underline", "reverse":
                guard case .boolean(let on) = entry else { throw Failure("\(name) must be true or false, not \(entry.kind)") }
                switch name {
                case "bold": style.bold = on
                case "underline": style.underline = on
                default: style.reverse = on
                }
            default:
                throw Failure("unknown style key \"\(name)\" (expected fg, bg, bold, underline, reverse)")
            }
        }
        pending.append(style)
    }

    mutating func mono(_ key: String, _ value: Value) throws(Failure) {
        let role = try Self.role(key)
        guard case .string(let text) = value else {
            throw Failure("\(key) must be a string of attributes such as \"bold,reverse\" or \"none\", not \(value.kind)")
        }
        let words = text.split(separator: ",", omittingEmptySubsequences: false).map { word in
            String(word.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
        }
        var style = Style()
        if words == ["none"] {
            file.mono[role] = style
            return
        }
        for word in words {
            switch word {
            case "bold": style.bold = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            default:
                throw Failure("bad attribute \"\(word)\" in \"\(text)\" (expected bold, underline, reverse, or \"none\" alone)")
            }
        }
        file.mono[role] = style
    }

    /// Replaces palette names by colours, now that the whole palette is known.
    mutating func resolveStyles() {
        for entry in pending {
            var style = Style(bold: entry.bold, underline: entry.underline, reverse: entry.reverse)
            do throws(Failure) {
                if let fg = entry.fg { style.foreground = try paletteColor(fg) }
                if let bg = entry.bg { style.background = try paletteColor(bg) }
                file.styles[entry.role] = style
            } catch {
                errors.append(ThemeError(path: path, line: entry.line, reason: error.reason))
            }
        }
    }

    /// A name from `[palette]`; "default" works without being defined.
    func paletteColor(_ name: String) throws(Failure) -> ThemeColor {
        if let color = file.palette[name] { return color }
        if name == "default" { return .terminalDefault }
        throw Failure("unknown palette name \"\(name)\"")
    }
}

/// Reads one line of the subset.
private struct Scanner {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) { self.characters = characters }

    var peek: Character? { position < characters.count ? characters[position] : nil }

    mutating func take(_ character: Character) -> Bool {
        guard peek == character else { return false }
        position += 1
        return true
    }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { position += 1 }
    }

    /// Skips spaces; true at the end of the line or at a comment.
    mutating func atEndOrComment() -> Bool {
        skipSpaces()
        return peek == nil || peek == "#"
    }

    static func isBare(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == ".")
    }

    mutating func bareKey() -> String {
        let start = position
        while let c = peek, Self.isBare(c) { position += 1 }
        return String(characters[start..<position])
    }

    /// A bare key (letters, digits, `_`, `-`, `.`) or a double-quoted one.
    mutating func key() throws(Failure) -> String {
        skipSpaces()
        if peek == "\"" {
            let key = try string()
            guard !key.isEmpty else { throw Failure("malformed line: empty key") }
            return key
        }
        let key = bareKey()
        guard !key.isEmpty else {
            throw Failure("malformed line: expected \"key = value\", [section] or a # comment")
        }
        return key
    }

    mutating func string() throws(Failure) -> String {
        _ = take("\"")
        let start = position
        while let c = peek, c != "\"" {
            if c == "\\" { throw Failure("malformed line: escapes (\\) are not supported in strings") }
            position += 1
        }
        guard peek == "\"" else { throw Failure("malformed line: unterminated string") }
        let text = String(characters[start..<position])
        position += 1
        return text
    }

    mutating func value() throws(Failure) -> Value {
        skipSpaces()
        guard let c = peek else { throw Failure("malformed line: missing value after \"=\"") }
        switch c {
        case "\"":
            return .string(try string())
        case "[":
            position += 1
            var items: [Value] = []
            while true {
                skipSpaces()
                if take("]") { return .array(items) }
                items.append(try value())
                skipSpaces()
                if take(",") { continue }
                if take("]") { return .array(items) }
                throw Failure("malformed line: expected \",\" or \"]\" in a list (lists stay on one line)")
            }
        case "{":
            position += 1
            var entries: [(key: String, value: Value)] = []
            while true {
                skipSpaces()
                if take("}") { return .table(entries) }
                let key = try key()
                skipSpaces()
                guard take("=") else { throw Failure("malformed line: expected \"\(key) = value\" inside { … }") }
                let entry = try value()
                if entries.contains(where: { $0.key == key }) { throw Failure("duplicate key \"\(key)\"") }
                entries.append((key, entry))
                skipSpaces()
                if take(",") { continue }
                if take("}") { return .table(entries) }
                throw Failure("malformed line: expected \",\" or \"}\" (a { … } stays on one line)")
            }
        case "-", "+", "0"..."9":
            let start = position
            position += 1
            while let d = peek, d.isASCII, d.isNumber || d == "_" { position += 1 }
            let digits = String(characters[start..<position].filter { $0 != "_" })
            guard let number = Int(digits) else { throw Failure("malformed line: bad number \"\(digits)\"") }
            return .integer(number)
        default:
            let word = bareKey()
            switch word {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            case "": throw Failure("malformed line: unexpected \"\(c)\"")
            default: throw Failure("malformed line: \(word) needs double quotes: \"\(word)\"")
            }
        }
    }
}
