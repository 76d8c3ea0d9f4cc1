import Foundation
import OtklikConsole
import OtklikCore
import OtklikStore

/// Console rows of the benchmark: the work behind a frame, without a terminal (ncurses
/// then sends only the cells that changed). Issue 3's targets: first frame ≤ 150 ms, a
/// navigation key ≤ 5 ms, a filter or search ≤ 50 ms, resident memory ≤ 80 MB.
enum ConsoleBench {
    static func measure(store: Store, runs: Int, into results: inout BenchTable) throws {
        let source = try StoreInboxSource(store: store)
        let clock = SystemClock()
        func fresh() -> ConsoleState {
            ConsoleState(width: 120, height: 40, language: .ru, centerName: "ЦУР", operatorLabel: "ivanova · оператор",
                         timeZone: TimeZone(identifier: DemoRegion.centerTimeZone)!, now: clock.now, operatorLogin: "ivanova")
        }
        /// Runs an event and its effects to the end, as the runtime does, then renders.
        func run(_ state: ConsoleState, _ event: ConsoleEvent) throws -> ConsoleState {
            var (state, effects) = ConsoleUpdate.update(state, event)
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                let next: ConsoleEvent
                switch effect {
                case .load(let query, let offset, let limit):
                    next = .loaded(try source.snapshot(query, offset: offset, limit: limit, now: clock.now))
                case .loadDetail(let id):
                    next = .detailLoaded(try source.detail(id: id))
                case .loadCounters:
                    next = .countersLoaded(try source.counters(now: clock.now))
                default: continue
                }
                let result = ConsoleUpdate.update(state, next)
                state = result.0
                effects += result.1
            }
            _ = InboxScreen.render(state)
            return state
        }
        var loaded = fresh()
        try results.measure("console: first frame (window, counters, detail, render 120×40)", runs: runs) {
            loaded = try run(fresh(), .storeChanged)
        }
        var moving = loaded
        try results.measure("console: navigation key j (update, detail, render)", runs: runs) {
            moving = try run(moving, .key(.character("j")))
        }
        try results.measure("console: G to the last incident (window at the end, render)", runs: runs) {
            _ = try run(loaded, .key(.character("G")))
        }
        try results.measure("console: countdown tick (update, render)", runs: runs) {
            _ = try run(loaded, .tick(clock.now))
        }
        try results.measure("console: filter «статус:новый @я» (parse, load, render)", runs: runs) {
            var state = loaded
            state.prompt = Prompt(kind: .filter, text: "статус:новый @я")
            _ = try run(state, .key(.enter))
        }
        try results.measure("console: o 4 — sort by status (load, render)", runs: runs) {
            var state = loaded
            state.sortMenuOpen = true
            _ = try run(state, .key(.character("4")))
        }
        try results.measure("console: search «снег» (load, highlight, render)", runs: runs) {
            var state = loaded
            state.prompt = Prompt(kind: .search, text: "снег")
            _ = try run(state, .key(.enter))
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        results.note("peak resident memory of this process: \(usage.ru_maxrss / 1024) MB (includes the benchmark's own work)")
    }
}
