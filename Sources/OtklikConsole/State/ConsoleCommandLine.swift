import Foundation
import OtklikCore

/// The `:` command line: its commands and their completion.
public enum ConsoleCommandLine {
    /// Command names, with what they take, for completion and `:help`.
    public static let commands: [(name: String, argument: String?)] = [
        ("theme", "NAME"), ("view", "1–9"), ("filter", "TEXT"), ("search", "TEXT"), ("clear", nil),
        ("pause", nil), ("help", nil), ("quit", nil),
    ]

    /// Completes the word at the end of `text` (Tab): a command name, or a theme name
    /// after `theme `. Returns the new text; the longest common prefix when ambiguous.
    public static func complete(_ text: String, themes: [String]) -> String {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        let candidates: [String]
        let word: Substring
        if parts.count <= 1 {
            word = parts.first ?? ""
            candidates = commands.map(\.name)
        } else if parts.count == 2 && parts[0] == "theme" {
            word = parts[1]
            candidates = themes
        } else {
            return text
        }
        let matches = candidates.filter { $0.hasPrefix(word) }
        guard let first = matches.first else { return text }
        var common = first
        for match in matches.dropFirst() {
            while !match.hasPrefix(common) { common.removeLast() }
        }
        let completed = matches.count == 1 ? first + " " : common
        return parts.dropLast().map(String.init).joined(separator: " ") + (parts.count > 1 ? " " : "") + completed
    }

    /// Runs a command line on the state.
    static func run(_ text: String, on state: inout ConsoleState) -> [ConsoleEffect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let name = trimmed.split(separator: " ").first.map(String.init) ?? ""
        let argument = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        let en = state.language == .en
        switch name {
        case "": return []
        case "q", "quit": return [.quit]
        case "help": state.helpVisible = true
        case "theme":
            guard !argument.isEmpty else {
                ConsoleUpdate.say(&state, en ? "Themes: \(state.availableThemes.joined(separator: ", "))"
                                             : "Темы: \(state.availableThemes.joined(separator: ", "))")
                return []
            }
            return [.applyTheme(argument)]
        case "view":
            guard let key = Int(argument), let view = SavedView.builtIn(key: key) else {
                ConsoleUpdate.fail(&state, en ? "view takes a number 1–9" : "view: укажите номер вида 1–9")
                return []
            }
            return ConsoleUpdate.open(view, on: &state)
        case "filter": return ConsoleUpdate.applyFilter(argument, on: &state)
        case "search": return ConsoleUpdate.applySearch(argument, on: &state)
        case "clear": return ConsoleUpdate.clearQuery(on: &state)
        case "pause": return ConsoleUpdate.togglePause(on: &state)
        default:
            ConsoleUpdate.fail(&state, en ? "unknown command «\(name)»: \(commands.map(\.name).joined(separator: ", "))"
                                          : "неизвестная команда «\(name)»: \(commands.map(\.name).joined(separator: ", "))")
        }
        return []
    }
}
