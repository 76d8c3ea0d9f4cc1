import Foundation
import GRDB
import OtklikCore
import Testing
@testable import OtklikStore

@Suite struct MigrationTests {
    @Test func emptyStoreGetsEveryMigration() throws {
        let path = temporaryStorePath()
        var told = false
        let store = try Store.open(path: path) { _ in told = true }
        #expect(!told)  // a new store is created, not upgraded
        #expect(try store.appliedMigrations() == Store.knownMigrations.sorted())
        let tables = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'incident_fts_%' ORDER BY name")
        }
        #expect(tables == ["agency", "author", "calendar", "calendar_day", "calendar_interval", "claim", "event",
                           "grdb_migrations", "incident", "incident_fts", "ingest_cursor", "message", "message_revision", "operator",
                           "outbox", "quarantine", "reply_template", "setting", "sla_policy", "source", "topic"])
        #expect(try store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.pool.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") } == true)
    }

    @Test func previousVersionStoreIsUpgradedKeepingItsData() throws {
        let path = temporaryStorePath()
        // A store as version 1 left it, with an operator in it.
        do {
            let pool = try DatabasePool(path: path)
            try StoreMigrator.make().migrate(pool, upTo: StoreMigrator.v1)
            try pool.write { db in
                try db.execute(sql: "INSERT INTO operator(login, name, role) VALUES ('ivanova', 'Иванова Мария', 'operator')")
            }
            try pool.close()
        }
        let store = try Store.open(path: path)
        #expect(try store.appliedMigrations() == Store.knownMigrations.sorted())
        let row = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT name, language FROM operator WHERE login = 'ivanova'") }
        #expect(row?["name"] == "Иванова Мария")
        #expect(row?["language"] == "ru")
    }

    @Test func aStoreOfVersion7GetsItsThreadsIndexedPerIncident() throws {
        let path = temporaryStorePath()
        do {
            let pool = try DatabasePool(path: path)
            try StoreMigrator.make().migrate(pool, upTo: StoreMigrator.v7)
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO source(code, kind, name) VALUES ('vk', 'vk', 'ВК');
                    INSERT INTO incident(id, number, source_id, external_id, status, priority, excerpt, created_at, registered_at, updated_at)
                        VALUES (1, 1, 1, 'a', 'new', 'normal', 'Яма', 0, 0, 0), (2, 2, 1, 'b', 'new', 'normal', 'Свет', 0, 0, 0);
                    INSERT INTO message(incident_id, source_id, kind, text, created_at) VALUES
                        (1, 1, 'citizen_post', 'Яма во дворе', 0), (1, 1, 'citizen_followup', 'Ещё и ёлку не убрали', 10),
                        (2, 1, 'citizen_post', 'Нет света в подъезде', 0);
                    """)
            }
            try pool.close()
        }
        var pending: [String] = []
        let store = try Store.open(path: path) { pending = $0 }
        #expect(pending == ["v8-incident-search", "v9-status-by-rank", "v10-inbox-on-order-index", "v11-excerpt-from-thread"])
        // The excerpt, no longer a column, comes from the thread's post.
        #expect(try store.inboxPage(offset: 0, limit: 10).sorted { $0.number < $1.number }.map(\.excerpt) == ["Яма во дворе", "Нет света в подъезде"])
        let columns = try store.pool.read { db in try db.columns(in: "incident").map(\.name) }
        #expect(!columns.contains("excerpt"))
        // Words of two messages of one thread find it; the index agrees with its content.
        #expect(try store.search("яма елку", limit: 10).map(\.number) == [1])
        #expect(try store.search("свет", limit: 10).map(\.number) == [2])
        try store.pool.write { db in try db.execute(sql: "INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')") }
    }

    @Test func aStoreOfVersion8CountsStatusesOnTheRankIndex() throws {
        let path = temporaryStorePath()
        do {
            let pool = try DatabasePool(path: path)
            try StoreMigrator.make().migrate(pool, upTo: StoreMigrator.v8)
            try pool.write { db in
                try db.execute(sql: "INSERT INTO source(code, kind, name) VALUES ('vk', 'vk', 'ВК')")
                let statuses = ["new", "new", "in_progress", "answered", "closed", "no_answer", "waiting_citizen"]
                for (n, status) in statuses.enumerated() {
                    let closed = ["closed", "no_answer"].contains(status) ? "0" : "NULL"
                    try db.execute(sql: """
                        INSERT INTO incident(number, source_id, external_id, status, priority, excerpt, created_at, registered_at, updated_at, closed_at)
                        VALUES (?, 1, ?, ?, 'normal', 'Яма', 0, 0, 0, \(closed))
                        """, arguments: [n + 1, "e\(n)", status])
                }
            }
            try pool.close()
        }
        let store = try Store.open(path: path)
        let indexes = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
        #expect(!indexes.contains("incident_filter_by_status") && indexes.contains("incident_sort_by_status"))
        #expect(try store.countByStatus() == [.new: 2, .inProgress: 1, .answered: 1, .closed: 1, .noAnswer: 1, .waitingCitizen: 1])
        let counters = try store.counters(now: fixedNow)
        #expect(counters.new == 2 && counters.open == 5)
        for (text, count) in [("статус:новый", 2), ("открытые", 5), ("статус:закрыт,без_ответа", 2), ("статус:ждёт_автора", 1)] {
            #expect(try store.inboxCount(filter: InboxFilter.parse(text), operatorLogin: nil, now: fixedNow) == count, "«\(text)»")
        }
        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT count(*) FROM incident i WHERE \(SchemaV9.statusIn([IncidentStatus.new]))")
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX incident_sort_by_status") }, "\(plan)")
    }

    @Test func newFileIsReadableByItsOwnerOnly() throws {
        let path = temporaryStorePath()
        _ = try Store.open(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func notAStoreGivesAClearError() throws {
        let path = temporaryStorePath()
        try Data("this is not sqlite, just text that is long enough to have a header".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: Store.OpenError.self) { try Store.open(path: path) }
    }

    @Test func locationPrecedence() {
        #expect(StoreLocation.resolve(explicit: "/x.sqlite", environment: ["OTKLIK_DB": "/y.sqlite"]) == "/x.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["OTKLIK_DB": "/y.sqlite", "XDG_DATA_HOME": "/d"]) == "/y.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/otklik/otklik.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/otklik/otklik.sqlite")
        // A relative XDG_DATA_HOME is invalid by the XDG spec and ignored.
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/otklik/otklik.sqlite")
    }
}
