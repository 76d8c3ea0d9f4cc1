import Foundation
import OtklikConsole
import OtklikCore
import OtklikStore
import OtklikTerminal

/// Opens the console on a store in the real terminal and runs it until the user quits.
public enum ConsoleLauncher {
    public static func run(store: Store, language: Language?, operatorLogin: String, theme: String?, ascii: Bool = false) throws {
        let clock = SystemClock()
        let source = try StoreInboxSource(store: store)
        let center = try store.centerName()
        let zone = try store.setting("center.time_zone").flatMap(TimeZone.init(identifier:)) ?? .current
        let (config, configWarning) = ConsoleFiles.loadConfig()
        let language = language ?? config.language.flatMap(Language.init(rawValue:)) ?? .ru
        let resolution = ThemeResolver.resolve(flag: theme, environment: ConsoleFiles.environment["OTKLIK_THEME"],
                                               config: config.theme, load: ConsoleFiles.loadTheme)
        let person = try store.operatorProfile(login: operatorLogin)
        let roleName = person.map { language == .en ? $0.role.rawValue : Self.russianRole($0.role) } ?? (language == .en ? "guest" : "гость")
        let terminal = try NcursesTerminal(theme: resolution.theme)
        var state = ConsoleState(
            width: terminal.width, height: terminal.height, language: language, centerName: center,
            operatorLabel: "\(operatorLogin) · \(roleName)", timeZone: zone, now: clock.now,
            keyMap: config.keyMap(), operatorLogin: operatorLogin)
        state.themeName = resolution.theme.name
        state.glyphs = GlyphSet.choose(localeIsUTF8: terminal.isUTF8, environment: ConsoleFiles.environment, forced: ascii)
        state.availableThemes = ConsoleFiles.availableThemes
        if let warning = [configWarning, resolution.warning].compactMap({ $0 }).first {
            state.message = warning
            state.messageIsError = true
        }
        let runtime = ConsoleRuntime(state: state, terminal: terminal, source: source, clock: clock,
                                     themes: { ThemeResolver.theme(named: $0, load: ConsoleFiles.loadTheme) })
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
