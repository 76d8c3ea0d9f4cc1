import Foundation
import OtklikCore
/// The user's console settings, from `$XDG_CONFIG_HOME/otklik/config.toml`:
///
///     theme = "light"
///     language = "en"
///     russian_layout_aliases = false
///
///     [keys]
///     move-down = ["j", "<Down>", "<C-n>"]   # replaces the action's keys
///     unbind = ["<C-c>"]
///
/// A small TOML subset, parsed here without I/O; errors say `file:line: reason`.
public struct ConsoleConfig: Equatable, Sendable {
    public var theme: String?
    public var language: String?
    public var russianLayoutAliases = true
    /// Action name → its keys, replacing the defaults.
    public var bindings: [(action: Action, keys: [Key])] = []
    public var unbound: [Key] = []

    public init() {}

    public static func == (a: ConsoleConfig, b: ConsoleConfig) -> Bool {
        a.theme == b.theme && a.language == b.language && a.russianLayoutAliases == b.russianLayoutAliases
            && a.bindings.map(\.action) == b.bindings.map(\.action) && a.bindings.map(\.keys) == b.bindings.map(\.keys)
            && a.unbound == b.unbound
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible, Sendable {
        public let path: String
        public let line: Int
        public let reason: String
        public var description: String { "\(path):\(line): \(reason)" }

        public init(path: String, line: Int, reason: String) {
            self.path = path
            self.line = line
            self.reason = reason
        }
    }

    public static func parse(_ text: String, path: String) throws(ParseError) -> ConsoleConfig {
        var config = ConsoleConfig()
        var section = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            func fail(_ reason: String) -> ParseError { ParseError(path: path, line: number, reason: reason) }
            let line = stripComment(String(raw)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw fail("a section header ends with ]") }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                guard section == "keys" else { throw fail("unknown section [\(section)] (only [keys])") }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { throw fail("expected `name = value`") }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if section == "keys" {
                guard let names = stringList(value) else { throw fail("keys are a list of strings, e.g. [\"j\", \"<Down>\"]") }
                var keys: [Key] = []
                for keyName in names {
                    guard let key = Key(name: keyName) else { throw fail("unknown key \"\(keyName)\" (e.g. j, <Down>, <C-d>, <F5>)") }
                    keys.append(key)
                }
                if name == "unbind" {
                    config.unbound += keys
                } else if let action = Action(rawValue: name) {
                    config.bindings.append((action, keys))
                } else {
                    throw fail("unknown action \"\(name)\" (see `?` in the console for the list)")
                }
                continue
            }
            switch name {
            case "theme":
                guard let v = string(value) else { throw fail("theme is a quoted name") }
                config.theme = v
            case "language":
                guard let v = string(value), v == "ru" || v == "en" else { throw fail("language is \"ru\" or \"en\"") }
                config.language = v
            case "russian_layout_aliases":
                guard value == "true" || value == "false" else { throw fail("russian_layout_aliases is true or false") }
                config.russianLayoutAliases = value == "true"
            default:
                throw fail("unknown setting \"\(name)\" (theme, language, russian_layout_aliases, [keys])")
            }
        }
        return config
    }

    /// The key map the config asks for.
    public func keyMap() -> KeyMap {
        var map = KeyMap(russianLayoutAliases: russianLayoutAliases)
        for (action, keys) in bindings {
            for old in map.keys(for: action) { map.bind(old, to: nil) }
            for key in keys { map.bind(key, to: action) }
        }
        for key in unbound { map.bind(key, to: nil) }
        return map
    }

    // The TOML subset is read by the same helpers as the ingest rules and SLA files.
    static func stripComment(_ line: String) -> String { SimpleTOML.stripComment(line) }

    static func string(_ value: String) -> String? {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return nil }
        return SimpleTOML.unescape(String(value.dropFirst().dropLast()))
    }

    static func stringList(_ value: String) -> [String]? { SimpleTOML.stringList(value) }
}
