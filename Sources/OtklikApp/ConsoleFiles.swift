import Foundation
import OtklikConsole

/// Where the console's own files are: the config file and theme folders.
enum ConsoleFiles {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `$XDG_CONFIG_HOME/otklik` (default `~/.config/otklik`).
    static var configDirectory: String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/otklik" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/otklik"
    }

    /// The config file, or nil when there is none. A broken file is reported, not fatal.
    static func loadConfig() -> (config: ConsoleConfig, warning: String?) {
        let path = configDirectory + "/config.toml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return (ConsoleConfig(), nil) }
        do {
            return (try ConsoleConfig.parse(text, path: path), nil)
        } catch {
            return (ConsoleConfig(), "\(error)")
        }
    }

    /// Folders searched for `NAME.toml`, first match wins: the user's, then those shipped
    /// beside the program (an installed `share/otklik/themes`, or the source tree's
    /// `themes/` when run with `swift run`).
    static var themeDirectories: [String] {
        var folders = [configDirectory + "/themes"]
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        folders.append(folder.deletingLastPathComponent().appendingPathComponent("share/otklik/themes").path)
        for _ in 0..<6 {
            folders.append(folder.appendingPathComponent("themes").path)
            folder = folder.deletingLastPathComponent()
        }
        return folders
    }

    static func loadTheme(named name: String) -> (text: String, path: String)? {
        for folder in themeDirectories {
            let path = folder + "/\(name).toml"
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return (text, path) }
        }
        return nil
    }

    static var availableThemes: [String] {
        let names = themeDirectories.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
        return ThemeResolver.availableThemes(fileNames: names)
    }
}
