import ArgumentParser
import OtklikStore

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the incident console (the default).")

    @Option(name: .long, help: storeFileHelp)
    var db: String?

    @OptionGroup var options: ConsoleOptions

    func run() throws {
        let store = try openStore(StoreLocation.resolve(explicit: db))
        try ConsoleLauncher.run(store: store, language: try options.language(), operatorLogin: options.login(), theme: options.theme,
                                ascii: options.ascii)
    }
}
