import OtklikCore
import Testing

@Suite struct IncidentActionTests {
    func plan(_ action: IncidentAction, _ status: IncidentStatus, owner: String?, me: String = "ivanova")
        -> Result<IncidentChange, IncidentActionRefusal> {
        action.plan(status: status, ownerLogin: owner, operatorLogin: me)
    }

    @Test func takeAssignsToMeAndPutsANewIncidentIntoWork() {
        #expect(plan(.take, .new, owner: nil) == .success(IncidentChange(status: .inProgress, ownerLogin: "ivanova")))
        // Taken over from a colleague: the owner changes, the status stays.
        #expect(plan(.take, .waitingAgency, owner: "petrov") == .success(IncidentChange(status: .waitingAgency, ownerLogin: "ivanova")))
        // Mine but still new (someone assigned it to me): into work.
        #expect(plan(.take, .new, owner: "ivanova") == .success(IncidentChange(status: .inProgress, ownerLogin: "ivanova")))
        #expect(plan(.take, .inProgress, owner: "IVANOVA") == .failure(.alreadyDone))
        #expect(plan(.take, .closed, owner: nil) == .failure(.ended(.closed)))
        #expect(plan(.take, .noAnswer, owner: "petrov") == .failure(.ended(.noAnswer)))
        #expect(plan(.take, .new, owner: nil, me: "Ivanova") == .success(IncidentChange(status: .inProgress, ownerLogin: "ivanova")))
    }

    @Test func releaseUndoesTake() {
        #expect(plan(.release, .inProgress, owner: "ivanova") == .success(IncidentChange(status: .new, ownerLogin: nil)))
        #expect(plan(.release, .answered, owner: "ivanova") == .success(IncidentChange(status: .answered, ownerLogin: nil)))
        #expect(plan(.release, .inProgress, owner: "petrov") == .failure(.ownedByAnother("petrov")))
        #expect(plan(.release, .new, owner: nil) == .failure(.alreadyDone))
        #expect(plan(.release, .closed, owner: "ivanova") == .failure(.ended(.closed)))
    }

    @Test func noAnswerEndsAnyOpenIncidentAndKeepsItsOwner() {
        for status in IncidentStatus.allCases where !status.isTerminal {
            #expect(plan(.markNoAnswer, status, owner: "petrov") == .success(IncidentChange(status: .noAnswer, ownerLogin: "petrov")))
        }
        #expect(plan(.markNoAnswer, .noAnswer, owner: nil) == .failure(.alreadyDone))
        #expect(plan(.markNoAnswer, .closed, owner: nil) == .failure(.ended(.closed)))
        #expect(IncidentAction.markNoAnswer.isDestructive && !IncidentAction.take.isDestructive && !IncidentAction.release.isDestructive)
        #expect(IncidentAction.allCases.map(\.eventName) == ["incident.take", "incident.release", "incident.no_answer"])
    }

    @Test func statusSortFollowsTheLifeOfAnIncident() {
        #expect(IncidentStatus.allCases.map(InboxSort.rank(of:)) == Array(0..<7))
        #expect(InboxSort.rank(of: .new) < InboxSort.rank(of: .inProgress))
        #expect(InboxSort.rank(of: .closed) < InboxSort.rank(of: .noAnswer))
    }
}
