import Foundation
import OtklikCore

/// The console's pure update: state and event in, new state and effects out.
public enum ConsoleUpdate {
    /// Rows loaded around the cursor at once, and how close the cursor may get to the
    /// window's edge before the next window is requested.
    static let windowSize = 400
    static let windowMargin = 60

    public static func update(_ state: ConsoleState, _ event: ConsoleEvent) -> (ConsoleState, [ConsoleEffect]) {
        var state = state
        var effects: [ConsoleEffect] = []
        switch event {
        case .key(let key):
            if state.prompt != nil {
                effects += promptKey(key, on: &state)
            } else if state.confirmation != nil {
                effects += confirmationKey(key, on: &state)
            } else if state.sortMenuOpen {
                effects += sortMenuKey(key, on: &state)
            } else {
                state.message = nil
                let action = state.keyMap.action(for: key)
                if state.applyToTagged {
                    effects += performOnTagged(action, on: &state)
                } else if let action {
                    effects += perform(action, on: &state)
                }
            }
        case .tick(let now):
            state.now = now
            if Int(now.timeIntervalSince1970) % 15 == 0 { effects.append(.loadCounters) }
        case .resized(let width, let height):
            state.width = width
            state.height = height
            scrollToCursor(&state)
            effects.append(.redrawAll)
        case .loaded(let snapshot):
            apply(snapshot, to: &state)
        case .countersLoaded(let counters):
            state.counters = counters
        case .detailLoaded(let detail):
            state.detail = detail
            state.detailScroll = 0
        case .storeChanged:
            if state.paused {
                state.staleWhilePaused = true
            } else {
                effects += [reload(&state), .loadCounters]
            }
        case .themeApplied(let name, let problem):
            if let problem {
                fail(&state, problem)
            } else {
                state.themeName = name
                say(&state, state.language == .en ? "Theme: \(name)" : "Тема оформления: \(name)")
            }
        case .performed(let report):
            effects += performed(report, on: &state)
        case .failed(let message):
            fail(&state, message)
        }
        effects += windowRequest(&state)
        effects += detailRequest(&state)
        return (state, effects)
    }

    // MARK: Actions

    static func perform(_ action: Action, on state: inout ConsoleState) -> [ConsoleEffect] {
        if state.helpVisible {
            // The help overlay takes every key: moving keys scroll it; back, close, help
            // and quit close it.
            switch action {
            case .quit: return [.quit]
            case .back, .close, .help: state.helpVisible = false
            case .moveDown, .pageDown, .halfPageDown: state.helpScroll += action == .moveDown ? 1 : 10
            case .moveUp, .pageUp, .halfPageUp: state.helpScroll = max(0, state.helpScroll - (action == .moveUp ? 1 : 10))
            case .first: state.helpScroll = 0
            case .last: state.helpScroll = Action.declarations.count  // clamped when drawn
            default: break
            }
            return []
        }
        if state.detailMode == .full, let effects = performInFullDetail(action, on: &state) {
            return effects
        }
        let page = state.listHeight
        switch action {
        case .moveDown: move(&state, to: state.cursor + 1)
        case .moveUp: move(&state, to: state.cursor - 1)
        case .pageDown: move(&state, to: state.cursor + page, scroll: page)
        case .pageUp: move(&state, to: state.cursor - page, scroll: -page)
        case .halfPageDown: move(&state, to: state.cursor + page / 2, scroll: page / 2)
        case .halfPageUp: move(&state, to: state.cursor - page / 2, scroll: -(page / 2))
        case .first: move(&state, to: 0)
        case .last: move(&state, to: state.total - 1)
        case .toggleDetail:
            if state.selected != nil { state.detailMode = .full; state.detailScroll = 0 }
        case .search: state.prompt = Prompt(kind: .search, text: state.searchWords.joined(separator: " "))
        case .searchNext, .searchPrevious:
            guard !state.searchWords.isEmpty else {
                fail(&state, state.language == .en ? "No search: press / first" : "Поиска нет: нажмите /")
                return []
            }
            // The list holds only matches, so the next match is the next row.
            move(&state, to: state.cursor + (action == .searchNext ? 1 : -1))
        case .filter: state.prompt = Prompt(kind: .filter, text: state.filterText)
        case .command: state.prompt = Prompt(kind: .command)
        case .view1, .view2, .view3, .view4, .view5, .view6, .view7, .view8, .view9:
            if let key = action.viewKey, let view = SavedView.builtIn(key: key) { return open(view, on: &state) }
        case .tag:
            if let selected = state.selected {
                state.tagged[selected.id] = state.tagged[selected.id] == nil ? IncidentTarget(selected) : nil
                move(&state, to: state.cursor + 1)
            }
        case .applyToTagged:
            guard !state.tagged.isEmpty else {
                fail(&state, state.strings.nothingTagged)
                return []
            }
            state.applyToTagged = true
            let keys = Action.allCases.filter { $0.incidentAction != nil }.compactMap { state.keyMap.keys(for: $0).first?.shortName }
            say(&state, state.strings.applyToTaggedArmed(keys))
        case .take, .release, .noAnswer:
            guard let selected = state.selected, let incidentAction = action.incidentAction else { return [] }
            return incident(incidentAction, targets: [IncidentTarget(selected)], toTagged: false, on: &state)
        case .sort:
            state.sortMenuOpen = true
        case .pause: return togglePause(on: &state)
        case .refresh:
            say(&state, state.strings.refreshed)
            return [reload(&state), .loadCounters]
        case .redraw: return [.redrawAll]
        case .suspend: return [.suspend]
        case .help:
            state.helpVisible = true
            state.helpScroll = 0
        case .back:
            if !state.searchWords.isEmpty || !state.filter.isEmpty || state.viewKey != nil {
                return clearQuery(on: &state)
            }
        case .close:
            if !state.searchWords.isEmpty || !state.filter.isEmpty || state.viewKey != nil {
                return clearQuery(on: &state)
            }
            return [.quit]
        case .quit: return [.quit]
        }
        return []
    }

    /// Keys of the full-screen detail: j/k scroll it, back/close/Enter return to the list.
    /// Nil: handled as in the list.
    static func performInFullDetail(_ action: Action, on state: inout ConsoleState) -> [ConsoleEffect]? {
        let page = max(1, state.layout.detail.height - 2)
        switch action {
        case .moveDown: state.detailScroll += 1
        case .moveUp: state.detailScroll = max(0, state.detailScroll - 1)
        case .pageDown, .halfPageDown: state.detailScroll += action == .pageDown ? page : page / 2
        case .pageUp, .halfPageUp: state.detailScroll = max(0, state.detailScroll - (action == .pageUp ? page : page / 2))
        case .first: state.detailScroll = 0
        case .back, .close, .toggleDetail: state.detailMode = .split
        default: return nil
        }
        return []
    }

    // MARK: Incident actions, confirmation, sort

    /// An incident action on `targets`: at once, or after a yes when it is destructive.
    static func incident(_ action: IncidentAction, targets: [IncidentTarget], toTagged: Bool,
                         on state: inout ConsoleState) -> [ConsoleEffect] {
        let s = state.strings
        guard let login = state.operatorLogin, !login.isEmpty else {
            fail(&state, s.noOperator)
            return []
        }
        guard let first = targets.first else { return [] }
        let effect = ConsoleEffect.perform(action, targets: targets, operatorLogin: login, toTagged: toTagged)
        guard action.isDestructive else { return [effect] }
        let question = toTagged ? s.confirmNoAnswerTagged(targets.count) : s.confirmNoAnswer(first.number)
        state.confirmation = Confirmation(question: question, effects: [effect])
        return []
    }

    /// The key after `;`: an incident action applies to every tagged incident (by number);
    /// anything else cancels the prefix and does nothing.
    static func performOnTagged(_ action: Action?, on state: inout ConsoleState) -> [ConsoleEffect] {
        state.applyToTagged = false
        guard let incidentAction = action?.incidentAction else {
            say(&state, action == .back ? state.strings.cancelled : state.strings.applyToTaggedCancelled)
            return []
        }
        let targets = state.tagged.values.sorted { $0.number < $1.number }
        return incident(incidentAction, targets: targets, toTagged: true, on: &state)
    }

    /// A key while a confirmation is open: yes runs its effects, no cancels, anything else
    /// leaves the question on screen.
    static func confirmationKey(_ key: Key, on state: inout ConsoleState) -> [ConsoleEffect] {
        guard let confirmation = state.confirmation, let answer = Confirmation.answer(for: key) else { return [] }
        state.confirmation = nil
        switch answer {
        case .yes:
            state.message = nil
            return confirmation.effects
        case .no:
            say(&state, state.strings.cancelled)
            return []
        }
    }

    /// A key while the sort menu is open: 1–5 choose an order (the list starts again from
    /// the top), Esc, Ctrl-G, q or Enter close it, anything else is ignored.
    static func sortMenuKey(_ key: Key, on state: inout ConsoleState) -> [ConsoleEffect] {
        let orders = InboxSort.allCases
        if case .character(let c) = key, let n = c.wholeNumberValue, (1...orders.count).contains(n) {
            state.sortMenuOpen = false
            let sort = orders[n - 1]
            say(&state, "\(state.strings.sortMenu) \(state.strings.sortNames[sort] ?? sort.rawValue)")
            guard sort != state.sort else { return [] }
            state.sort = sort
            return [restart(&state)]
        }
        switch key {
        case .escape, .control("g"), .control("c"), .enter, .character("q"), .character("й"):
            state.sortMenuOpen = false
            state.message = nil
        default: break
        }
        return []
    }

    /// The outcome of an incident action: a message (for the tagged: how many succeeded,
    /// how many had changed underneath, how many the action did not apply to), tags taken
    /// off the incidents done, and the rows reloaded.
    static func performed(_ report: IncidentActionReport, on state: inout ConsoleState) -> [ConsoleEffect] {
        let s = state.strings
        var done = 0, changed = 0, notApplicable = 0
        for result in report.results {
            let target = result.target
            switch result.outcome {
            case .done(let version):
                done += 1
                if report.toTagged {
                    state.tagged[target.id] = nil
                } else if state.tagged[target.id] != nil {
                    state.tagged[target.id] = IncidentTarget(id: target.id, number: target.number, version: version)
                }
            case .conflict(let version):
                changed += 1
                // Refreshed: the next try acts on what the operator now sees.
                if state.tagged[target.id] != nil {
                    state.tagged[target.id] = IncidentTarget(id: target.id, number: target.number, version: version)
                }
            case .gone:
                changed += 1
                state.tagged[target.id] = nil
            case .refused:
                notApplicable += 1
            }
        }
        if report.toTagged || report.results.count != 1 {
            var parts = [s.actionDoneTagged(report.action, done, report.results.count)]
            if changed > 0 { parts.append(s.changedUnderneathCount(changed)) }
            if notApplicable > 0 { parts.append(s.notApplicableCount(notApplicable)) }
            state.message = parts.joined(separator: " · ")
            state.messageIsError = done < report.results.count
        } else if let result = report.results.first {
            let number = result.target.number
            switch result.outcome {
            case .done: say(&state, s.actionDone(report.action, number))
            case .conflict: fail(&state, s.changedUnderneath(number))
            case .gone: fail(&state, s.gone(number))
            case .refused(let refusal): fail(&state, s.refusal(report.action, refusal, number))
            }
        }
        return [reload(&state), .loadCounters]
    }

    // MARK: Prompt

    static func promptKey(_ key: Key, on state: inout ConsoleState) -> [ConsoleEffect] {
        guard var prompt = state.prompt else { return [] }
        switch key {
        case .escape, .control("g"), .control("c"):
            state.prompt = nil
            return []
        case .enter:
            state.prompt = nil
            state.message = nil
            switch prompt.kind {
            case .search: return applySearch(prompt.text, on: &state)
            case .filter: return applyFilter(prompt.text, on: &state, reopenOnError: true)
            case .command: return ConsoleCommandLine.run(prompt.text, on: &state)
            }
        case .tab where prompt.kind == .command:
            prompt = Prompt(kind: .command, text: ConsoleCommandLine.complete(prompt.text, themes: state.availableThemes))
        default:
            _ = prompt.edit(key)
        }
        state.prompt = prompt
        return []
    }

    static func applySearch(_ text: String, on state: inout ConsoleState) -> [ConsoleEffect] {
        let words = InboxFilter.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        state.searchWords = words
        state.filter.words = words
        return [restart(&state)]
    }

    static func applyFilter(_ text: String, on state: inout ConsoleState, reopenOnError: Bool = false) -> [ConsoleEffect] {
        do {
            var filter = try InboxFilter.parse(text, now: state.now, timeZone: state.timeZone)
            filter.words += state.searchWords
            state.filter = filter
            state.filterText = text.trimmingCharacters(in: .whitespaces)
            state.viewKey = nil
            return [restart(&state)]
        } catch {
            fail(&state, error.message(russian: state.language == .ru))
            if reopenOnError {
                var prompt = Prompt(kind: .filter, text: text)
                prompt.cursor = min(error.offset, text.count)
                state.prompt = prompt
            }
            return []
        }
    }

    static func open(_ view: SavedView, on state: inout ConsoleState) -> [ConsoleEffect] {
        var filter = view.filter(now: state.now, timeZone: state.timeZone)
        filter.words += state.searchWords
        state.filter = filter
        state.filterText = ""
        state.viewKey = view.key
        return [restart(&state)]
    }

    static func clearQuery(on state: inout ConsoleState) -> [ConsoleEffect] {
        state.filter = .all
        state.filterText = ""
        state.viewKey = nil
        state.searchWords = []
        return [restart(&state)]
    }

    static func togglePause(on state: inout ConsoleState) -> [ConsoleEffect] {
        state.paused.toggle()
        let en = state.language == .en
        say(&state, state.paused ? (en ? "Live re-sorting paused (Z resumes)" : "Пересортировка на паузе (Z — продолжить)")
                                 : (en ? "Live re-sorting resumed" : "Пересортировка включена"))
        if !state.paused && state.staleWhilePaused {
            state.staleWhilePaused = false
            return [reload(&state), .loadCounters]
        }
        return []
    }

    static func say(_ state: inout ConsoleState, _ text: String) {
        state.message = text
        state.messageIsError = false
    }

    static func fail(_ state: inout ConsoleState, _ text: String) {
        state.message = text
        state.messageIsError = true
    }

    /// A new query: back to the top of the list.
    static func restart(_ state: inout ConsoleState) -> ConsoleEffect {
        state.cursor = 0
        state.top = 0
        state.rows = []
        state.windowOffset = 0
        state.pendingLoad = 0
        return .load(state.query, offset: 0, limit: windowSize)
    }

    static func reload(_ state: inout ConsoleState) -> ConsoleEffect {
        state.pendingLoad = state.windowOffset
        return .load(state.query, offset: state.windowOffset, limit: windowSize)
    }

    // MARK: Movement and data

    /// Moves the cursor, clamped to the list; `scroll` moves the view by pages too.
    static func move(_ state: inout ConsoleState, to position: Int, scroll: Int = 0) {
        guard state.total > 0 else { return }
        state.cursor = min(max(0, position), state.total - 1)
        if scroll != 0 {
            state.top = min(max(0, state.top + scroll), max(0, state.total - state.listHeight))
        }
        scrollToCursor(&state)
    }

    /// Keeps the cursor on screen.
    static func scrollToCursor(_ state: inout ConsoleState) {
        let height = state.listHeight
        if state.cursor < state.top { state.top = state.cursor }
        if state.cursor >= state.top + height { state.top = state.cursor - height + 1 }
        state.top = max(0, min(state.top, max(0, state.total - height)))
    }

    /// A new snapshot keeps the cursor on the same incident when it is still in the window,
    /// and marks incidents that arrived since the console opened.
    static func apply(_ snapshot: InboxSnapshot, to state: inout ConsoleState) {
        let selectedID = state.selected?.id
        let offsetInView = state.cursor - state.top
        let firstLoad = !state.loaded
        state.total = snapshot.total
        state.windowOffset = snapshot.offset
        state.rows = snapshot.rows
        if let counters = snapshot.counters { state.counters = counters }
        state.loaded = true
        state.pendingLoad = nil
        let newest = snapshot.rows.map(\.id).max() ?? 0
        if !firstLoad {
            for row in snapshot.rows where row.id > state.newestSeen { state.arrived.insert(row.id) }
        }
        state.newestSeen = max(state.newestSeen, newest)
        if let selectedID, let index = snapshot.rows.firstIndex(where: { $0.id == selectedID }) {
            state.cursor = snapshot.offset + index
            state.top = max(0, state.cursor - offsetInView)
        }
        state.cursor = max(0, min(state.cursor, state.total - 1))
        scrollToCursor(&state)
    }

    /// Asks for the window around the cursor when the visible rows are not all loaded.
    static func windowRequest(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.loaded, state.total > 0, state.pendingLoad == nil else { return [] }
        let windowEnd = state.windowOffset + state.rows.count
        let needFrom = max(0, state.top - windowMargin)
        let needTo = min(state.total, state.top + state.listHeight + windowMargin)
        if needFrom >= state.windowOffset && needTo <= windowEnd { return [] }
        let offset = max(0, min(state.top - windowSize / 3, state.total - windowSize))
        state.pendingLoad = offset
        return [.load(state.query, offset: offset, limit: windowSize)]
    }

    /// Asks for the selected incident's detail when it is not the one shown; a looked-at
    /// incident is no longer marked as just arrived.
    static func detailRequest(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let selected = state.selected else {
            if state.loaded && state.total == 0 { state.detail = nil }
            return []
        }
        state.arrived.remove(selected.id)
        let wanted = DetailRequest(id: selected.id, version: selected.version)
        guard state.requestedDetail != wanted else { return [] }
        state.requestedDetail = wanted
        if state.detail?.summary.id != selected.id { state.detail = nil }
        return [.loadDetail(id: selected.id)]
    }
}
