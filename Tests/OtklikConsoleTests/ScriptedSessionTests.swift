import Foundation
import OtklikConsole
import OtklikCore
import Testing

/// A terminal that plays a script of inputs and records every frame.
final class ScriptedTerminal: TerminalDevice {
    var width: Int
    var height: Int
    var script: [TerminalInput]
    var frames: [Grid] = []
    var fullRedraws = 0
    /// Run before the n-th read (0-based): lets a test change the world mid-session.
    var beforeRead: [Int: () -> Void] = [:]
    private var reads = 0

    init(width: Int = 80, height: Int = 24, script: [TerminalInput]) {
        self.width = width
        self.height = height
        self.script = script
    }

    func present(_ grid: Grid, full: Bool) {
        frames.append(grid)
        if full { fullRedraws += 1 }
    }

    var themes: [String] = []
    func apply(theme: Theme) { themes.append(theme.name) }

    var suspensions = 0
    func suspend() { suspensions += 1 }

    func readInput(timeoutMilliseconds: Int) -> TerminalInput {
        beforeRead[reads]?()
        reads += 1
        guard !script.isEmpty else { return .hangup }
        let next = script.removeFirst()
        if case .resized(let w, let h) = next { width = w; height = h }
        return next
    }
}

/// An in-memory inbox whose content a test can change, as another process would.
final class MemoryInbox: InboxSource {
    var rows: [IncidentSummary]
    var token = 0
    var loads: [Int] = []

    init(rows: [IncidentSummary]) { self.rows = rows }

    func snapshot(_ query: InboxQuery, offset: Int, limit: Int, now: Date) throws -> InboxSnapshot {
        loads.append(offset)
        // A tiny stand-in for the store's filter: statuses and words in the excerpt.
        let matching = rows.filter { row in
            (query.filter.statuses.isEmpty || query.filter.statuses.contains(row.status))
                && query.filter.words.allSatisfy { InboxFilter.fold(row.excerpt).contains($0) }
        }
        let window = Array(matching.dropFirst(offset).prefix(limit))
        return InboxSnapshot(total: matching.count, offset: offset, rows: window,
                             counters: InboxCounters(new: rows.filter { $0.status == .new }.count, open: rows.count))
    }

    func counters(now: Date) throws -> InboxCounters {
        InboxCounters(new: rows.filter { $0.status == .new }.count, open: rows.count)
    }

    func detail(id: Int64) throws -> IncidentDetail? {
        guard let summary = rows.first(where: { $0.id == id }) else { return nil }
        return fixtureDetail(summary)
    }

    func changeToken() throws -> Int { token }
}

@Suite struct ScriptedSessionTests {
    func makeState(_ terminal: ScriptedTerminal) -> ConsoleState {
        ConsoleState(width: terminal.width, height: terminal.height, language: .ru, centerName: "ЦУР",
                     operatorLabel: "ivanova · оператор", timeZone: TimeZone(identifier: "UTC")!, now: fixtureNow)
    }

    @Test func navigateAndQuit() throws {
        let terminal = ScriptedTerminal(script: [.key(.character("j")), .key(.down), .key(.character("q")), .key(.character("j"))])
        let inbox = MemoryInbox(rows: fixtureRows)
        let runtime = ConsoleRuntime(state: makeState(terminal), terminal: terminal, source: inbox, clock: FixedClock(fixtureNow))
        try runtime.run()
        #expect(runtime.state.cursor == 2)
        #expect(terminal.script.count == 1)  // stopped at q, before the last key
        #expect(terminal.frames.first?.text(row: 3).contains("1041") == true)
        #expect(terminal.frames.last?.text(row: 22).contains("3 из 6") == true)
        #expect(terminal.fullRedraws == 1)  // the first frame only
    }

    @Test func resizeWhileHelpIsOpen() throws {
        let terminal = ScriptedTerminal(script: [.key(.character("?")), .resized(width: 120, height: 40), .key(.escape), .key(.character("Q"))])
        let runtime = ConsoleRuntime(state: makeState(terminal), terminal: terminal, source: MemoryInbox(rows: fixtureRows), clock: FixedClock(fixtureNow))
        try runtime.run()
        #expect(terminal.frames[1].lines.joined().contains("Следующий инцидент"))
        #expect(terminal.frames[2].width == 120 && terminal.frames[2].height == 40)
        #expect(terminal.frames[2].lines.joined().contains("Справка по клавишам"))
        #expect(!terminal.frames[3].lines.joined().contains("Справка по клавишам"))
        #expect(terminal.fullRedraws == 2)
    }

    @Test func anotherProcessAddsAnIncident() throws {
        let inbox = MemoryInbox(rows: Array(fixtureRows.dropFirst()))
        let terminal = ScriptedTerminal(script: [.key(.character("j")), .timeout, .timeout, .key(.character("Q"))])
        let clock = SteppingClock(start: fixtureNow, step: 0.6)
        let runtime = ConsoleRuntime(state: makeState(terminal), terminal: terminal, source: inbox, clock: clock, pollInterval: 0.5)
        // After the first key, the "other process" commits a new, more urgent incident.
        terminal.beforeRead[1] = {
            inbox.rows.insert(fixtureRows[0], at: 0)
            inbox.token += 1
        }
        try runtime.run()
        #expect(runtime.state.total == 6)
        #expect(runtime.state.selected?.number == 1203)  // the cursor stayed on its incident
        #expect(terminal.frames.last?.text(row: 3).contains("1041") == true)
    }

    @Test func hangupEndsTheLoop() throws {
        let terminal = ScriptedTerminal(script: [.hangup, .key(.character("j"))])
        let runtime = ConsoleRuntime(state: makeState(terminal), terminal: terminal, source: MemoryInbox(rows: fixtureRows), clock: FixedClock(fixtureNow))
        try runtime.run()
        #expect(runtime.state.cursor == 0 && terminal.script.count == 1)
    }
}

/// A clock that advances a fixed step every time it is read.
final class SteppingClock: WallClock, @unchecked Sendable {
    private var current: Date
    private let step: TimeInterval
    init(start: Date, step: TimeInterval) { current = start; self.step = step }
    var now: Date { current = current.addingTimeInterval(step); return current }
}

@Suite struct DisplayWidthTests {
    @Test func measuresCells() {
        #expect(DisplayWidth.of("Яма") == 3)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("😡") == 2)
        #expect(DisplayWidth.of("е\u{0301}") == 1)  // combining acute
        #expect(DisplayWidth.of("👍🏽") == 2)
    }

    @Test func truncatesByCells() {
        #expect(DisplayWidth.truncate("Отсутствие горячей воды", to: 10) == "Отсутстви…")
        #expect(DisplayWidth.truncate("漢字テスト", to: 5) == "漢字…")
        #expect(DisplayWidth.fit("ВК", to: 4) == "ВК  ")
        #expect(DisplayWidth.fit("7", to: 3, alignRight: true) == "  7")
    }

    @Test func gridNeverSplitsAWideCharacter() {
        var grid = Grid(width: 5, height: 1)
        let end = grid.put("a漢字", x: 0, y: 0, role: .row)
        #expect(end == 5)
        #expect(grid.text(row: 0) == "a漢字")
        var narrow = Grid(width: 4, height: 1)
        narrow.put("a漢字", x: 0, y: 0, role: .row)
        #expect(narrow.text(row: 0) == "a漢 ")
    }
}
