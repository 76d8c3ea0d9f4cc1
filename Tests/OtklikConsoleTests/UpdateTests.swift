import Foundation
import OtklikConsole
import OtklikCore
import Testing

@Suite struct UpdateTests {
    func press(_ state: ConsoleState, _ keys: Key...) -> (ConsoleState, [ConsoleEffect]) {
        var state = state
        var effects: [ConsoleEffect] = []
        for key in keys {
            let result = ConsoleUpdate.update(state, .key(key))
            state = result.0
            effects += result.1
        }
        return (state, effects)
    }

    @Test func movesWithVimKeysAndArrowsWithinTheList() {
        let state = fixtureState()
        #expect(press(state, .character("j")).0.cursor == 1)
        #expect(press(state, .down, .down, .up).0.cursor == 1)
        #expect(press(state, .character("k")).0.cursor == 0)                  // stays at the top
        #expect(press(state, .character("G")).0.cursor == 5)
        #expect(press(state, .end, .character("j")).0.cursor == 5)            // stays at the bottom
        #expect(press(state, .character("G"), .character("g")).0.cursor == 0)
        #expect(press(state, .pageDown).0.cursor == 5)
        #expect(press(state, .control("d")).0.cursor == 5)
    }

    @Test func qQuitsFromTheInboxButClosesHelpFirst() {
        let state = fixtureState()
        #expect(press(state, .character("q")).1 == [.quit])
        let (withHelp, none) = press(state, .character("?"))
        #expect(withHelp.helpVisible && none.isEmpty)
        let (closed, effects) = press(withHelp, .escape)
        #expect(!closed.helpVisible && effects.isEmpty)
        #expect(press(withHelp, .character("Q")).1 == [.quit])
        #expect(press(state, .control("c")).1 == [.quit])
    }

    @Test func refreshAndRedraw() {
        let state = fixtureState()
        let (refreshed, effects) = press(state, .character("R"))
        #expect(effects == [.load(InboxQuery(), offset: 0, limit: 400), .loadCounters])
        #expect(refreshed.message == "Обновлено")
        #expect(press(state, .control("l")).1 == [.redrawAll])
        #expect(ConsoleUpdate.update(state, .resized(width: 100, height: 30)).1 == [.redrawAll])
    }

    @Test func unboundKeysDoNothing() {
        let state = fixtureState()
        let (after, effects) = press(state, .character("ж"), .function(12))
        #expect(after.cursor == state.cursor && effects.isEmpty)
    }

    @Test func cursorFollowsItsIncidentWhenTheListChanges() {
        var state = press(fixtureState(), .character("j"), .character("j")).0  // on 1203
        #expect(state.selected?.number == 1203)
        var rows = fixtureRows
        rows.insert(incident(1400, due: -500), at: 0)  // a new overdue incident sorts first
        state = ConsoleUpdate.update(state, .loaded(InboxSnapshot(total: rows.count, offset: 0, rows: rows, counters: InboxCounters()))).0
        #expect(state.selected?.number == 1203)
        #expect(state.cursor == 3)
    }

    @Test func movingFarRequestsTheNextWindow() {
        var state = fixtureState()
        let rows = (0..<400).map { incident(1 + $0, due: $0) }
        state = ConsoleUpdate.update(state, .loaded(InboxSnapshot(total: 100_000, offset: 0, rows: rows, counters: InboxCounters()))).0
        let (moved, effects) = press(state, .character("G"))
        #expect(moved.cursor == 99_999)
        #expect(effects == [.load(InboxQuery(), offset: 99_600, limit: 400)])
        // A second key before the window arrives does not ask again.
        #expect(press(moved, .character("k")).1.isEmpty)
        #expect(moved.row(at: 99_999) == nil)
        #expect(InboxScreen.render(moved).text(row: 3).contains("загрузка…"))
    }

    @Test func storeChangesReloadTheCurrentWindow() {
        let (_, effects) = ConsoleUpdate.update(fixtureState(), .storeChanged)
        #expect(effects == [.load(InboxQuery(), offset: 0, limit: 400), .loadCounters])
    }

    @Test func countersReloadEveryFifteenSeconds() {
        let quarter = Date(timeIntervalSince1970: 1_795_867_215)  // a multiple of 15 s
        #expect(ConsoleUpdate.update(fixtureState(), .tick(quarter)).1 == [.loadCounters])
        #expect(ConsoleUpdate.update(fixtureState(), .tick(quarter.addingTimeInterval(1))).1.isEmpty)
        let counted = ConsoleUpdate.update(fixtureState(), .countersLoaded(InboxCounters(new: 7, open: 8, atRisk: 9, overdue: 10))).0
        #expect(InboxScreen.render(counted).text(row: 1).hasPrefix(" новые 7 · в работе 8 · под угрозой 9 · просрочено 10"))
    }

    @Test func ticksMoveTheCountdowns() {
        let state = ConsoleUpdate.update(fixtureState(), .tick(fixtureNow.addingTimeInterval(61))).0
        #expect(InboxScreen.render(state).text(row: 4).contains("12:59"))
        #expect(InboxScreen.render(state).text(row: 0).contains("17:01:01"))
    }
}

@Suite struct PromptAndViewTests {
    func type(_ state: ConsoleState, _ text: String) -> (ConsoleState, [ConsoleEffect]) {
        var state = state
        var effects: [ConsoleEffect] = []
        for c in text {
            let r = ConsoleUpdate.update(state, .key(c == "\n" ? .enter : .character(c)))
            state = r.0
            effects += r.1
        }
        return (state, effects)
    }

    @Test func searchNarrowsAndHighlights() {
        let (state, effects) = type(fixtureState(), "/Горячей\n")
        #expect(state.prompt == nil)
        #expect(state.searchWords == ["горячей"])
        #expect(effects.first == .load(InboxQuery(filter: InboxFilter(words: ["горячей"])), offset: 0, limit: 400))
        // Once loaded, the match is highlighted in the list and the detail.
        let loaded = ConsoleUpdate.update(state, .loaded(InboxSnapshot(total: 1, offset: 0, rows: [fixtureRows[0]], counters: InboxCounters()))).0
        var shown = ConsoleUpdate.update(loaded, .detailLoaded(fixtureDetail(fixtureRows[0]))).0
        (shown.width, shown.height) = (160, 40)  // side by side: the whole thread is visible
        let grid = InboxScreen.render(shown)
        #expect(grid.lines.joined().contains("поиск: «горячей»"))
        let detailRow = grid.lines.firstIndex { $0.contains("Третью неделю нет горячей воды в доме") }!
        let line = grid.text(row: detailRow)
        let column = DisplayWidth.of(String(line[..<line.range(of: "горячей")!.lowerBound]))
        #expect(grid[column, detailRow].role == .searchMatch)
        #expect(grid[column + 7, detailRow].role != .searchMatch)
        // Esc clears the search and shows everything again.
        let (cleared, clearEffects) = ConsoleUpdate.update(shown, .key(.escape))
        #expect(cleared.searchWords.isEmpty && clearEffects.first == .load(InboxQuery(), offset: 0, limit: 400))
    }

    @Test func promptEditingNeverRunsCommands() {
        // In a prompt, q and j are text, not quit and move.
        let (state, effects) = type(fixtureState(), "/qj")
        #expect(state.prompt?.text == "qj" && effects.isEmpty)
        var prompt = Prompt(kind: .search, text: "горячей воды")
        _ = prompt.edit(.control("w"))
        #expect(prompt.text == "горячей ")
        _ = prompt.edit(.home); _ = prompt.edit(.character("x"))
        #expect(prompt.text == "xгорячей " && prompt.cursor == 1)
        _ = prompt.edit(.control("u"))
        #expect(prompt.text == "горячей " && prompt.cursor == 0)
        let cancelled = ConsoleUpdate.update(state, .key(.escape)).0
        #expect(cancelled.prompt == nil && cancelled.searchWords.isEmpty)
    }

    @Test func filterErrorsKeepThePromptOpenAtTheMistake() {
        let (state, effects) = type(fixtureState(), "\\статус:гото\n")
        #expect(effects.isEmpty)
        #expect(state.messageIsError)
        #expect(state.message?.contains("гото") == true)
        #expect(state.prompt?.kind == .filter && state.prompt?.cursor == 7)
        // End, then Ctrl-U (which kills to the start of the line) empties the prompt.
        let emptied = ConsoleUpdate.update(ConsoleUpdate.update(state, .key(.end)).0, .key(.control("u"))).0
        #expect(emptied.prompt?.text == "")
        let (fixed, fixedEffects) = type(emptied, "статус:новый @я\n")
        #expect(fixed.prompt == nil)
        #expect(fixed.filter.statuses == [.new] && fixed.filter.mine)
        #expect(fixedEffects == [.load(InboxQuery(filter: fixed.filter), offset: 0, limit: 400)])
        #expect(InboxScreen.render(fixed).text(row: 22).contains("фильтр: статус:новый @я"))
    }

    @Test func savedViewsOnDigits() {
        let (state, effects) = type(fixtureState(), "4")
        #expect(state.viewKey == 4 && state.filter.overdue)
        #expect(effects.count == 1)
        #expect(InboxScreen.render(state).text(row: 22).contains("Вид 4: Просроченные"))
        #expect(type(fixtureState(), "8").0.filter.closedSince != nil)
    }

    @Test func commandLineCompletesAndRuns() {
        #expect(ConsoleCommandLine.complete("th", themes: ["dark", "light"]) == "theme ")
        #expect(ConsoleCommandLine.complete("theme l", themes: ["dark", "light"]) == "theme light ")
        #expect(ConsoleCommandLine.complete("theme ", themes: ["high-contrast", "highway"]) == "theme high")
        let (state, effects) = type(fixtureState(), ":theme light\n")
        #expect(effects == [.applyTheme("light")] && state.prompt == nil)
        var withTab = type(fixtureState(), ":vi").0
        withTab = ConsoleUpdate.update(withTab, .key(.tab)).0
        #expect(withTab.prompt?.text == "view ")
        let (bad, _) = type(fixtureState(), ":frobnicate\n")
        #expect(bad.messageIsError && bad.message?.contains("неизвестная команда «frobnicate»") == true)
        #expect(type(fixtureState(), ":q\n").1 == [.quit])
    }

    @Test func russianLayoutAliasesOnlyOutsidePrompts() {
        let state = fixtureState()
        #expect(ConsoleUpdate.update(state, .key(.character("о"))).0.cursor == 1)  // о is j
        #expect(ConsoleUpdate.update(state, .key(.character("й"))).1 == [.quit])   // й is q
        let (typing, _) = type(state, "/оле")
        #expect(typing.prompt?.text == "оле")
        var map = KeyMap(russianLayoutAliases: false)
        #expect(map.action(for: .character("о")) == nil)
        map.bind(.character("о"), to: .moveUp)
        #expect(map.action(for: .character("о")) == .moveUp)
    }

    @Test func tagPauseAndFullDetail() {
        var state = ConsoleUpdate.update(fixtureState(), .key(.character(" "))).0
        #expect(state.tagged == [1041: IncidentTarget(id: 1041, number: 1041, version: 1)] && state.cursor == 1)
        #expect(InboxScreen.render(state).text(row: 22).contains("отмечено: 1"))
        state = ConsoleUpdate.update(state, .key(.character("Z"))).0
        let (paused, effects) = ConsoleUpdate.update(state, .storeChanged)
        #expect(paused.paused && paused.staleWhilePaused && effects.isEmpty)
        let (resumed, resumeEffects) = ConsoleUpdate.update(paused, .key(.character("Z")))
        #expect(!resumed.paused && resumeEffects == [.load(InboxQuery(), offset: 0, limit: 400), .loadCounters])
        // Enter: the detail fills the screen; j scrolls it; Esc goes back.
        var full = ConsoleUpdate.update(fixtureState(), .key(.enter)).0
        #expect(full.detailMode == .full)
        full = ConsoleUpdate.update(full, .key(.character("j"))).0
        #expect(full.detailScroll == 1 && full.cursor == 0)
        #expect(ConsoleUpdate.update(full, .key(.escape)).0.detailMode == .split)
    }

    @Test func arrivingIncidentsAreMarked() {
        var state = fixtureState()
        var rows = fixtureRows
        rows.append(incident(2000, due: 500, text: "Новое сообщение"))
        state = ConsoleUpdate.update(state, .loaded(InboxSnapshot(total: rows.count, offset: 0, rows: rows, counters: InboxCounters()))).0
        #expect(state.arrived == [2000])
        #expect(InboxScreen.render(state).text(row: 9).contains("•  2000"))
    }

    @Test func configFileRebindsAndReportsMistakes() throws {
        let config = try ConsoleConfig.parse("""
            # my settings
            theme = "light"
            language = "en"
            [keys]
            move-down = ["<C-n>", "j"]
            unbind = ["<C-c>"]
            """, path: "config.toml")
        #expect(config.theme == "light" && config.language == "en")
        let map = config.keyMap()
        #expect(map.action(for: .control("n")) == .moveDown)
        #expect(map.action(for: .down) == nil)  // replaced
        #expect(map.action(for: .control("c")) == nil)
        #expect(throws: ConsoleConfig.ParseError(path: "config.toml", line: 3, reason: "unknown action \"fly\" (see `?` in the console for the list)")) {
            try ConsoleConfig.parse("[keys]\n\nfly = [\"f\"]", path: "config.toml")
        }
        #expect(throws: ConsoleConfig.ParseError(path: "c", line: 2, reason: "unknown key \"<Hyper-x>\" (e.g. j, <Down>, <C-d>, <F5>)")) {
            try ConsoleConfig.parse("[keys]\nmove-up = [\"<Hyper-x>\"]", path: "c")
        }
        #expect(throws: ConsoleConfig.ParseError(path: "c", line: 1, reason: "language is \"ru\" or \"en\"")) {
            try ConsoleConfig.parse("language = \"de\"", path: "c")
        }
    }
}
