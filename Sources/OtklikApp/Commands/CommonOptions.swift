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

    func language() throws -> Language {
        guard let language = Language.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment) else {
            throw ValidationError("unknown language \(lang ?? ""): use ru or en")
        }
        return language
    }

    func login() -> String {
        let env = ProcessInfo.processInfo.environment
        return operatorLogin ?? env["OTKLIK_OPERATOR"] ?? env["USER"] ?? "operator"
    }
}

/// Opens a store, turning failures into a clear message.
func openStore(_ path: String) throws -> Store {
    do {
        return try Store.open(path: path)
    } catch {
        throw ValidationError("\(error)")
    }
}

/// Whether standard error is a terminal (progress output only then).
var standardErrorIsTerminal: Bool { isatty(2) == 1 }

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
