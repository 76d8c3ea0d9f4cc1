import ArgumentParser
import Foundation
import OtklikConsole
import OtklikTerminal

/// `otklik doctor`: what the console would make of this terminal. For support calls
/// ("the letters are missing", "Esc is slow", "arrow keys type letters") and for the
/// tests that check the SSH settings through a real sshd.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the terminal: type, size, UTF-8, colours, ESC delay, SSH.")

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(theme: Theme.builtIn, environment: environment)
        } catch {
            throw ValidationError("\(error)")
        }
        let report = [
            "terminal:  \(terminal.termName) (TERM=\(environment["TERM"] ?? ""))",
            "size:      \(terminal.width)×\(terminal.height)\(terminal.width < 80 || terminal.height < 24 ? " — smaller than 80×24" : "")",
            "UTF-8:     \(terminal.isUTF8 ? "yes" : "no — Cyrillic cannot be shown; set LANG=ru_RU.UTF-8 or C.UTF-8")",
            "colours:   \(terminal.usesColor ? "yes" : "no")\(environment["NO_COLOR"] != nil ? " (NO_COLOR)" : "")",
            "ESC delay: \(terminal.escapeDelay) ms\(environment["ESCDELAY"] != nil ? " (ESCDELAY)" : environment["SSH_TTY"] != nil ? " (SSH session)" : " (local)")",
        ]
        terminal.shutdown()
        print(report.joined(separator: "\n"))
    }
}
