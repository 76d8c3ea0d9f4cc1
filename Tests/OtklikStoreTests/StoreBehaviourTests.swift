import Foundation
import GRDB
import OtklikCore
import Testing
@testable import OtklikStore

@Suite struct StoreBehaviourTests {
    @Test func fullTextFindsYoAndYeBothWays() throws {
        let store = try Store.open(path: temporaryStorePath())
        try store.registerIncident(NewIncident(source: .vk, externalID: "1", text: "Пришёл счёт за отопление", createdAt: fixedNow), at: fixedNow, actor: "test")
        try store.registerIncident(NewIncident(source: .vk, externalID: "2", text: "Счет за воду неверный", createdAt: fixedNow), at: fixedNow, actor: "test")
        try store.registerIncident(NewIncident(source: .vk, externalID: "3", text: "Ёлку не убрали", createdAt: fixedNow), at: fixedNow, actor: "test")
        #expect(Set(try store.search("счет", limit: 10).map(\.number)) == [1, 2])
        #expect(Set(try store.search("СЧЁТ", limit: 10).map(\.number)) == [1, 2])
        #expect(try store.search("елку", limit: 10).map(\.number) == [3])
        #expect(try store.search("отоп", limit: 10).map(\.number) == [1])  // prefix of the last word
        #expect(try store.search("\"", limit: 10).isEmpty)
        // The index follows edits and deletions.
        try store.pool.write { db in try db.execute(sql: "UPDATE message SET text = 'Ремонт крыши' WHERE incident_id = 1") }
        #expect(try store.search("счёт", limit: 10).map(\.number) == [2])
        try store.pool.write { db in try db.execute(sql: "DELETE FROM message WHERE incident_id = 2") }
        #expect(try store.search("счёт", limit: 10).isEmpty)
        #expect(try store.search("крыши", limit: 10).map(\.number) == [1])
        try store.pool.write { db in try db.execute(sql: "INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')") }
    }

    @Test func fullTextMatchesWordsAnywhereInTheThread() throws {
        let store = try Store.open(path: temporaryStorePath())
        let number = try store.registerIncident(NewIncident(source: .vk, externalID: "1", text: "Яма на дороге", createdAt: fixedNow), at: fixedNow, actor: "test")
        try store.registerIncident(NewIncident(source: .vk, externalID: "2", text: "Яма во дворе", createdAt: fixedNow), at: fixedNow, actor: "test")
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO message(incident_id, source_id, kind, text, created_at)
                SELECT id, source_id, 'citizen_followup', 'Колесо пробил, жду ответа', 0 FROM incident WHERE number = ?
                """, arguments: [number])
        }
        #expect(try store.search("яма колесо", limit: 10).map(\.number) == [number])
        #expect(try store.search("яма", limit: 10).count == 2)
        // Editing the follow-up takes its words out of the thread, and keeps the post's.
        try store.pool.write { db in try db.execute(sql: "UPDATE message SET text = 'Спасибо' WHERE kind = 'citizen_followup'") }
        #expect(try store.search("колесо", limit: 10).isEmpty)
        #expect(try store.search("яма спасибо", limit: 10).map(\.number) == [number])
        try store.pool.write { db in try db.execute(sql: "DELETE FROM message WHERE kind = 'citizen_followup'") }
        #expect(try store.search("спасибо", limit: 10).isEmpty)
        #expect(try store.search("яма", limit: 10).count == 2)
        try store.pool.write { db in try db.execute(sql: "INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')") }
    }

    @Test func theInboxExcerptIsTheFirst160UnicodeScalarsOfTheCitizensPost() throws {
        let store = try Store.open(path: temporaryStorePath())
        let samples = ["", "Яма", String(repeating: "я", count: 160), String(repeating: "я", count: 161),
                       String(repeating: "ab", count: 100), String(repeating: "😀ё", count: 90),
                       String(repeating: "е\u{0308}", count: 100), String(repeating: "x", count: 159) + "€€€"]
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO source(id, code, kind, name) VALUES (1, 'vk', 'vk', 'VK')")
            // The last incident has no message at all.
            for id in 1...samples.count + 1 {
                try db.execute(sql: """
                    INSERT INTO incident(id, number, source_id, external_id, created_at, registered_at, updated_at)
                    VALUES (?, ?, 1, ?, 0, 0, 0)
                    """, arguments: [id, id, "e\(id)"])
                guard id <= samples.count else { continue }
                // A follow-up stored first, and earlier, is not the post.
                try db.execute(sql: "INSERT INTO message(incident_id, kind, text, created_at) VALUES (?, 'citizen_followup', 'потом', -1)",
                               arguments: [id])
                try db.execute(sql: "INSERT INTO message(incident_id, kind, text, created_at) VALUES (?, 'citizen_post', ?, 0)",
                               arguments: [id, samples[id - 1]])
            }
        }
        let excerpts = try store.inboxPage(offset: 0, limit: 100).sorted { $0.number < $1.number }.map(\.excerpt)
        #expect(excerpts == samples.map { String(String.UnicodeScalarView($0.unicodeScalars.prefix(160))) } + [""])
    }

    @Test func registrationSetsDeadlinesAndAnEvent() throws {
        let store = try Store.open(path: temporaryStorePath())
        // Wednesday 25 Nov 2026, 10:00 Moscow: first reaction within one working hour.
        let wednesday = Date(timeIntervalSince1970: TimeInterval(CivilDay(iso: "2026-11-25")!.number * 86_400 + 7 * 3_600))
        let number = try store.registerIncident(NewIncident(source: .telegram, text: "  Нет света в подъезде  ", createdAt: wednesday), at: wednesday, actor: "operator:ivanova")
        let row = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM incident WHERE number = ?", arguments: [number]) }!
        #expect(row["status"] == "new")
        #expect(try store.inboxPage(offset: 0, limit: 1).map(\.excerpt) == ["Нет света в подъезде"])
        #expect(row["due_at"] == row["first_reaction_due"] as Int64?)
        #expect((row["due_at"] as Int64) - wednesday.unixSeconds == 3_600)
        #expect((row["warn_at"] as Int64) - wednesday.unixSeconds == 2_700)  // 75 %
        let events = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT actor, action FROM event") }
        #expect(events.map { $0["actor"] as String } == ["operator:ivanova"])
        #expect(throws: RegistrationError.emptyText) {
            try store.registerIncident(NewIncident(source: .vk, text: " \n", createdAt: wednesday), at: wednesday, actor: "t")
        }
        #expect(throws: RegistrationError.unknownTopic("nope")) {
            try store.registerIncident(NewIncident(source: .vk, text: "x", topicCode: "nope", createdAt: wednesday), at: wednesday, actor: "t")
        }
    }

    @Test func inboxIsSortedByNearestDeadlineWithStoppedClocksLast() throws {
        let store = try Store.open(path: temporaryStorePath())
        try store.populateDemo(seed: 5, size: 600, now: fixedNow)
        let page = try store.inboxPage(offset: 0, limit: 600)
        #expect(page.count == 600)
        let running = page.prefix { $0.dueAt != nil }
        #expect(running.map(\.dueAt!) == running.map(\.dueAt!).sorted())
        #expect(page.dropFirst(running.count).allSatisfy { $0.dueAt == nil })
        // Pages read backwards from the end are the same rows as forwards.
        for offset in [0, 250, 299, 300, 301, 550, 590, 599, 600] {
            #expect(try store.inboxPage(offset: offset, limit: 50, backwardsFrom: 0).map(\.id) == Array(page.dropFirst(offset).prefix(50)).map(\.id), "offset \(offset)")
            #expect(try store.inboxPage(offset: offset, limit: 50).map(\.id) == Array(page.dropFirst(offset).prefix(50)).map(\.id), "offset \(offset)")
        }
        // The planner uses the inbox index rather than sorting a million rows.
        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(Store.summarySelect) \(Store.inboxOrder) LIMIT 50").map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("incident_filter_by_order") })
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })

        let counters = try store.counters(now: fixedNow)
        let byStatus = try store.countByStatus()
        #expect(counters.new == byStatus[.new])
        #expect(counters.open == 600 - (byStatus[.closed] ?? 0) - (byStatus[.noAnswer] ?? 0))
        #expect(counters.overdue == page.filter { ($0.dueAt ?? .distantFuture) <= fixedNow }.count)
        #expect(counters.overdue > 0 && counters.atRisk > 0)
    }

    /// Same seed, same moment: the same rows, byte for byte.
    @Test func demoStoreIsDeterministic() throws {
        func dump(_ seed: UInt64) throws -> [String] {
            let store = try Store.open(path: temporaryStorePath())
            try store.populateDemo(seed: seed, size: 300, now: fixedNow)
            return try store.pool.read { db in
                try String.fetchAll(db, sql: """
                    SELECT number || '|' || status || '|' || priority || '|' || coalesce(topic_id, '') || '|' || coalesce(agency_id, '')
                        || '|' || coalesce(due_at, '') FROM incident ORDER BY number
                    """) + String.fetchAll(db, sql: "SELECT incident_id || '|' || kind || '|' || text FROM message ORDER BY id")
            }
        }
        let first = try dump(9)
        #expect(first.count > 600)
        #expect(try dump(9) == first)
        #expect(try dump(10) != first)
        let store = try Store.open(path: temporaryStorePath())
        try store.populateDemo(seed: 9, size: 300, now: fixedNow)
        #expect(try store.demoStamp() == Store.DemoStamp(seed: 9, size: 300, generatedAt: fixedNow))
        // Loaded without row-by-row foreign-key checks: the references must hold anyway,
        // and the indexes and FTS trigger set aside during the load are all back.
        #expect(try store.pool.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }.isEmpty)
        // Loaded with CHECKs not evaluated: integrity_check evaluates them all now.
        #expect(try store.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(try store.pool.read { db in try Bool.fetchOne(db, sql: "PRAGMA ignore_check_constraints") } == false)
        #expect(try store.pool.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") } == true)
        let objects = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name")
        }
        let empty = try Store.open(path: temporaryStorePath())
        #expect(try empty.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name")
        } == objects)
        #expect(try store.search("отопление", limit: 5).count + store.search("яма", limit: 5).count > 0)
        #expect(try store.centerName() == DemoRegion.centerName)
        #expect(throws: DatabaseError.self) { try store.populateDemo(seed: 9, size: 10, now: fixedNow) }
    }

    @Test func changeWatcherSeesAnotherConnectionsCommit() throws {
        let path = temporaryStorePath()
        let store = try Store.open(path: path)
        let watcher = try ChangeWatcher(store: store)
        let before = try watcher.version()
        #expect(try watcher.version() == before)
        // A separate pool stands in for another process (the next test uses real processes).
        let other = try Store.open(path: path)
        try other.registerIncident(NewIncident(source: .email, text: "Письмо", createdAt: fixedNow), at: fixedNow, actor: "test")
        #expect(try watcher.version() != before)
    }
}
