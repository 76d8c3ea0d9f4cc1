import Foundation
import GRDB
import OtklikCore

/// Builds the demo's full-text index on the second core while the main thread writes
/// the tables.
///
/// Tokenizing 2.5 million messages takes about as long as storing them, and SQLite lets
/// one writer at a time into a file. So a second generator with the same seed replays
/// the same messages, with the same ids, into an FTS5 table of the same definition in a
/// scratch file; when both are done, the index's shadow tables (`_data`, `_idx`,
/// `_docsize` where present) are copied into the store, which is fast (whole pages of index). Tests
/// check that searches on a store built this way find what brute force finds.
final class DemoFullTextBuilder: @unchecked Sendable {
    let scratchPath: String
    private let group = DispatchGroup()
    /// Set by the background thread before `group.leave()`, read after `wait()`.
    private var failure: Error?

    init(storePath: String) {
        scratchPath = storePath + ".fts-build"
    }

    /// Starts indexing what `DemoGenerator(seed:size:now:)` will produce.
    func start(seed: UInt64, size: Int, now: Date, ftsDefinition: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratchPath + suffix) }
        group.enter()
        Thread.detachNewThread { [self] in
            defer { group.leave() }
            do {
                try build(seed: seed, size: size, now: now, ftsDefinition: ftsDefinition)
            } catch {
                failure = error
            }
        }
    }

    private func build(seed: UInt64, size: Int, now: Date, ftsDefinition: String) throws {
        let queue = try DatabaseQueue(path: scratchPath)
        try queue.writeWithoutTransaction { db in
            // A scratch file: no journal, no syncing.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072")
            // The external content table the definition names; never read while indexing.
            try db.execute(sql: "CREATE TABLE message(id INTEGER PRIMARY KEY, text TEXT)")
            try db.execute(sql: ftsDefinition)
        }
        var generator = DemoGenerator(seed: seed, size: size, now: now)
        var rows = BulkTable("message_fts", ["rowid", "text"])
        var messageID: Int64 = 0
        var done = false
        while !done {
            try queue.inTransaction { db in
                for _ in 0..<20_000 {
                    guard let incident = generator.next() else { done = true; break }
                    for message in incident.messages {
                        messageID += 1
                        try rows.add([messageID, SearchText.foldYo(message.text)], db: db)
                    }
                }
                try rows.flush(db: db)
                return .commit
            }
        }
        try queue.close()
    }

    /// Waits for the index and copies it into the store's `message_fts`.
    func install(into pool: DatabasePool) throws {
        group.wait()
        if let failure { throw failure }
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS fts_build", arguments: [scratchPath])
            defer { try? db.execute(sql: "DETACH DATABASE fts_build") }
            try db.inTransaction {
                // The shadow tables the definition has (`_docsize` only with column sizes).
                let tables = try String.fetchAll(db, sql: """
                    SELECT name FROM fts_build.sqlite_master
                    WHERE type = 'table' AND name IN ('message_fts_data', 'message_fts_idx', 'message_fts_docsize')
                    """)
                for table in tables {
                    try db.execute(sql: "DELETE FROM main.\(table)")
                    try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM fts_build.\(table)")
                }
                return .commit
            }
        }
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratchPath + suffix) }
    }
}
