import Foundation
import OtklikConsole
import OtklikCore
import Testing

/// The incident actions, `;`, confirmations and the sort menu through the pure update.
@Suite struct ActionUpdateTests {
    let first = IncidentTarget(fixtureRows[0])   // №1041
    let second = IncidentTarget(fixtureRows[1])  // №1187

    @Test func takeAndReleaseAskTheStoreAtOnce() {
        let (taking, effects) = pressing(operatorState(), .character("a"))
        #expect(effects == [.perform(.take, targets: [first], operatorLogin: "ivanova", toTagged: false)])
        #expect(taking.confirmation == nil && taking.message == nil)
        #expect(pressing(operatorState(), .character("A")).1 == [.perform(.release, targets: [first], operatorLogin: "ivanova", toTagged: false)])
        // On the Russian layout ф is a.
        #expect(pressing(operatorState(), .character("ф")).1 == [.perform(.take, targets: [first], operatorLogin: "ivanova", toTagged: false)])
        // The selected incident, also from the full-screen detail.
        #expect(pressing(operatorState(), .character("j"), .enter, .character("a")).1.last
                == .perform(.take, targets: [second], operatorLogin: "ivanova", toTagged: false))
    }

    @Test func withoutAnOperatorNothingIsWritten() {
        let (state, effects) = pressing(fixtureState(), .character("a"))
        #expect(effects.isEmpty && state.messageIsError && state.message == "Не задан оператор (--operator) — действия недоступны")
        // Nor with nothing selected.
        var empty = operatorState()
        empty = ConsoleUpdate.update(empty, .loaded(InboxSnapshot(total: 0, offset: 0, rows: []))).0
        #expect(pressing(empty, .character("a"), .character("X")).1.isEmpty)
    }

    @Test func noAnswerAsksFirst() {
        let (asking, none) = pressing(operatorState(), .character("X"))
        #expect(none.isEmpty)
        #expect(asking.confirmation?.question == "Отметить №1041 «без ответа» (ответ не требуется)? y/n")
        // Other keys are not answers: the question stays, nothing moves.
        let (still, stillEffects) = pressing(asking, .character("j"), .character("a"), .character("?"))
        #expect(still.confirmation == asking.confirmation && still.cursor == 0 && !still.helpVisible && stillEffects.isEmpty)
        // n, Esc, Ctrl-G, q cancel.
        for key: Key in [.character("n"), .escape, .control("g"), .character("q"), .character("т")] {
            let (cancelled, effects) = pressing(asking, key)
            #expect(cancelled.confirmation == nil && effects.isEmpty && cancelled.message == "Отменено", "\(key)")
        }
        // y (or н, the same key on the Russian layout) goes ahead.
        let yes = [ConsoleEffect.perform(.markNoAnswer, targets: [first], operatorLogin: "ivanova", toTagged: false)]
        for key: Key in [.character("y"), .character("Y"), .character("н"), .character("д")] {
            let (done, effects) = pressing(asking, key)
            #expect(done.confirmation == nil && effects == yes, "\(key)")
        }
        #expect(pressing(operatorState(language: .en), .character("X")).0.confirmation?.question == "Mark No. 1041 no answer owed? y/n")
        // A resize keeps the question.
        #expect(ConsoleUpdate.update(asking, .resized(width: 120, height: 40)).0.confirmation == asking.confirmation)
    }

    @Test func confirmationAnswers() {
        #expect(Confirmation.answer(for: .character("y")) == .yes)
        #expect(Confirmation.answer(for: .escape) == .no)
        #expect(Confirmation.answer(for: .character("j")) == nil)
        #expect(Confirmation.answer(for: .enter) == nil)  // no default for a destructive question
    }

    @Test func semicolonAppliesTheNextActionToAllTagged() {
        // Nothing tagged: say so.
        let (alone, aloneEffects) = pressing(operatorState(), .character(";"))
        #expect(!alone.applyToTagged && aloneEffects.isEmpty && alone.messageIsError && alone.message == "Нет отмеченных: Space или t — отметить")

        let tagged = pressing(operatorState(), .character(" "), .character(" ")).0  // 1041 and 1187
        let (armed, none) = pressing(tagged, .character(";"))
        #expect(armed.applyToTagged && none.isEmpty)
        #expect(armed.message == "Действие для всех отмеченных: a, A или X (Esc — отмена)")
        // Take: every tagged incident, by number, at once.
        let (taking, effects) = pressing(armed, .character("a"))
        #expect(!taking.applyToTagged)
        #expect(effects == [.perform(.take, targets: [first, second], operatorLogin: "ivanova", toTagged: true)])
        // No answer: one confirmation for the whole set.
        let (asking, noEffects) = pressing(armed, .character("X"))
        #expect(noEffects.isEmpty && asking.confirmation?.question == "Отметить 2 обращения «без ответа»? y/n")
        #expect(pressing(asking, .character("y")).1 == [.perform(.markNoAnswer, targets: [first, second], operatorLogin: "ivanova", toTagged: true)])
        // Anything else cancels the prefix and does nothing; Esc just cancels.
        let (moved, movedEffects) = pressing(armed, .character("j"))
        #expect(!moved.applyToTagged && moved.cursor == armed.cursor && movedEffects.isEmpty)
        #expect(moved.message == "Отменено: это действие не применяется к отмеченным")
        #expect(pressing(armed, .escape).0.message == "Отменено")
        #expect(pressing(armed, .character("ж")).0.message == "Отменено: это действие не применяется к отмеченным")  // ж is ; on ЙЦУКЕН, but the prefix is spent
        // Five: "обращений".
        let five = pressing(operatorState(), .character(" "), .character(" "), .character(" "), .character(" "), .character(" "),
                            .character(";"), .character("X")).0
        #expect(five.confirmation?.question == "Отметить 5 обращений «без ответа»? y/n")
    }

    @Test func singleOutcomesSayWhatHappenedAndReload() {
        let state = operatorState()
        func report(_ outcome: IncidentActionOutcome, _ action: IncidentAction = .take) -> (ConsoleState, [ConsoleEffect]) {
            ConsoleUpdate.update(state, .performed(IncidentActionReport(action: action, results: [.init(target: first, outcome: outcome)], toTagged: false)))
        }
        let reload: [ConsoleEffect] = [.load(InboxQuery(operatorLogin: "ivanova"), offset: 0, limit: 400), .loadCounters]
        let (done, doneEffects) = report(.done(version: 2))
        #expect(done.message == "№1041 взято в работу" && !done.messageIsError && doneEffects == reload)
        let (conflict, conflictEffects) = report(.conflict(currentVersion: 5))
        #expect(conflict.message == "№1041 изменено кем-то другим — список обновлён" && conflict.messageIsError && conflictEffects == reload)
        #expect(report(.gone).0.message == "№1041 больше нет")
        #expect(report(.refused(.ended(.closed))).0.message == "№1041 уже завершено (закрыт)")
        #expect(report(.refused(.alreadyDone), .release).0.message == "№1041 ни за кем не закреплено")
        #expect(report(.refused(.ownedByAnother("petrov")), .release).0.message == "№1041 закреплено за petrov — вернуть может только куратор")
        #expect(report(.refused(.unknownOperator("guest"))).0.message == "Оператора «guest» нет в базе — действия недоступны")
        #expect(report(.done(version: 2), .markNoAnswer).0.message == "№1041 отмечено «без ответа»")
    }

    @Test func taggedOutcomesCountAndUntagWhatWentThrough() {
        let state = batchResultState()
        #expect(state.message == "Взято в работу: 1 из 3 · изменено другими: 1 (обновлено) · неприменимо: 1")
        #expect(state.messageIsError)
        // Done: untagged. Changed underneath: still tagged, at the version now in the store.
        // Not applicable: still tagged.
        #expect(state.tagged == [1187: IncidentTarget(id: 1187, number: 1187, version: 4),
                                 1203: IncidentTarget(fixtureRows[2])])
        // All went through: not an error, and nothing left tagged.
        let tagged = pressing(operatorState(), .character(" "), .character(" ")).0
        let (clean, effects) = ConsoleUpdate.update(tagged, .performed(IncidentActionReport(action: .markNoAnswer, results: [
            .init(target: first, outcome: .done(version: 2)), .init(target: second, outcome: .done(version: 2)),
        ], toTagged: true)))
        #expect(clean.message == "Отмечено «без ответа»: 2 из 2" && !clean.messageIsError && clean.tagged.isEmpty)
        #expect(effects.last == .loadCounters)
        // A single action on a tagged incident keeps its tag at the new version.
        let single = ConsoleUpdate.update(tagged, .performed(IncidentActionReport(action: .take, results: [
            .init(target: first, outcome: .done(version: 2)),
        ], toTagged: false))).0
        #expect(single.tagged[1041]?.version == 2)
    }

    @Test func sortMenuChoosesTheOrder() {
        let (open, none) = pressing(operatorState(), .character("o"))
        #expect(open.sortMenuOpen && none.isEmpty)
        let (sorted, effects) = pressing(open, .character("4"))
        #expect(!sorted.sortMenuOpen && sorted.sort == .status)
        #expect(effects == [.load(InboxQuery(operatorLogin: "ivanova", sort: .status), offset: 0, limit: 400)])
        #expect(sorted.message == "Порядок: по статусу")
        #expect(InboxScreen.render(sorted).text(row: 1).hasSuffix("порядок: по статусу "))
        // Later loads (scrolling, store changes) keep the order.
        #expect(ConsoleUpdate.update(sorted, .storeChanged).1.first == .load(InboxQuery(operatorLogin: "ivanova", sort: .status), offset: 0, limit: 400))
        // The same order again: nothing to load.
        #expect(pressing(open, .character("1")).1.isEmpty)
        // Esc, q, Enter close it; other keys wait.
        for key: Key in [.escape, .character("q"), .enter, .control("g")] {
            let (closed, effects) = pressing(open, key)
            #expect(!closed.sortMenuOpen && closed.sort == .deadline && effects.isEmpty, "\(key)")
        }
        let (waiting, waitingEffects) = pressing(open, .character("9"), .character("j"))
        #expect(waiting.sortMenuOpen && waiting.cursor == 0 && waitingEffects.isEmpty)
        // Every order has a digit.
        for (index, sort) in InboxSort.allCases.enumerated() {
            #expect(pressing(open, .character(Character(String(index + 1)))).0.sort == sort)
        }
    }

    @Test func newActionsAreDeclaredOnceWithHelpInBothLanguages() {
        for action in [Action.applyToTagged, .take, .release, .noAnswer, .sort] {
            let declarations = Action.declarations.filter { $0.action == action }
            #expect(declarations.count == 1)
            #expect(!declarations[0].helpRU.isEmpty && !declarations[0].helpEN.isEmpty && !declarations[0].keys.isEmpty)
        }
        #expect(KeyMap().action(for: .character("o")) == .sort)
        #expect(KeyMap().action(for: .character("X")) == .noAnswer)
        #expect(Action.allCases.compactMap(\.incidentAction) == IncidentAction.allCases)
    }
}
