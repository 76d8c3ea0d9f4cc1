import Foundation
import GRDB
import OtklikCore
import OtklikIngest
import Testing
@testable import OtklikStore

/// The store side of ingest: exactly once, threads, edits, reopening, no-answer, quarantine.
@Suite struct IngestTests {
    let classifier = IntakeClassifier(.builtIn)

    func entry(_ id: String, _ text: String, parent: String? = nil, author: String? = "42", topic: String? = nil,
               edited: Date? = nil, line: Int = 1, created: Date = fixedNow.addingTimeInterval(-600)) -> IngestEntry {
        let record = IngestRecord(source: .vk, externalID: id, parentID: parent, kind: parent == nil ? .post : .comment,
                                  author: author.map { .init(id: $0, name: "Автор \($0)") }, text: text,
                                  createdAt: created, editedAt: edited, topicCode: topic)
        return IngestEntry(payload: .record(record, classifier.classify(text: text)), format: "jsonl", file: "in.jsonl",
                           position: RecordPosition(line: line), raw: Data(text.utf8))
    }

    func invalid(_ reason: String, line: Int, raw: String) -> IngestEntry {
        IngestEntry(payload: .invalid(reason), format: "jsonl", file: "/tmp/x/in.jsonl", position: RecordPosition(line: line, byteOffset: line * 10), raw: Data(raw.utf8))
    }

    func count(_ store: Store, _ sql: String) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: sql)! }
    }

    @Test func eachMessageIsStoredOnceAndRoutedWithDeadlines() throws {
        let store = try Store.open(path: temporaryStorePath())
        try store.populateDemo(seed: 1, size: 0, now: fixedNow)
        let batch = [entry("p1", "Во дворе огромная яма, не проехать"), entry("p2", "Третий день нет горячей воды")]
        #expect(try store.ingest(batch, at: fixedNow) == [.registered(1), .registered(2)])
        #expect(try store.ingest(batch, at: fixedNow) == [.duplicate, .duplicate])
        let rows = try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.code, a.short_name, i.status, i.due_at IS NOT NULL AS clock, i.external_id
                FROM incident i JOIN topic t ON t.id = i.topic_id JOIN agency a ON a.id = i.agency_id ORDER BY i.number
                """)
        }
        #expect(rows.map { $0[0] as String } == ["roads.potholes", "utilities.hot_water"])
        #expect(rows.map { $0[1] as String } == ["Упрдор", "МинЖКХ"])
        #expect(rows.allSatisfy { $0[2] == "new" && $0[3] == true })
        #expect(try count(store, "SELECT count(*) FROM message") == 2)
        #expect(try count(store, "SELECT count(*) FROM event WHERE action = 'incident.registered'") == 2)
    }

    @Test func anEditKeepsThePreviousTextAndASecondEditOfTheSameTextIsADuplicate() throws {
        let store = try Store.open(path: temporaryStorePath())
        _ = try store.ingest([entry("p1", "Нет света в подъезде")], at: fixedNow)
        let edited = entry("p1", "Нет света в подъезде дома 5", edited: fixedNow)
        #expect(try store.ingest([edited], at: fixedNow) == [.edited(1)])
        #expect(try store.ingest([edited], at: fixedNow) == [.duplicate])
        let texts = try store.pool.read { db in
            (try String.fetchOne(db, sql: "SELECT text FROM message")!, try String.fetchAll(db, sql: "SELECT text FROM message_revision"))
        }
        let excerpt = try store.inboxPage(offset: 0, limit: 1)[0].excerpt
        #expect(texts.0 == "Нет света в подъезде дома 5")
        #expect(texts.1 == ["Нет света в подъезде"])
        #expect(excerpt == "Нет света в подъезде дома 5")
        #expect(try store.search("дома", limit: 5).map(\.number) == [1])
    }

    @Test func commentsJoinTheirThreadAndAnotherPersonsCommentIsANewIncident() throws {
        let store = try Store.open(path: temporaryStorePath())
        let outcomes = try store.ingest([
            entry("p1", "Яма на дороге у школы"),
            entry("p1_c1", "Уточняю: у школы №5", parent: "p1"),
            entry("p1_c2", "У нас тоже яма, на Мира", parent: "p1", author: "77"),
            entry("p1_c3", "Ответ на уточнение", parent: "p1_c1"),
        ], at: fixedNow)
        #expect(outcomes == [.registered(1), .followUp(1, reopened: false), .registered(2), .followUp(1, reopened: false)])
        let kinds = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT kind FROM message WHERE incident_id = 1 ORDER BY id") }
        #expect(kinds == ["citizen_post", "citizen_followup", "citizen_followup"])
        // The other person's incident still points at the post it commented on.
        #expect(try count(store, "SELECT count(*) FROM message m WHERE m.incident_id = 2 AND m.parent_id IS NOT NULL") == 1)
    }

    @Test func aFollowUpReopensAClosedIncidentAndStartsTheNextReplyClock() throws {
        let store = try Store.open(path: temporaryStorePath())
        _ = try store.ingest([entry("p1", "Яма на дороге")], at: fixedNow)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE incident SET status = 'closed', closed_at = ?, due_at = NULL, warn_at = NULL", arguments: [fixedNow.unixSeconds])
            // As the console closes it: the status change is in the event log, which the
            // SLA engine reads the clocks from.
            try db.execute(sql: """
                INSERT INTO event(at, actor, incident_id, action, field, before, after)
                VALUES (?, 'operator:ivanova', 1, 'incident.close', 'status', 'new', 'closed')
                """, arguments: [fixedNow.unixSeconds])
        }
        let later = fixedNow.addingTimeInterval(86_400 * 3)  // Tuesday 1 Dec, 19:46 UTC
        #expect(try store.ingest([entry("p1_c1", "Яму так и не заделали", parent: "p1", created: later)], at: later)
                == [.followUp(1, reopened: true)])
        let row = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT status, closed_at, due_at FROM incident")! }
        #expect(row[0] == "in_progress")
        #expect((row[1] as Int64?) == nil)
        let due: Int64 = row[2]
        #expect(due > later.unixSeconds)
        #expect(try count(store, "SELECT count(*) FROM event WHERE action = 'incident.reopened' AND before = 'closed'") == 1)
    }

    @Test func threatsAreStoredAsNoAnswerOwedAndNoiseIsFiltered() throws {
        let store = try Store.open(path: temporaryStorePath())
        let outcomes = try store.ingest([entry("t1", "Убью всех вас!"), entry("n1", "Продаю дрова, недорого")], at: fixedNow)
        #expect(outcomes == [.registered(1), .filtered("advertising")])
        let row = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT status, due_at, closed_at FROM incident")! }
        #expect(row[0] == "no_answer" && (row[1] as Int64?) == nil && (row[2] as Int64?) == fixedNow.unixSeconds)
        #expect(try count(store, "SELECT count(*) FROM event WHERE action = 'incident.no_answer' AND after = 'threat'") == 1)
    }

    @Test func quarantineHoldsEachBadRecordOnceAndUnknownTopicsAreQuarantined() throws {
        let store = try Store.open(path: temporaryStorePath())
        let bad = invalid("invalid JSON: unexpected end", line: 3, raw: "{\"source\":")
        let batch = [bad, entry("p1", "Яма", topic: "no.such.topic", line: 4)]
        let expected: [IngestOutcome] = [.quarantined("invalid JSON: unexpected end"), .quarantined("unknown topic \"no.such.topic\"")]
        #expect(try store.ingest(batch, at: fixedNow) == expected)
        #expect(try store.ingest(batch, at: fixedNow) == expected)
        let held = try store.quarantined()
        #expect(held.map(\.reason) == ["invalid JSON: unexpected end", "unknown topic \"no.such.topic\""])
        #expect(held[0].file == "/tmp/x/in.jsonl" && held[0].position.line == 3 && held[0].raw == Data("{\"source\":".utf8))
        #expect(try count(store, "SELECT count(*) FROM incident") == 0)
        try store.resolveQuarantined(id: held[0].id, as: "discarded")
        #expect(try store.quarantineCount() == 1)
    }

    @Test func anAuthorIsStoredOnceAndKeepsTheirLatestName() throws {
        let store = try Store.open(path: temporaryStorePath())
        func post(_ id: String, author: String, name: String, profile: String? = nil) -> IngestEntry {
            let record = IngestRecord(source: .vk, externalID: id, kind: .post, author: .init(id: author, name: name, profileURL: profile),
                                      text: "Яма на дороге \(id)", createdAt: fixedNow)
            return IngestEntry(payload: .record(record, classifier.classify(text: record.text)), format: "jsonl", file: "in.jsonl",
                               position: RecordPosition(line: 1), raw: Data())
        }
        _ = try store.ingest([post("p1", author: "7", name: "Иван", profile: "https://vk.com/id7"), post("p2", author: "7", name: "Иван"),
                              post("p3", author: "8", name: "Пётр")], at: fixedNow)
        _ = try store.ingest([post("p4", author: "7", name: "Иван Петров")], at: fixedNow)
        let authors = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT external_id, name, profile_url FROM author ORDER BY external_id")
                .map { [$0[0] as String, $0[1] as String, ($0[2] as String?) ?? "-"] }
        }
        #expect(authors == [["7", "Иван Петров", "https://vk.com/id7"], ["8", "Пётр", "-"]])
        // The same through a cache kept across batches, as a run keeps it.
        let cache = IngestCache()
        _ = try store.ingest([post("p5", author: "9", name: "Ольга")], at: fixedNow, cache: cache)
        _ = try store.ingest([post("p6", author: "9", name: "Ольга"), post("p7", author: "7", name: "Иван Петров")], at: fixedNow, cache: cache)
        _ = try store.ingest([post("p8", author: "9", name: "Ольга Н.", profile: "https://vk.com/id9")], at: fixedNow, cache: cache)
        _ = try store.ingest([post("p9", author: "9", name: "Ольга Н.")], at: fixedNow, cache: cache)
        let olga = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT name, profile_url FROM author WHERE external_id = '9'") }
        #expect(olga.map { [$0[0] as String, $0[1] as String] } == [["Ольга Н.", "https://vk.com/id9"]])
        #expect(try count(store, "SELECT count(*) FROM incident i JOIN author a ON a.id = i.author_id WHERE a.external_id = '9'") == 4)
        // Every incident points at its author's one row.
        #expect(try count(store, "SELECT count(DISTINCT author_id) FROM incident WHERE number <= 4") == 2)
        #expect(try count(store, "SELECT count(*) FROM incident i JOIN author a ON a.id = i.author_id WHERE a.external_id = '7' AND number <= 4") == 3)
    }

    /// Entries as a run's parsing side hands them over, with what the run saw before each.
    func sighted(_ entries: [IngestEntry], _ sightings: inout RunSightings) -> [IngestEntry] {
        entries.map { entry in
            var entry = entry
            if case .record(let record, _) = entry.payload { entry.sighting = sightings.sight(record) }
            return entry
        }
    }

    @Test func aRunThatStoredEveryMessageSkipsLookUpsOnlyUntilAnotherConnectionWrites() throws {
        let path = temporaryStorePath()
        let store = try Store.open(path: path)
        let cache = IngestCache()
        var sightings = RunSightings()
        #expect(try store.ingest(sighted([entry("s1", "Яма во дворе")], &sightings), at: fixedNow, cache: cache) == [.registered(1)])
        #expect(cache.holdsEveryMessage == true)
        // A key the run has seen is looked up: a duplicate.
        let again = sighted([entry("s1", "Яма во дворе"), entry("s2", "Нет воды")], &sightings)
        #expect(try store.ingest(again, at: fixedNow, cache: cache) == [.duplicate, .registered(2)])
        // Another process stores a message the run has not seen; to the run its key is
        // new, but the store changed under it, so it looks the key up and finds it.
        let other = try Store.open(path: path)
        #expect(try other.ingest([entry("s3", "Не горит фонарь")], at: fixedNow) == [.registered(3)])
        #expect(try store.ingest(sighted([entry("s3", "Не горит фонарь")], &sightings), at: fixedNow, cache: cache) == [.duplicate])
        #expect(cache.holdsEveryMessage == false)
        #expect(try count(store, "SELECT count(*) FROM message") == 3)
    }

    @Test func aRunIntoAStoreWithMessagesLooksEveryKeyUp() throws {
        let store = try Store.open(path: temporaryStorePath())
        _ = try store.ingest([entry("s1", "Яма во дворе")], at: fixedNow)
        let cache = IngestCache()
        var sightings = RunSightings()
        #expect(try store.ingest(sighted([entry("s1", "Яма во дворе")], &sightings), at: fixedNow, cache: cache) == [.duplicate])
        #expect(cache.holdsEveryMessage == false)
    }

    @Test func aFailedTransactionTakesTheRunsAuthorSlotsWithIt() throws {
        let path = temporaryStorePath()
        let store = try Store.open(path: path)
        let cache = IngestCache()
        var sightings = RunSightings()
        let other = try Store.open(path: path)
        try other.pool.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON event BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        #expect(throws: DatabaseError.self) {
            try store.ingest(sighted([entry("f1", "Яма", author: "7")], &sightings), at: fixedNow, cache: cache)
        }
        try other.pool.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        // Author 8 now takes the id author 7 had in the rolled-back transaction.
        let retry = sighted([entry("f2", "Нет воды", author: "8"), entry("f1", "Яма", author: "7")], &sightings)
        #expect(try store.ingest(retry, at: fixedNow, cache: cache) == [.registered(1), .registered(2)])
        let authors = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT a.external_id FROM incident i JOIN author a ON a.id = i.author_id ORDER BY i.number")
        }
        #expect(authors == ["8", "7"])
    }

    @Test func referenceDataAddedByAnotherConnectionIsSeenByTheNextBatch() throws {
        // One cache across batches, as a run keeps it: reference data is read again once
        // another connection has committed.
        let path = temporaryStorePath()
        let store = try Store.open(path: path)
        let cache = IngestCache()
        let first = try store.ingest([entry("r1", "Яма", topic: "roads.new")], at: fixedNow, cache: cache)
        #expect(first == [.quarantined("unknown topic \"roads.new\"")])
        let other = try Store.open(path: path)
        try other.pool.write { db in
            try db.execute(sql: "INSERT INTO topic(code, name) VALUES ('roads.new', 'Новые дороги')")
        }
        let second = try store.ingest([entry("r2", "Яма", topic: "roads.new")], at: fixedNow, cache: cache)
        #expect(second == [.registered(1)])
        #expect(try count(store, "SELECT count(*) FROM incident i JOIN topic t ON t.id = i.topic_id WHERE t.code = 'roads.new'") == 1)
    }

    @Test func bulkRowsBindEveryKindOfValueByLength() throws {
        let store = try Store.open(path: temporaryStorePath())
        let rows = try store.pool.write { db -> [Row] in
            try db.execute(sql: "CREATE TEMP TABLE cells(i INTEGER, r REAL, t TEXT, n)")
            var table = BulkTable("cells", ["i", "r", "t", "n"])
            try table.add([.of(Int64(-5)), .of(2.5), "", nil], db: db)
            try table.add([.of(Int(7)), .of(Double(-0.25)), "a\u{0}b ёлка", nil], db: db)
            try table.flush(db: db)
            return try Row.fetchAll(db, sql: "SELECT i, r, t, typeof(t), length(CAST(t AS BLOB)), n IS NULL FROM cells ORDER BY rowid")
        }
        #expect(rows.map { $0[0] as Int64 } == [-5, 7])
        #expect(rows.map { $0[1] as Double } == [2.5, -0.25])
        // The empty string stays text, not NULL; a NUL inside text is kept (by length).
        #expect(rows.map { $0[3] as String } == ["text", "text"])
        #expect(rows.map { $0[4] as Int } == [0, "a\u{0}b ёлка".utf8.count])
        #expect(rows.map { $0[5] as Bool } == [true, true])
    }

    @Test func bulkRowsKeepEveryTextAcrossFullStatementsAndFlushes() throws {
        // Texts are bound from one buffer per statement: small (inline) and long strings,
        // statements written when 64 rows fill up, and a buffer reused after each.
        let texts = (0..<150).map { i in String(repeating: i % 3 == 0 ? "я" : "ab", count: i % 40) + "#\(i)" }
        let store = try Store.open(path: temporaryStorePath())
        let stored = try store.pool.write { db -> [String] in
            try db.execute(sql: "CREATE TEMP TABLE texts(n INTEGER, t TEXT)")
            var table = BulkTable("texts", ["n", "t"])
            for (i, text) in texts.enumerated() { try table.add([.of(i), .of(text)], db: db) }
            try table.flush(db: db)
            return try String.fetchAll(db, sql: "SELECT t FROM texts ORDER BY n")
        }
        #expect(stored == texts)
    }

    @Test func aCursorIsSavedWithItsBatch() throws {
        let store = try Store.open(path: temporaryStorePath())
        let cursor = IngestCursor(path: "/srv/feed.jsonl", byteOffset: 120, line: 2)
        _ = try store.ingest([entry("p1", "Яма")], at: fixedNow, cursor: cursor)
        #expect(try store.ingestCursor(path: "/srv/feed.jsonl") == cursor)
        #expect(try store.ingestCursor(path: "/srv/other.jsonl") == nil)
    }
}

/// Bulk loads: indexes and the full-text trigger set aside and back, also after a crash.
@Suite struct BulkIngestTests {
    let classifier = IntakeClassifier(.builtIn)

    func entries(_ range: ClosedRange<Int>) -> [IngestEntry] {
        range.map { i in
            let text = i % 2 == 0 ? "Во дворе дома \(i) яма, ёлки убрали" : "Нет горячей воды в доме \(i)"
            let record = IngestRecord(source: .telegram, externalID: "b\(i)", kind: .post, author: .init(id: "u\(i % 7)", name: "Житель"),
                                      text: text, createdAt: fixedNow)
            return IngestEntry(payload: .record(record, classifier.classify(text: text)), format: "jsonl", file: "b.jsonl",
                               position: RecordPosition(line: i), raw: Data())
        }
    }

    func schema(_ store: Store) throws -> [String] {
        try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name")
        }
    }

    @Test(arguments: [false, true]) func aBulkLoadRestoresIndexesAndIndexesEveryMessage(storeHadMessages: Bool) throws {
        let store = try Store.open(path: temporaryStorePath())
        if storeHadMessages { _ = try store.ingest(entries(1...10), at: fixedNow) }
        let before = try schema(store)
        #expect(try store.beginBulkIngest())
        #expect(try schema(store).count < before.count)
        #expect(try !store.beginBulkIngest())  // a second load joins without setting anything aside
        let outcomes = try store.ingest(entries(1...300), at: fixedNow)
        #expect(outcomes.filter(\.isStored).count == (storeHadMessages ? 290 : 300))
        try store.finishBulkIngest()
        #expect(try schema(store) == before)
        #expect(try store.setting("ingest.bulk") == nil)
        // The load skipped CHECK evaluation; the writer connection checks again after it.
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE incident SET status = 'bogus' WHERE id = 1") }
        }
        // Every message is found by the index, ё folded, the same as brute force.
        #expect(try store.search("елки", limit: 1000).count == 150)
        #expect(try store.search("горячей", limit: 1000).count == 150)
        // And the trigger is back: a later message is indexed at once.
        _ = try store.ingest(entries(301...301), at: fixedNow)
        #expect(try store.search("горячей", limit: 1000).count == 151)
        let check = try store.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
    }

    /// Edits and follow-ups during a load, of messages stored before it and of its own.
    @Test(arguments: [false, true]) func aBulkLoadKeepsEditedAndFollowedThreadsSearchable(storeHadMessages: Bool) throws {
        let store = try Store.open(path: temporaryStorePath())
        func record(_ id: String, _ text: String, parent: String? = nil) -> IngestEntry {
            let record = IngestRecord(source: .telegram, externalID: id, parentID: parent, kind: parent == nil ? .post : .comment,
                                      author: .init(id: "u1", name: "Житель"), text: text, createdAt: fixedNow, editedAt: fixedNow)
            return IngestEntry(payload: .record(record, classifier.classify(text: text)), format: "jsonl", file: "b.jsonl",
                               position: RecordPosition(line: 1), raw: Data())
        }
        if storeHadMessages {
            _ = try store.ingest([record("old", "Нет горячей воды в доме 3"), record("old2", "Яма у школы")], at: fixedNow)
        }
        #expect(try store.beginBulkIngest())
        _ = try store.ingest(entries(1...20) + [record("new", "Не вывозят мусор с площадки")], at: fixedNow)
        var later = [record("new", "Не вывозят мусор и ветки с площадки"), record("new-c", "Контейнер переполнен", parent: "new")]
        if storeHadMessages {
            later += [record("old", "Нет горячей и холодной воды в доме 3"), record("old", "Нет холодной воды в доме 3"),
                      record("old2-c", "Фонарь не горит", parent: "old2")]
        }
        _ = try store.ingest(later, at: fixedNow)
        try store.finishBulkIngest()
        try store.pool.write { db in try db.execute(sql: "INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')") }
        #expect(try store.search("ветки контейнер", limit: 10).count == 1)
        #expect(try store.search("горячей", limit: 100).count == 10)  // the edit took it out of "old"
        if storeHadMessages {
            #expect(try store.search("холодной", limit: 10).count == 1)
            #expect(try store.search("школы фонарь", limit: 10).count == 1)
        }
        // The triggers are back: a later edit is followed at once.
        _ = try store.ingest([record("new", "Не вывозят мусор")], at: fixedNow)
        #expect(try store.search("ветки", limit: 10).isEmpty)
        try store.pool.write { db in try db.execute(sql: "INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')") }
    }

    /// A first load indexes its own incidents as it goes; another process's, written
    /// alongside, get their entries when it ends.
    @Test func aFirstLoadIndexesWhatAnotherProcessWroteMeanwhile() throws {
        let store = try Store.open(path: temporaryStorePath())
        #expect(try store.beginBulkIngest())
        #expect(store.bulkSession.feed != nil)
        let other = try Store.open(path: store.path)
        _ = try store.ingest(entries(1...20), at: fixedNow)
        _ = try other.ingest(entries(21...40), at: fixedNow)
        _ = try store.ingest(entries(41...60), at: fixedNow)
        try store.finishBulkIngest()
        #expect(store.bulkSession.feed == nil)
        #expect(try store.search("горячей", limit: 100).count == 30)
        #expect(try store.search("елки", limit: 100).count == 30)
        try store.pool.write { db in try db.execute(sql: "INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')") }
        #expect(try store.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
    }

    @Test func aBulkLoadWhoseProcessDiedIsFinishedByTheNextRun() throws {
        let store = try Store.open(path: temporaryStorePath())
        let before = try schema(store)
        // A process id that cannot be running.
        #expect(try store.beginBulkIngest(pid: Int32.max - 1))
        _ = try store.ingest(entries(1...50), at: fixedNow)
        // The process "dies": its full-text feed is gone with it.
        let feed = try #require(store.bulkSession.feed)
        store.bulkSession.feed = nil
        feed.close()
        try feed.builder.wait()
        // Another process finds the load and finishes it.
        let other = try Store.open(path: store.path)
        #expect(try other.finishInterruptedBulkIngest())
        #expect(try schema(store) == before)
        #expect(try store.search("яма", limit: 1000).count == 25)
        #expect(try !store.finishInterruptedBulkIngest())
    }
}
