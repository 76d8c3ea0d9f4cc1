import Foundation
import GRDB
import OtklikCore

/// Builds the full-text index on another thread while the writer does other work, for
/// the two bulk loads: the demo (while the tables are written) and a bulk ingest into a
/// store without messages yet (while the indexes are rebuilt).
///
/// Tokenizing millions of messages takes about as long as storing them, and SQLite lets
/// one writer at a time into a file. So the rows — `(incident id, thread text)` from
/// whatever `rows` yields, in incident order — are indexed into an FTS5 table of the same
/// definition in a scratch file; when both sides are done, the index's shadow tables
/// (`_data`, `_idx`) are copied into the store, which is fast (whole pages of index).
/// Tests check that searches on stores built this way find what brute force finds.
final class FullTextBuilder: @unchecked Sendable {
    /// Yields each incident's id and thread text (its messages' texts, unfolded), in id order.
    typealias Rows = @Sendable (_ emit: (Int64, String) throws -> Void) throws -> Void

    let scratchPath: String
    private let group = DispatchGroup()
    /// Set by the background thread before `group.leave()`, read after `wait()`.
    private var failure: Error?

    init(storePath: String) {
        scratchPath = storePath + ".fts-build"
    }

    func start(rows: @escaping Rows) {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratchPath + suffix) }
        group.enter()
        Thread.detachNewThread { [self] in
            defer { group.leave() }
            do {
                try build(rows: rows)
            } catch {
                failure = error
            }
        }
    }

    /// Indexes what `DemoGenerator(seed:size:now:)` will produce, numbering its incidents
    /// from 1 as the demo loader stores them.
    func startDemo(seed: UInt64, size: Int, now: Date) {
        start { emit in
            var generator = DemoGenerator(seed: seed, size: size, now: now)
            var incidentID: Int64 = 0
            while let incident = generator.next() {
                incidentID += 1
                try emit(incidentID, incident.messages.map(\.text).joined(separator: "\n"))
            }
        }
    }

    private func build(rows: Rows) throws {
        let queue = try DatabaseQueue(path: scratchPath)
        try queue.writeWithoutTransaction { db in
            // A scratch file: no journal, no syncing.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072")
            // The external content the definition names; never read while indexing.
            try db.execute(sql: "CREATE TABLE incident_text(id INTEGER PRIMARY KEY, text TEXT)")
            try db.execute(sql: SchemaV8.ftsDefinition)
        }
        try queue.writeWithoutTransaction { db in
            // One row per statement: into an FTS5 table, multi-row INSERTs (BulkTable) took
            // 1.7 times as long (measured on 500,000 texts).
            let insert = try FastStatement(db, "INSERT INTO incident_fts(rowid, text) VALUES (?, ?)")
            var inTransaction = 0
            try db.execute(sql: "BEGIN")
            try rows { id, text in
                try insert.execute([.of(id), .text(SearchText.foldYo(text))])
                inTransaction += 1
                if inTransaction == 50_000 {
                    try db.execute(sql: "COMMIT; BEGIN")
                    inTransaction = 0
                }
            }
            try db.execute(sql: "COMMIT")
        }
        try queue.close()
    }

    /// Waits for the background thread to end; throws what stopped it.
    func wait() throws {
        group.wait()
        if let failure { throw failure }
    }

    /// Waits for the index and copies it into the store's `incident_fts` (replacing what
    /// is there), then runs `andThen` in the same write transaction.
    func install(into pool: DatabasePool, andThen: (Database) throws -> Void = { _ in }) throws {
        try wait()
        try pool.writeWithoutTransaction { db in
            // ATTACH is not allowed inside a transaction.
            try db.execute(sql: "ATTACH DATABASE ? AS fts_build", arguments: [scratchPath])
            defer { try? db.execute(sql: "DETACH DATABASE fts_build") }
            try db.inTransaction {
                // The index's shadow tables (no `_docsize`: the definition has columnsize=0).
                let tables = try String.fetchAll(db, sql: """
                    SELECT name FROM fts_build.sqlite_master
                    WHERE type = 'table' AND name IN ('incident_fts_data', 'incident_fts_idx')
                    """)
                for table in tables {
                    try db.execute(sql: "DELETE FROM main.\(table)")
                    try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM fts_build.\(table)")
                }
                try andThen(db)
                return .commit
            }
        }
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratchPath + suffix) }
    }
}
