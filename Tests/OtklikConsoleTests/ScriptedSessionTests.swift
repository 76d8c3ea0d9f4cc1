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

    /// The store's rules in miniature: the version must match, then `IncidentAction.plan`.
    var performed: [(IncidentAction, [IncidentTarget])] = []
    func perform(_ action: IncidentAction, on targets: [IncidentTarget], operatorLogin: String,
                 now: Date) throws -> [IncidentActionOutcome] {
        performed.append((action, targets))
        return targets.map { target in
            guard let index = rows.firstIndex(where: { $0.id == target.id }) else { return .gone }
            let row = rows[index]
            guard row.version == target.version else { return .conflict(currentVersion: row.version) }
            switch action.plan(status: row.status, ownerLogin: row.ownerLogin, operatorLogin: operatorLogin) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let change):
                rows[index] = row.with(status: change.status, ownerLogin: change.ownerLogin, version: row.version + 1)
                token += 1
                return .done(version: row.version + 1)
            }
        }
    }
}

extension IncidentSummary {
    /// A copy with another status, owner and version.
    func with(status: IncidentStatus, ownerLogin: String?, version: Int) -> IncidentSummary {
        IncidentSummary(id: id, number: number, source: source, status: status, priority: priority, topicName: topicName,
                        agencyShortName: agencyShortName, ownerLogin: ownerLogin, createdAt: createdAt,
                        dueAt: status.isTerminal ? nil : dueAt, warnAt: status.isTerminal ? nil : warnAt,
                        excerpt: excerpt, version: version)
    }
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

    @Test func takeThenNoAnswerThroughTheSource() throws {
        let inbox = MemoryInbox(rows: fixtureRows)
        let terminal = ScriptedTerminal(script: [
            .key(.character("j")), .key(.character("a")),                        // take №1187 (new)
            .key(.character("X")), .key(.character("n")),                        // asked, cancelled
            .key(.character("X")), .key(.character("y")),                        // asked, confirmed
            .key(.character("k")), .key(.character(" ")), .key(.character(" ")), // tag №1041 and №1187
            .key(.character(";")), .key(.character("a")),                        // take both
            .key(.character("Q")),
        ])
        var state = makeState(terminal)
        state.operatorLogin = "ivanova"
        let runtime = ConsoleRuntime(state: state, terminal: terminal, source: inbox, clock: FixedClock(fixtureNow))
        try runtime.run()
        let texts = terminal.frames.map { $0.lines.joined(separator: "\n") }
        #expect(texts.contains { $0.contains("№1187 взято в работу") })
        #expect(texts.contains { $0.contains("Отметить №1187 «без ответа» (ответ не требуется)? y/n") })
        #expect(texts.contains { $0.contains("Отменено") })
        #expect(texts.contains { $0.contains("№1187 отмечено «без ответа»") })
        // The second take: №1041 went through; №1187 has ended.
        #expect(texts.last?.contains("Взято в работу: 1 из 2 · неприменимо: 1") == true)
        #expect(inbox.performed.map(\.0) == [.take, .markNoAnswer, .take])
        #expect(inbox.performed[1].1 == [IncidentTarget(id: 1187, number: 1187, version: 2)])  // the version after the take
        #expect(inbox.rows.first { $0.number == 1187 }?.status == .noAnswer)
        let taken = inbox.rows.first { $0.number == 1041 }
        #expect(taken?.status == .waitingAgency && taken?.ownerLogin == "ivanova")
        #expect(runtime.state.tagged.keys.sorted() == [1187])
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
