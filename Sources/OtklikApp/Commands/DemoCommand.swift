import ArgumentParser
import Foundation
import OtklikCore
import OtklikStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create (or reuse) the demo region's store and open the console on it.",
        discussion: """
            The demo region «\(DemoRegion.regionName)»: \(DemoRegion.municipalities.count) municipalities, \
            \(DemoRegion.agencies.count) agencies in two time zones, \(DemoRegion.topics.count) topics, SLA \
            policies, reply templates and operators, and incidents from every source over the last 30 days. \
            The same --seed and --size give the same store. An existing demo store with the same seed and size \
            is reused (with the work done in it) unless --fresh is given.
            """)

    @Option(name: .long, help: "The demo store file (default: $XDG_DATA_HOME/otklik/demo.sqlite).")
    var db: String?

    @Option(name: .long, help: "How many incidents to generate (1…1000000).")
    var size: Int = 4_000

    @Option(name: .long, help: "The random seed; the same seed and size give the same incidents.")
    var seed: UInt64 = 2026

    @Flag(name: .long, help: "Generate anew even if a matching demo store exists.")
    var fresh = false

    @Flag(name: .long, help: "Only create the store; do not open the console.")
    var noOpen = false

    @OptionGroup var options: ConsoleOptions

    func validate() throws {
        guard (1...1_000_000).contains(size) else { throw ValidationError("--size must be between 1 and 1000000") }
    }

    func run() throws {
        let path = StoreLocation.resolveDemo(explicit: db)
        let language = try options.language()
        let store = try DemoStore.prepare(path: path, seed: seed, size: size, fresh: fresh, now: Date(), log: printError)
        if !noOpen {
            try ConsoleLauncher.run(store: store, language: language, operatorLogin: options.operatorLogin ?? ProcessInfo.processInfo.environment["OTKLIK_OPERATOR"] ?? "ivanova",
                                      theme: options.theme, ascii: options.ascii)
        }
    }
}

/// Creating or reusing a demo store file.
public enum DemoStore {
    /// Opens the demo store at `path`, generating it when missing, different or `fresh`.
    /// Refuses to replace a file that is not a demo store.
    public static func prepare(path: String, seed: UInt64, size: Int, fresh: Bool, now: Date,
                               log: (String) -> Void) throws -> Store {
        if FileManager.default.fileExists(atPath: path) {
            let existing = try openStore(path)
            let stamp = try existing.demoStamp()
            if let stamp, stamp.seed == seed, stamp.size == size, !fresh {
                log("Using the demo store \(path) (seed \(seed), \(size) incidents).")
                return existing
            }
            if try !existing.isDemoStore(), try existing.inboxCount() > 0 {
                throw ValidationError("\(path) is not a demo store; refusing to overwrite it")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try openStore(path)
        let started = Date()
        let showProgress = standardErrorIsTerminal && size >= 20_000
        try store.populateDemo(seed: seed, size: size, now: now, progress: { stored in
            if showProgress { FileHandle.standardError.write(Data("\r\(stored) / \(size)".utf8)) }
        }, phase: { name, seconds in
            if size >= 100_000 { log(String(format: "  %@: %.1f s", name, seconds)) }
        })
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        log(String(format: "Created the demo store %@: %d incidents in %.1f s.", path, size, Date().timeIntervalSince(started)))
        return store
    }
}
