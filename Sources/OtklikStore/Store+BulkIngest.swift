import Foundation
import GRDB

/// Bulk ingest: for a large load, the secondary indexes of the incident, message and
/// event tables and the full-text triggers on new and edited messages are set aside and
/// rebuilt once at the end (a sort per index instead of a million B-tree inserts; one
/// pass of the tokenizer). Unique indexes stay: the keys that give exactly-once storage,
/// and the SLA engine's "each warning once" (another process may tick meanwhile).
///
/// What was set aside is written to the `setting` table (`ingest.bulk`) in the same
/// transaction, with the process id and the last message and revision ids before the
/// load. So a load killed half-way is finished by the next ingest run: the indexes come
/// back, and every incident with a message or an edit after those marks — whoever wrote
/// it meanwhile — gets its full-text entry again.
extension Store {
    static let bulkSettingKey = "ingest.bulk"
    /// The index a first load's full-text builder reads threads through.
    static let threadIndex = "message_by_incident"
    /// Indexes a load keeps up to date as it writes: new incidents take ascending ids,
    /// so their messages and events go at the end of the first two, and new incidents
    /// enter the other three rarely or never (closed on arrival; SLA marks set later). Each
    /// would cost a pass over the table to rebuild and next to nothing to keep.
    static let indexesKeptDuringBulk = ["message_by_incident", "event_by_incident", "incident_sla_stale",
                                        "incident_sla_check", "incident_filter_by_closed"]

    struct BulkState: Codable {
        var pid: Int32
        var lastMessageID: Int64
        /// Absent in states written before v8 (whose edits kept their trigger).
        var lastRevisionID: Int64?
        var objects: [SetAside]
    }

    struct SetAside: Codable {
        var name: String
        var kind: String
        var sql: String
    }

    /// Sets indexes and the trigger aside. Returns false (and changes nothing) when another
    /// live process has a bulk load running: this one then simply writes alongside it.
    public func beginBulkIngest(pid: Int32 = getpid()) throws -> Bool {
        try finishInterruptedBulkIngest()
        let started = try pool.write { db -> Bool in
            if try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.bulkSettingKey]) != nil {
                return false
            }
            let objects = try Row.fetchAll(db, sql: """
                SELECT name, type, sql FROM sqlite_master
                WHERE (type = 'trigger' AND name IN ('incident_fts_insert', 'incident_fts_update'))
                   OR (type = 'index' AND sql IS NOT NULL AND tbl_name IN ('incident', 'message', 'event')
                       AND sql NOT LIKE 'CREATE UNIQUE INDEX%')
                """).map { SetAside(name: $0["name"], kind: $0["type"], sql: $0["sql"]) }
                .filter { !Self.indexesKeptDuringBulk.contains($0.name) }
            let marks = try FullTextMarks(db)
            let state = BulkState(pid: pid, lastMessageID: marks.message, lastRevisionID: marks.revision, objects: objects)
            let json = String(decoding: try JSONEncoder().encode(state), as: UTF8.self)
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?)", arguments: [Self.bulkSettingKey, json])
            for object in objects {
                try db.execute(sql: "DROP \(object.kind == "trigger" ? "TRIGGER" : "INDEX") IF EXISTS \(object.name)")
            }
            return true
        }
        if started {
            // A first load indexes its texts while it runs (FullTextFeed).
            if try bulkState()?.lastMessageID == 0 {
                bulkSession.feed = FullTextFeed(storePath: path)
            }
            bulkSession.checkpointer = BulkCheckpointer(storePath: path)
            try pool.writeWithoutTransaction { db in
                // No foreign-key look-ups (five per incident): the ingest takes every
                // reference from the store, in the same transaction that uses it. No CHECK
                // evaluation (half the cost of an incident row): the ingest builds rows
                // from typed values (enumerations, validated coordinates, deadlines from
                // the engine), and the tests run `integrity_check`, which checks every
                // CHECK, on bulk-loaded stores. Other writers keep both.
                try db.execute(sql: """
                    PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;
                    PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 10000;
                    PRAGMA threads = 2; PRAGMA temp_store = MEMORY
                    """)
            }
        }
        return started
    }

    /// Rebuilds what `beginBulkIngest` set aside; `progress` names each step.
    public func finishBulkIngest(progress: (String) -> Void = { _ in }) throws {
        defer {
            try? pool.writeWithoutTransaction { db in
                try db.execute(sql: """
                    PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF;
                    PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000;
                    PRAGMA threads = 0; PRAGMA temp_store = DEFAULT
                    """)
            }
        }
        // This process's feed, closed whatever happens next (its thread then ends).
        let feed = bulkSession.feed
        bulkSession.feed = nil
        feed?.close()
        // The checkpointer goes on through the index rebuild: each index is one commit of
        // tens of megabytes, which it copies on the other core while the next is sorted.
        let checkpointer = bulkSession.checkpointer
        bulkSession.checkpointer = nil
        defer { checkpointer?.close() }
        guard let state = try bulkState() else { return }
        var builder: (fullText: FullTextBuilder, marks: FullTextMarks.Box)?
        let existing = try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master")) }
        let missing = state.objects.filter { $0.kind == "index" && !existing.contains($0.name) }
        // CREATE INDEX sorts on two cores only when its sorter spills to temporary files:
        // a small sorter memory (it follows cache_size) and file-backed temporaries make
        // it sort runs on a helper thread and merge them (16 s instead of 25 s for the 16
        // indexes of a million incidents, measured with the sqlite3 shell).
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -8000; PRAGMA temp_store = FILE; PRAGMA threads = 2")
            // With a checkpointer running, this thread leaves the copying to it.
            if checkpointer != nil { try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        }
        func rebuild(_ object: SetAside) throws {
            progress("index \(object.name)")
            try pool.writeWithoutTransaction { db in try db.execute(sql: object.sql) }
        }
        // The thread index first. A store without messages before the load (a first load)
        // then gets its full-text index built from the threads, read through that index,
        // on another thread while this one rebuilds the other indexes.
        for object in missing where object.name == Self.threadIndex { try rebuild(object) }
        if state.lastMessageID == 0 && feed == nil { builder = startFullTextBuilder() }
        for object in missing where object.name != Self.threadIndex { try rebuild(object) }
        checkpointer?.close()
        progress("full-text index")
        // Then every incident with a message or an edit after the marks gets its entry
        // again, and the triggers come back, all in one transaction: no message falls
        // between.
        let finish = { (db: Database, marks: FullTextMarks?) in
            if let marks { try Self.refreshFullText(db, after: marks) }
            for object in state.objects where object.kind == "trigger" && object.name.hasPrefix("incident_fts") {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(object.name)")
                try db.execute(sql: object.sql)
            }
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [Self.bulkSettingKey])
        }
        if let feed {
            try feed.builder.install(into: pool) { db in
                try feed.refresh(db)
                try finish(db, nil)
            }
        } else if let builder {
            try builder.fullText.install(into: pool) { db in try finish(db, builder.marks.value) }
        } else {
            // A state from before v8 has no revision mark; v8's migration indexed every
            // thread since.
            let marks = state.lastRevisionID.map { FullTextMarks(message: state.lastMessageID, revision: $0) }
            try pool.write { db in try finish(db, marks) }
        }
        progress("statistics")
        try pool.writeWithoutTransaction { db in try db.execute(sql: "ANALYZE incident") }
        try checkpoint()
    }

    /// Finishes a bulk load whose process is gone (killed, crashed). Returns whether one was.
    @discardableResult
    public func finishInterruptedBulkIngest() throws -> Bool {
        guard let state = try bulkState(), kill(state.pid, 0) != 0 && errno == ESRCH else { return false }
        try finishBulkIngest()
        return true
    }

    /// Starts indexing every thread on another thread, from one read transaction whose
    /// marks say what it covers.
    func startFullTextBuilder() -> (fullText: FullTextBuilder, marks: FullTextMarks.Box) {
        let reader = pool
        let marks = FullTextMarks.Box()
        let fullText = FullTextBuilder(storePath: path)
        fullText.start { emit in
            try reader.read { db in
                marks.value = try FullTextMarks(db)
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT m.incident_id, group_concat(m.text, char(10)) FROM message m GROUP BY m.incident_id ORDER BY m.incident_id
                    """)
                while let row = try rows.next() { try emit(row[0], row[1]) }
            }
        }
        return (fullText, marks)
    }

    func bulkState() throws -> BulkState? {
        guard let json = try setting(Self.bulkSettingKey) else { return nil }
        return try JSONDecoder().decode(BulkState.self, from: Data(json.utf8))
    }
}

extension Store {
    /// What this process keeps of its own bulk load: the full-text feed of a first load and
    /// the checkpointer.
    final class BulkSession: @unchecked Sendable {
        private let lock = NSLock()
        private var current: FullTextFeed?
        private var currentCheckpointer: BulkCheckpointer?

        var feed: FullTextFeed? {
            get { lock.withLock { current } }
            set { lock.withLock { current = newValue } }
        }

        var checkpointer: BulkCheckpointer? {
            get { lock.withLock { currentCheckpointer } }
            set { lock.withLock { currentCheckpointer = newValue } }
        }
    }
}
