import Foundation
import OtklikConsole
import OtklikCore

/// The fixture inbox with an operator at the console (incident actions need one).
func operatorState(width: Int = 80, height: Int = 24, language: Language = .ru) -> ConsoleState {
    var state = fixtureState(width: width, height: height, language: language)
    state.operatorLogin = "ivanova"
    return state
}

/// Runs keys through the pure update, collecting the effects.
func pressing(_ state: ConsoleState, _ keys: Key...) -> (ConsoleState, [ConsoleEffect]) {
    var state = state
    var effects: [ConsoleEffect] = []
    for key in keys {
        let result = ConsoleUpdate.update(state, .key(key))
        state = result.0
        effects += result.1
    }
    return (state, effects)
}

/// The fixture rows after the store applied `change` to incident `number`.
func rows(changing number: Int, status: IncidentStatus, owner: String?) -> [IncidentSummary] {
    fixtureRows.map { $0.number == number ? $0.with(status: status, ownerLogin: owner, version: $0.version + 1) : $0 }
}

/// The state after `a` on the first row: the store took it, the window came back.
func takenState(width: Int = 80, height: Int = 24) -> ConsoleState {
    var (state, effects) = pressing(operatorState(width: width, height: height), .character("a"))
    precondition(effects.count == 1)
    let target = IncidentTarget(fixtureRows[0])
    state = ConsoleUpdate.update(state, .performed(IncidentActionReport(
        action: .take, results: [.init(target: target, outcome: .done(version: 2))], toTagged: false))).0
    let updated = rows(changing: 1041, status: .inProgress, owner: "ivanova")
    state = ConsoleUpdate.update(state, .loaded(InboxSnapshot(total: updated.count, offset: 0, rows: updated))).0
    return ConsoleUpdate.update(state, .detailLoaded(fixtureDetail(updated[0]))).0
}

/// Two tagged incidents (1041, 1187), `;` and `X`: the confirmation for both.
func taggedConfirmationState(width: Int = 80, height: Int = 24) -> ConsoleState {
    let state = pressing(operatorState(width: width, height: height), .character(" "), .character(" "), .character(";"), .character("X")).0
    return ConsoleUpdate.update(state, .detailLoaded(fixtureDetail(fixtureRows[2]))).0
}

/// `;` `a` on 1041, 1187 and 1203: one taken, one changed underneath, one not applicable.
func batchResultState(width: Int = 80, height: Int = 24) -> ConsoleState {
    var state = pressing(operatorState(width: width, height: height),
                         .character(" "), .character(" "), .character(" "), .character("g")).0
    let report = IncidentActionReport(action: .take, results: [
        .init(target: IncidentTarget(fixtureRows[0]), outcome: .done(version: 2)),
        .init(target: IncidentTarget(fixtureRows[1]), outcome: .conflict(currentVersion: 4)),
        .init(target: IncidentTarget(fixtureRows[2]), outcome: .refused(.alreadyDone)),
    ], toTagged: true)
    state = ConsoleUpdate.update(state, .performed(report)).0
    return ConsoleUpdate.update(state, .detailLoaded(fixtureDetail(fixtureRows[0]))).0
}
