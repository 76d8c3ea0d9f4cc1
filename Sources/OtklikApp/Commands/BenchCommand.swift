import ArgumentParser
import Foundation
import OtklikCore
import OtklikStore

/// The benchmark harness: builds (or reuses) a large demo store and prints medians of
/// the operations the console depends on. Figures, not pass/fail: compare runs on the
/// same machine.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Build a large demo store and print a table of timings (medians of several runs).")

    @Option(name: .long, help: "Incidents in the benchmark store.")
    var size: Int = 1_000_000

    @Option(name: .long, help: "Runs per measurement.")
    var runs: Int = 9

    @Option(name: .long, help: "The benchmark store (default: $TMPDIR/otklik-bench-SIZE.sqlite, reused when it matches).")
    var db: String?

    @Flag(name: .long, help: "Regenerate the store even if it exists.")
    var fresh = false

    @Flag(name: .long, help: "Only the SLA engine: deadlines of --size incidents computed in memory (no store).")
    var sla = false

    func validate() throws {
        guard (1...1_000_000).contains(size) else { throw ValidationError("--size must be between 1 and 1000000") }
        guard runs >= 3 else { throw ValidationError("--runs must be at least 3") }
    }

    func run() throws {
        if sla {
            var results = BenchTable()
            SLABench.measure(count: size, runs: runs, into: &results)
            print("Otklik benchmark — SLA engine, \(size) incidents, \(runs) runs each, \(ProcessInfo.processInfo.activeProcessorCount) cores")
            print(results.render())
            return
        }
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("otklik-bench-\(size).sqlite").path
        var results = BenchTable()

        let generationStart = Date()
        var generated = false
        let store = try DemoStore.prepare(path: path, seed: 42, size: size, fresh: fresh, now: Date()) { line in
            generated = line.hasPrefix("Created")
            printError(line)
        }
        if generated {
            results.add("generate \(size) incidents (once)", [Date().timeIntervalSince(generationStart)])
        }
        let total = try store.inboxCount()

        // The generator alone, without the store: how much of generation is ours.
        results.measure("demo generator alone, 20,000 incidents", runs: 3) {
            var generator = DemoGenerator(seed: 1, size: 20_000, now: Date())
            while generator.next() != nil {}
        }
        try results.measure("open store (pool + migration check)", runs: runs) { _ = try Store.open(path: path) }
        try results.measure("inbox: first page by deadline (50)", runs: runs) { _ = try store.inboxPage(offset: 0, limit: 50) }
        try results.measure("inbox: window of 400 rows", runs: runs) { _ = try store.inboxPage(offset: 0, limit: 400) }
        try results.measure("inbox: page in the middle (50)", runs: runs) { _ = try store.inboxPage(offset: total / 2, limit: 50) }
        try results.measure("count by status", runs: runs) { _ = try store.countByStatus() }
        try results.measure("header counters (new/open/at risk/overdue)", runs: runs) { _ = try store.counters(now: Date()) }
        try results.measure("full text: «снег» (50 nearest deadlines)", runs: runs) { _ = try store.search("снег", limit: 50) }
        try results.measure("full text: «счёт» = «счет» (50)", runs: runs) { _ = try store.search("счёт", limit: 50) }
        try results.measure("full text: two words «горячей воды»", runs: runs) { _ = try store.search("горячей воды", limit: 50) }
        let filters: [(String, InboxFilter)] = try [
            ("filter: статус:новый", InboxFilter.parse("статус:новый")),
            ("filter: просрочено источник:вк", InboxFilter.parse("просрочено источник:вк")),
            ("filter: тема:дороги ведомство:Упрдор", InboxFilter.parse("тема:дороги ведомство:Упрдор")),
            ("view: Мои (ivanova)", SavedView.builtIn(key: 2)!.filter(now: Date(), timeZone: TimeZone(identifier: DemoRegion.centerTimeZone)!)),
        ]
        for (name, filter) in filters {
            try results.measure("\(name) — count + first 50", runs: runs) {
                _ = try store.inboxCount(filter: filter, operatorLogin: "ivanova", now: Date())
                _ = try store.inboxPage(filter: filter, operatorLogin: "ivanova", now: Date(), offset: 0, limit: 50)
            }
        }

        // The other orders of the inbox (`o`): a window at the top and the last one (G),
        // unfiltered and under a broad filter.
        let openFilter = try InboxFilter.parse("открытые")
        for sort in InboxSort.allCases where sort != .deadline {
            try results.measure("sort \(sort.rawValue): first window (400)", runs: runs) {
                _ = try store.inboxPage(filter: .all, sort: sort, operatorLogin: "ivanova", now: Date(), offset: 0, limit: 400)
            }
            try results.measure("sort \(sort.rawValue): last window (400)", runs: runs) {
                _ = try store.inboxPage(filter: .all, sort: sort, operatorLogin: "ivanova", now: Date(), offset: max(0, total - 400), limit: 400)
            }
            try results.measure("sort \(sort.rawValue), filter открытые: first window (400)", runs: runs) {
                _ = try store.inboxPage(filter: openFilter, sort: sort, operatorLogin: "ivanova", now: Date(), offset: 0, limit: 400)
            }
        }

        try ConsoleBench.measure(store: store, runs: runs, into: &results)
        SLABench.measure(count: size, runs: 3, into: &results)
        if let perTick = try TerminalOutputBench.idleBytesPerTick(storePath: path) {
            results.note(String(format: "terminal output while idle at 120×40 (real console in tmux, 10 s): %.0f bytes per 1 s tick", perTick))
        } else {
            results.note("terminal output per tick: not measured (tmux is not installed)")
        }

        print("Otklik benchmark — store \(path), \(total) incidents, \(runs) runs each, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(results.render())
    }
}

/// Timings collected by the benchmark, printed as a table.
struct BenchTable {
    private var rows: [(String, [TimeInterval])] = []

    private var notes: [String] = []

    mutating func add(_ name: String, _ samples: [TimeInterval]) { rows.append((name, samples)) }

    /// A line printed under the table.
    mutating func note(_ line: String) { notes.append(line) }

    /// Runs `body` once to warm up, then `runs` times, recording each duration.
    mutating func measure(_ name: String, runs: Int, _ body: () throws -> Void) rethrows {
        try body()
        var samples: [TimeInterval] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(TimeInterval(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        add(name, samples)
    }

    func render() -> String {
        let nameWidth = max(40, rows.map { $0.0.count }.max() ?? 0)
        var lines = ["\("measurement".padding(toLength: nameWidth, withPad: " ", startingAt: 0))  median       min       max"]
        for (name, samples) in rows {
            let sorted = samples.sorted()
            let median = sorted[sorted.count / 2]
            lines.append("\(name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  \(Self.format(median))  \(Self.format(sorted.first!))  \(Self.format(sorted.last!))")
        }
        return (lines + notes).joined(separator: "\n")
    }

    static func format(_ seconds: TimeInterval) -> String {
        let text = seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.2f ms", seconds * 1000)
        return String(repeating: " ", count: max(0, 9 - text.count)) + text
    }
}
