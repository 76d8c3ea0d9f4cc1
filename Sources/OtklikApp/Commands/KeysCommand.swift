import ArgumentParser
import OtklikConsole

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the console's key reference (Markdown, from the action declarations).")

    func run() throws {
        print(KeyReference.markdown(), terminator: "")
    }
}
