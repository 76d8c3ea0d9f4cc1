import Foundation
import GRDB
import Testing
@testable import OtklikStore

/// The schema's rules reject bad rows whoever writes them.
@Suite struct ConstraintTests {
    let store: Store

    init() throws {
        store = try Store.open(path: temporaryStorePath())
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO source(id, code, kind, name) VALUES (1, 'vk', 'vk', 'VK')")
            try db.execute(sql: """
                INSERT INTO incident(id, number, source_id, external_id, created_at, registered_at, updated_at, due_at)
                VALUES (1, 1, 1, 'a', 100, 100, 100, 200)
                """)
        }
    }

    func rejects(_ sql: String) -> Bool {
        do {
            try store.pool.write { db in try db.execute(sql: sql) }
            return false
        } catch let error as DatabaseError {
            return error.resultCode == .SQLITE_CONSTRAINT
        } catch {
            return false
        }
    }

    let incidentColumns = "number, source_id, external_id, created_at, registered_at, updated_at"

    @Test func unknownEnumerationValues() {
        #expect(rejects("INSERT INTO source(code, kind, name) VALUES ('fb', 'facebook', 'FB')"))
        #expect(rejects("INSERT INTO incident(\(incidentColumns), status) VALUES (2, 1, 'b', 1, 1, 1, 'done')"))
        #expect(rejects("INSERT INTO incident(\(incidentColumns), priority) VALUES (2, 1, 'b', 1, 1, 1, 'urgent')"))
        #expect(rejects("INSERT INTO operator(login, name, role) VALUES ('x', 'X', 'root')"))
        #expect(rejects("INSERT INTO operator(login, name, role) VALUES ('Bad Login', 'X', 'operator')"))
    }

    @Test func incidentInvariants() {
        // Closed without a closing time, or open with one.
        #expect(rejects("INSERT INTO incident(\(incidentColumns), status) VALUES (2, 1, 'b', 1, 1, 1, 'closed')"))
        #expect(rejects("INSERT INTO incident(\(incidentColumns), closed_at) VALUES (2, 1, 'b', 1, 1, 1, 5)"))
        // A paused incident has no running clock.
        #expect(rejects("INSERT INTO incident(\(incidentColumns), status, due_at) VALUES (2, 1, 'b', 1, 1, 1, 'waiting_citizen', 9)"))
        // Registered before it was written; half a coordinate; a warning after the deadline.
        #expect(rejects("INSERT INTO incident(\(incidentColumns)) VALUES (2, 1, 'b', 10, 5, 1)"))
        #expect(rejects("INSERT INTO incident(\(incidentColumns), latitude) VALUES (2, 1, 'b', 1, 1, 1, 55.7)"))
        #expect(rejects("INSERT INTO incident(\(incidentColumns), due_at, warn_at) VALUES (2, 1, 'b', 1, 1, 1, 10, 20)"))
        #expect(rejects("UPDATE incident SET version = 0 WHERE id = 1"))
    }

    @Test func uniqueKeys() {
        #expect(rejects("INSERT INTO incident(\(incidentColumns)) VALUES (1, 1, 'other', 1, 1, 1)"))  // number
        #expect(rejects("INSERT INTO incident(\(incidentColumns)) VALUES (2, 1, 'a', 1, 1, 1)"))      // (source, external id)
    }

    @Test func foreignKeys() {
        #expect(rejects("INSERT INTO incident(\(incidentColumns)) VALUES (2, 99, 'b', 1, 1, 1)"))
        #expect(rejects("INSERT INTO message(incident_id, kind, text, created_at) VALUES (42, 'citizen_post', 'x', 1)"))
        #expect(rejects("INSERT INTO claim(incident_id, operator_id, claimed_at, expires_at) VALUES (1, 7, 1, 2)"))
    }

    @Test func messagesComeFromCitizensOrOperators() {
        // A reply without an operator.
        #expect(rejects("INSERT INTO message(incident_id, kind, text, created_at) VALUES (1, 'final_reply', 'x', 1)"))
        // A citizen post attributed to an operator.
        #expect(!rejects("INSERT INTO operator(id, login, name, role) VALUES (1, 'op', 'Op', 'operator')"))
        #expect(rejects("INSERT INTO message(incident_id, kind, operator_id, text, created_at) VALUES (1, 'citizen_post', 1, 'x', 1)"))
    }

    @Test func eventLogIsAppendOnly() throws {
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO event(at, actor, incident_id, action) VALUES (1, 'system:test', 1, 'incident.registered')")
        }
        #expect(rejects("UPDATE event SET actor = 'someone else'"))
        #expect(rejects("DELETE FROM event"))
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") } == 1)
    }

    @Test func outboxAndQuarantineRules() {
        #expect(rejects("INSERT INTO outbox(message_id, source_id, status, next_attempt_at, created_at) VALUES (1, 1, 'sent', 1, 1)"))
        #expect(rejects("INSERT INTO quarantine(format, file, line, reason, raw, received_at) VALUES ('vk', 'a.json', 0, 'bad', x'00', 1)"))
        #expect(rejects("INSERT INTO quarantine(format, file, reason, raw, received_at) VALUES ('vk', 'a.json', '', x'00', 1)"))
    }

    @Test func calendarRules() {
        #expect(!rejects("INSERT INTO calendar(id, code, name) VALUES (1, 'ru', 'RU')"))
        #expect(rejects("INSERT INTO calendar_interval VALUES (1, 8, 540, 600)"))
        #expect(rejects("INSERT INTO calendar_interval VALUES (1, 1, 600, 540)"))
        #expect(rejects("INSERT INTO calendar_day(calendar_id, day, kind) VALUES (1, '01.01.2026', 'holiday')"))
        #expect(rejects("INSERT INTO sla_policy(code, name, first_reaction_amount, first_reaction_unit, answer_amount, answer_unit, final_amount, final_unit, final_anchor, warning_percent) VALUES ('p', 'P', 0, 'working_minutes', 1, 'working_minutes', 1, 'calendar_days', 'registration', 75)"))
    }
}
