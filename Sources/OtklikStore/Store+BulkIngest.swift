import Foundation
import GRDB

/// Bulk ingest: for a large load, the secondary indexes of the incident, message and
/// event tables and the full-text insert trigger are set aside and rebuilt once at the
/// end (a sort per index instead of a million B-tree inserts; one pass of the tokenizer).
/// Unique indexes stay: the keys that give exactly-once storage, and the SLA engine's
/// "each warning once" (another process may tick meanwhile).
///
/// What was set aside is written to the `setting` table (`ingest.bulk`) in the same
/// transaction, with the process id and the last message id before the load. So a load
/// killed half-way is finished by the next ingest run: the indexes come back and every
/// message after that id — whoever wrote it meanwhile — gets its full-text entry.
extension Store {
    static let bulkSettingKey = "ingest.bulk"

    struct BulkState: Codable {
        var pid: Int32
        var lastMessageID: Int64
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
                WHERE (type = 'trigger' AND name = 'message_fts_insert')
                   OR (type = 'index' AND sql IS NOT NULL AND tbl_name IN ('incident', 'message', 'event')
                       AND sql NOT LIKE 'CREATE UNIQUE INDEX%')
                """).map { SetAside(name: $0["name"], kind: $0["type"], sql: $0["sql"]) }
            let last = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM message") ?? 0
            let state = BulkState(pid: pid, lastMessageID: last, objects: objects)
            let json = String(decoding: try JSONEncoder().encode(state), as: UTF8.self)
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?)", arguments: [Self.bulkSettingKey, json])
            for object in objects {
                try db.execute(sql: "DROP \(object.kind == "trigger" ? "TRIGGER" : "INDEX") IF EXISTS \(object.name)")
            }
            return true
        }
        if started {
            try pool.writeWithoutTransaction { db in
                // No foreign-key look-ups (five per incident): the ingest takes every
                // reference from the store, in the same transaction that uses it.
                try db.execute(sql: """
                    PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 10000;
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
                    PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000;
                    PRAGMA threads = 0; PRAGMA temp_store = DEFAULT
                    """)
            }
        }
        guard let state = try bulkState() else { return }
        // A store without messages before the load (a first load) gets its full-text
        // index built on another thread while this one rebuilds the indexes.
        var builder: FullTextBuilder?
        if state.lastMessageID == 0 {
            let ftsDefinition = try pool.read { db in
                try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'message_fts'")!
            }
            let reader = pool
            let fullText = FullTextBuilder(storePath: path)
            fullText.start(ftsDefinition: ftsDefinition) { emit in
                try reader.read { db in
                    let rows = try Row.fetchCursor(db, sql: "SELECT id, text FROM message ORDER BY id")
                    while let row = try rows.next() { try emit(row[0], row[1]) }
                }
            }
            builder = fullText
        }
        let existing = try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master")) }
        for object in state.objects where object.kind == "index" && !existing.contains(object.name) {
            progress("index \(object.name)")
            try pool.writeWithoutTransaction { db in try db.execute(sql: object.sql) }
        }
        progress("full-text index")
        // Then the messages after the mark that are not indexed yet, folded as the trigger
        // folds them, and the trigger again, all in one transaction: no message falls
        // between.
        let finish = { (db: Database, after: Int64) in
            try db.execute(sql: """
                INSERT INTO message_fts(rowid, text)
                SELECT id, replace(replace(text, 'ё', 'е'), 'Ё', 'Е') FROM message WHERE id > ?
                """, arguments: [after])
            for object in state.objects where object.kind == "trigger" {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(object.name)")
                try db.execute(sql: object.sql)
            }
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [Self.bulkSettingKey])
        }
        if let builder {
            try builder.install(into: pool) { db in try finish(db, builder.lastIndexed) }
        } else {
            try pool.write { db in try finish(db, state.lastMessageID) }
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

    func bulkState() throws -> BulkState? {
        guard let json = try setting(Self.bulkSettingKey) else { return nil }
        return try JSONDecoder().decode(BulkState.self, from: Data(json.utf8))
    }
}
