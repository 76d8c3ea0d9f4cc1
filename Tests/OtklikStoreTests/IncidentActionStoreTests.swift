import Foundation
import GRDB
import OtklikCore
import Testing
@testable import OtklikStore

/// Take, release and "no answer owed": one transaction each, guarded by the version, with
/// an audit event per changed field.
@Suite struct IncidentActionStoreTests {
    struct Fixture {
        let store: Store
        let id: Int64
    }

    /// A store with two operators and one new incident.
    func fixture() throws -> Fixture {
        let store = try Store.open(path: temporaryStorePath())
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO operator(login, name, role) VALUES ('ivanova', 'Иванова', 'operator'), ('petrov', 'Петров', 'operator')")
        }
        try store.registerIncident(NewIncident(source: .vk, externalID: "1", text: "Яма на дороге", createdAt: fixedNow), at: fixedNow, actor: "test")
        let id = try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM incident")! }
        return Fixture(store: store, id: id)
    }

    struct State: Equatable {
        let status: String
        let owner: String?
        let version: Int
        let dueAt: Int64?
        let warnAt: Int64?
        let closedAt: Int64?
    }

    func state(_ f: Fixture) throws -> State {
        try f.store.pool.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT i.status, o.login, i.version, i.due_at, i.warn_at, i.closed_at FROM incident i
                LEFT JOIN operator o ON o.id = i.owner_id WHERE i.id = ?
                """, arguments: [f.id])!
            return State(status: row[0], owner: row[1], version: row[2], dueAt: row[3], warnAt: row[4], closedAt: row[5])
        }
    }

    /// The audit events written by the console's actions (actor, action, field, before, after).
    func events(_ f: Fixture) throws -> [[String?]] {
        try f.store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT actor, action, field, before, after FROM event WHERE action <> 'incident.registered' ORDER BY id")
                .map { [$0[0], $0[1], $0[2], $0[3], $0[4]] }
        }
    }

    @Test func takeAssignsPutsIntoWorkAndMovesTheClockToTheAnswer() throws {
        let f = try fixture()
        let before = try state(f)
        let later = fixedNow.addingTimeInterval(600)
        #expect(try f.store.takeIncident(id: f.id, expectedVersion: before.version, operatorLogin: "ivanova", at: later) == .done(version: before.version + 1))
        let after = try state(f)
        let answerDue = try f.store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT answer_due FROM incident")! }
        #expect(after.status == "in_progress" && after.owner == "ivanova" && after.version == before.version + 1)
        #expect(after.dueAt == answerDue && after.dueAt != before.dueAt)
        #expect(after.warnAt! < after.dueAt! && after.closedAt == nil)
        #expect(try events(f) == [
            ["operator:ivanova", "incident.take", "status", "new", "in_progress"],
            ["operator:ivanova", "incident.take", "owner", nil, "ivanova"],
        ])
        let updatedAt = try f.store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT updated_at FROM incident")! }
        #expect(updatedAt == later.unixSeconds)
        // The detail's history shows them.
        #expect(try f.store.incidentDetail(id: f.id)?.history.map(\.action).suffix(2) == ["incident.take", "incident.take"])
    }

    @Test func aStaleVersionChangesNothing() throws {
        let f = try fixture()
        let v1 = try state(f).version
        #expect(try f.store.takeIncident(id: f.id, expectedVersion: v1, operatorLogin: "petrov", at: fixedNow) == .done(version: v1 + 1))
        // Another console still shows version 1.
        let before = try state(f)
        #expect(try f.store.takeIncident(id: f.id, expectedVersion: v1, operatorLogin: "ivanova", at: fixedNow) == .conflict(currentVersion: v1 + 1))
        #expect(try f.store.markIncidentNoAnswer(id: f.id, expectedVersion: v1, operatorLogin: "ivanova", at: fixedNow) == .conflict(currentVersion: v1 + 1))
        #expect(try state(f) == before)
        #expect(try events(f).count == 2)  // petrov's take only
        // Refreshed, the same action goes through (taken over from petrov).
        #expect(try f.store.takeIncident(id: f.id, expectedVersion: v1 + 1, operatorLogin: "ivanova", at: fixedNow) == .done(version: v1 + 2))
        #expect(try events(f).last == ["operator:ivanova", "incident.take", "owner", "petrov", "ivanova"])
    }

    @Test func releaseOnlyByTheOwnerAndBackToNew() throws {
        let f = try fixture()
        let newDue = try state(f).dueAt
        _ = try f.store.takeIncident(id: f.id, expectedVersion: 1, operatorLogin: "ivanova", at: fixedNow)
        #expect(try f.store.releaseIncident(id: f.id, expectedVersion: 2, operatorLogin: "petrov", at: fixedNow) == .refused(.ownedByAnother("ivanova")))
        #expect(try state(f).version == 2)
        #expect(try f.store.releaseIncident(id: f.id, expectedVersion: 2, operatorLogin: "ivanova", at: fixedNow) == .done(version: 3))
        let after = try state(f)
        // Taking was the first reaction (docs/sla.md): released, the incident waits on the answer.
        let answerDue = try f.store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT answer_due FROM incident")! }
        #expect(after.status == "new" && after.owner == nil && after.dueAt == answerDue && after.dueAt != newDue)
        #expect(try events(f).suffix(2) == [
            ["operator:ivanova", "incident.release", "status", "in_progress", "new"],
            ["operator:ivanova", "incident.release", "owner", "ivanova", nil],
        ])
        #expect(try f.store.releaseIncident(id: f.id, expectedVersion: 3, operatorLogin: "ivanova", at: fixedNow) == .refused(.alreadyDone))
    }

    @Test func noAnswerEndsTheIncidentAndStopsTheClock() throws {
        let f = try fixture()
        let later = fixedNow.addingTimeInterval(3_600)
        #expect(try f.store.markIncidentNoAnswer(id: f.id, expectedVersion: 1, operatorLogin: "ivanova", at: later) == .done(version: 2))
        #expect(try state(f) == State(status: "no_answer", owner: nil, version: 2, dueAt: nil, warnAt: nil, closedAt: later.unixSeconds))
        #expect(try events(f) == [["operator:ivanova", "incident.no_answer", "status", "new", "no_answer"]])
        #expect(try f.store.markIncidentNoAnswer(id: f.id, expectedVersion: 2, operatorLogin: "ivanova", at: later) == .refused(.alreadyDone))
        #expect(try f.store.takeIncident(id: f.id, expectedVersion: 2, operatorLogin: "ivanova", at: later) == .refused(.ended(.noAnswer)))
        // It counts as closed today for the "closed since" filter.
        let closedToday = InboxFilter(closedSince: fixedNow)
        #expect(try f.store.inboxCount(filter: closedToday, operatorLogin: nil, now: later) == 1)
    }

    @Test func unknownOperatorsAndMissingIncidents() throws {
        let f = try fixture()
        #expect(try f.store.takeIncident(id: f.id, expectedVersion: 1, operatorLogin: "nobody", at: fixedNow) == .refused(.unknownOperator("nobody")))
        #expect(try f.store.takeIncident(id: 999, expectedVersion: 1, operatorLogin: "ivanova", at: fixedNow) == .gone)
        #expect(try f.store.perform(.take, incident: f.id, expectedVersion: 1, operatorLogin: "IVANOVA", at: fixedNow) == .done(version: 2))
        #expect(try state(f).owner == "ivanova")
        #expect(try events(f).first?.first == "operator:ivanova")
    }

    @Test func twoProcessesTakingAtOnceOneWins() throws {
        let f = try fixture()
        // A second pool on the same file stands in for another operator's console.
        let other = try Store.open(path: f.store.path)
        let outcomes = [
            try f.store.takeIncident(id: f.id, expectedVersion: 1, operatorLogin: "ivanova", at: fixedNow),
            try other.takeIncident(id: f.id, expectedVersion: 1, operatorLogin: "petrov", at: fixedNow),
        ]
        #expect(outcomes == [.done(version: 2), .conflict(currentVersion: 2)])
        #expect(try state(f).owner == "ivanova")
    }
}
