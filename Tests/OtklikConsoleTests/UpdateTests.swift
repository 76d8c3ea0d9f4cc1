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
        #expect(effects == [.load(offset: 0, limit: 400)])
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
        #expect(effects == [.load(offset: 99_600, limit: 400)])
        // A second key before the window arrives does not ask again.
        #expect(press(moved, .character("k")).1.isEmpty)
        #expect(moved.row(at: 99_999) == nil)
        #expect(InboxScreen.render(moved).text(row: 3).contains("загрузка…"))
    }

    @Test func storeChangesReloadTheCurrentWindow() {
        let (_, effects) = ConsoleUpdate.update(fixtureState(), .storeChanged)
        #expect(effects == [.load(offset: 0, limit: 400)])
    }

    @Test func ticksMoveTheCountdowns() {
        let state = ConsoleUpdate.update(fixtureState(), .tick(fixtureNow.addingTimeInterval(61))).0
        #expect(InboxScreen.render(state).text(row: 4).contains("12:59"))
        #expect(InboxScreen.render(state).text(row: 0).contains("17:01:01"))
    }
}
