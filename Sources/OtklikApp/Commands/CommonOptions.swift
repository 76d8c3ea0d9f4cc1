import ArgumentParser
import Foundation
import OtklikConsole
import OtklikStore

/// Options every console-opening command shares.
struct ConsoleOptions: ParsableArguments {
    @Option(name: .long, help: "Interface language: ru (default) or en. An English locale also selects en.")
    var lang: String?

    @Option(name: .customLong("operator"), help: "Log in as this operator (default: $OTKLIK_OPERATOR, then $USER).")
    var operatorLogin: String?

    @Option(name: .long, help: "Theme name (themes/NAME.toml; default: $OTKLIK_THEME, then the config file, then dark).")
    var theme: String?

    @Flag(name: .long, help: "Draw lines, ellipsis and arrows in ASCII (also OTKLIK_ASCII=1; automatic without a UTF-8 locale).")
    var ascii = false

    /// The language asked for by --lang or the locale; nil leaves it to the config file.
    func language() throws -> Language? {
        if let lang {
            guard let language = Language(rawValue: lang.lowercased()) else {
                throw ValidationError("unknown language \(lang): use ru or en")
            }
            return language
        }
        let env = ProcessInfo.processInfo.environment
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].compactMap { env[$0] }.first { !$0.isEmpty }
        // An English locale asks for English; any other leaves it to the config (default ru).
        return locale?.lowercased().hasPrefix("en") == true ? .en : nil
    }

    func login() -> String {
        let env = ProcessInfo.processInfo.environment
        return operatorLogin ?? env["OTKLIK_OPERATOR"] ?? env["USER"] ?? "operator"
    }
}

/// Opens a store, turning failures into a clear message.
func openStore(_ path: String) throws -> Store {
    do {
        return try Store.open(path: path) { pending in
            printError("otklik: updating the store \(path) (\(pending.joined(separator: ", "))); a large store takes up to a minute…")
        }
    } catch {
        throw ValidationError("\(error)")
    }
}

/// Whether standard error is a terminal (progress output only then).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The help of every command's `--db` (where `StoreLocation` looks without it).
let storeFileHelp = ArgumentHelp("The store file (default: $OTKLIK_DB, then $XDG_DATA_HOME/otklik/otklik.sqlite).")
