import Foundation
import OtklikConsole
import OtklikCore
import OtklikStore
import OtklikTerminal

/// Opens the console on a store in the real terminal and runs it until the user quits.
public enum ConsoleLauncher {
    public static func run(store: Store, language: Language, operatorLogin: String) throws {
        let clock = SystemClock()
        let source = try StoreInboxSource(store: store)
        let center = try store.centerName()
        let zone = try store.setting("center.time_zone").flatMap(TimeZone.init(identifier:)) ?? .current
        let person = try store.operatorProfile(login: operatorLogin)
        let roleName = person.map { language == .en ? $0.role.rawValue : Self.russianRole($0.role) } ?? (language == .en ? "guest" : "гость")
        let terminal = try NcursesTerminal(theme: .builtIn)
        let state = ConsoleState(
            width: terminal.width, height: terminal.height, language: language, centerName: center,
            operatorLabel: "\(operatorLogin) · \(roleName)", timeZone: zone, now: clock.now)
        let runtime = ConsoleRuntime(state: state, terminal: terminal, source: source, clock: clock)
        do {
            try runtime.run()
        } catch {
            terminal.shutdown()  // restore the terminal before the error is printed
            throw error
        }
        terminal.shutdown()
        // Ended by a signal: exit as the shell expects (128 + signal number).
        if let signal = terminal.terminationSignal { exit(128 + signal) }
    }

    static func russianRole(_ role: OperatorRole) -> String {
        switch role {
        case .operator: "оператор"
        case .supervisor: "руководитель"
        case .admin: "администратор"
        }
    }
}
