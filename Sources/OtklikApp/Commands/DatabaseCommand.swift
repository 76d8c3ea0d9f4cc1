import ArgumentParser
import Foundation
import OtklikCore
import OtklikStore

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create, migrate and inspect the store.",
        subcommands: [Status.self, Stress.self],
        defaultSubcommand: Status.self)

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or migrate the store if needed and print its location, schema and counts.")

        @Option(name: .long, help: storeFileHelp)
        var db: String?

        func run() throws {
            let path = StoreLocation.resolve(explicit: db)
            let store = try openStore(path)
            print("store:      \(path)")
            print("migrations: \(try store.appliedMigrations().joined(separator: ", "))")
            print("incidents:  \(try store.inboxCount())")
            for (status, count) in try store.countByStatus().sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                print("  \(status.rawValue): \(count)")
            }
        }
    }

    /// A diagnostic for shared storage: several of these at once on one file show whether
    /// locking works there (network file systems often break SQLite's locks).
    struct Stress: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register test incidents in short transactions while reading (shared-store check).",
            shouldDisplay: false)

        @Option(name: .long) var db: String
        @Option(name: .long) var writes: Int = 100
        @Option(name: .long) var label: String = "stress"

        func run() throws {
            let store = try openStore(db)
            var numbers: [Int] = []
            for index in 0..<writes {
                let number = try store.registerIncident(
                    NewIncident(source: .email, externalID: "\(label)-\(index)", text: "Проверка \(label) №\(index): счёт за отопление",
                                createdAt: Date()),
                    at: Date(), actor: "system:stress")
                numbers.append(number)
                _ = try store.inboxPage(offset: 0, limit: 20)
            }
            print("\(label): wrote \(numbers.count), total now \(try store.inboxCount())")
        }
    }
}
