import Foundation

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
            state.message = nil
            if let action = state.keyMap.action(for: key) {
                effects += perform(action, on: &state)
            }
        case .tick(let now):
            state.now = now
        case .resized(let width, let height):
            state.width = width
            state.height = height
            scrollToCursor(&state)
            effects.append(.redrawAll)
        case .loaded(let snapshot):
            apply(snapshot, to: &state)
        case .storeChanged:
            effects.append(.load(offset: state.windowOffset, limit: windowSize))
            state.pendingLoad = state.windowOffset
        }
        effects += windowRequest(&state)
        return (state, effects)
    }

    static func perform(_ action: Action, on state: inout ConsoleState) -> [ConsoleEffect] {
        if state.helpVisible {
            // The help overlay takes every key; back, help and quit close it.
            switch action {
            case .quit: return [.quit]
            case .back, .help: state.helpVisible = false
            default: break
            }
            return []
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
        case .help: state.helpVisible = true
        case .back, .quit: return [.quit]
        case .refresh:
            state.message = state.strings.refreshed
            state.pendingLoad = state.windowOffset
            return [.load(offset: state.windowOffset, limit: windowSize)]
        case .redraw: return [.redrawAll]
        }
        return []
    }

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

    /// A new snapshot keeps the cursor on the same incident when it is still in the window.
    static func apply(_ snapshot: InboxSnapshot, to state: inout ConsoleState) {
        let selectedID = state.selected?.id
        let offsetInView = state.cursor - state.top
        state.total = snapshot.total
        state.windowOffset = snapshot.offset
        state.rows = snapshot.rows
        state.counters = snapshot.counters
        state.loaded = true
        state.pendingLoad = nil
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
        return [.load(offset: offset, limit: windowSize)]
    }
}
