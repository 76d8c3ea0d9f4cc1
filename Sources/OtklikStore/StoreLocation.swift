import Foundation

/// Where the store file lives: `--db PATH`, then `OTKLIK_DB`, then
/// `$XDG_DATA_HOME/otklik/otklik.sqlite` (default `~/.local/share/otklik/otklik.sqlite`).
public enum StoreLocation {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnv = environment["OTKLIK_DB"], !fromEnv.isEmpty { return fromEnv }
        return dataDirectory(environment: environment) + "/otklik.sqlite"
    }

    /// Where the built-in demo store lives unless a path is given.
    public static func resolveDemo(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        return dataDirectory(environment: environment) + "/demo.sqlite"
    }

    static func dataDirectory(environment: [String: String]) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return base + "/otklik"
    }
}
