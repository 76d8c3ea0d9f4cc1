import Foundation
import GRDB

/// The full-text index of a first bulk load, built while the load runs: each committed
/// batch hands its new incidents' texts to `FullTextBuilder` on another thread, which
/// then shares a core with the parser instead of competing with the index rebuild after
/// the load (16 s for the indexes of a million incidents alone, 21 s beside the
/// tokenizer).
///
/// The builder indexes each fed incident with its first message as registered. At the end
/// (`refresh`) the threads that grew or were edited since are indexed again, and
/// incidents other processes registered meanwhile get their entries.
final class FullTextFeed: @unchecked Sendable {
    let builder: FullTextBuilder
    private let condition = NSCondition()
    private var batches: [[(Int64, String)]] = []
    private var closed = false
    /// Every incident id fed, ascending within each batch.
    private var fed: [Int64] = []

    init(storePath: String, ftsDefinition: String) {
        builder = FullTextBuilder(storePath: storePath)
        builder.start(ftsDefinition: ftsDefinition) { [self] emit in
            while let batch = next() {
                for (id, text) in batch { try emit(id, text) }
            }
        }
    }

    /// The new incidents of a committed transaction.
    func append(_ batch: [(Int64, String)]) {
        guard !batch.isEmpty else { return }
        condition.lock()
        batches.append(batch)
        fed.append(contentsOf: batch.map(\.0))
        condition.signal()
        condition.unlock()
    }

    /// No more batches: the builder finishes what it has.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func next() -> [(Int64, String)]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        return batches.isEmpty ? nil : batches.removeFirst()
    }

    /// Gives the incidents the builder did not see, or saw before they changed, their
    /// entries (in the transaction that installs the builder's index).
    func refresh(_ db: Database) throws {
        condition.lock()
        let fedIDs = Set(fed)
        condition.unlock()
        try db.execute(sql: "CREATE TEMP TABLE fts_missing(id INTEGER PRIMARY KEY)")
        try db.execute(sql: "CREATE TEMP TABLE fts_changed(id INTEGER PRIMARY KEY)")
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.fts_missing; DROP TABLE IF EXISTS temp.fts_changed") }
        let ids = try Int64.fetchCursor(db, sql: "SELECT id FROM incident")
        let missing = try db.makeStatement(sql: "INSERT INTO fts_missing(id) VALUES (?)")
        while let id = try ids.next() {
            if !fedIDs.contains(id) { try missing.execute(arguments: [id]) }
        }
        // Fed incidents whose thread grew or whose first message was edited.
        try db.execute(sql: """
            INSERT OR IGNORE INTO fts_changed
            SELECT incident_id FROM message GROUP BY incident_id HAVING count(*) > 1
            UNION SELECT m.incident_id FROM message_revision r JOIN message m ON m.id = r.message_id
            """)
        try db.execute(sql: "DELETE FROM fts_changed WHERE id IN (SELECT id FROM fts_missing)")
        // Out with the first message as it was registered (its first revision's text
        // when it was edited since), in with the thread.
        try db.execute(sql: """
            CREATE TEMP TABLE fts_registered(message_id INTEGER PRIMARY KEY, text TEXT NOT NULL);
            INSERT INTO fts_registered SELECT message_id, text FROM message_revision
            WHERE id IN (SELECT min(id) FROM message_revision GROUP BY message_id);
            """)
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.fts_registered") }
        try db.execute(sql: """
            INSERT INTO incident_fts(incident_fts, rowid, text)
            SELECT 'delete', m.incident_id, \(SchemaV8.thread("coalesce(x.text, m.text)"))
            FROM message m LEFT JOIN fts_registered x ON x.message_id = m.id
            WHERE m.id IN (SELECT min(id) FROM message WHERE incident_id IN (SELECT id FROM fts_changed) GROUP BY incident_id)
            GROUP BY m.incident_id
            """)
        try db.execute(sql: """
            INSERT INTO incident_fts(rowid, text)
            SELECT m.incident_id, \(SchemaV8.thread()) FROM message m
            WHERE m.incident_id IN (SELECT id FROM fts_changed UNION ALL SELECT id FROM fts_missing) GROUP BY m.incident_id
            """)
    }
}

extension Store {
    /// What this process keeps of its own bulk load: the full-text feed of a first load.
    final class BulkSession: @unchecked Sendable {
        private let lock = NSLock()
        private var current: FullTextFeed?

        var feed: FullTextFeed? {
            get { lock.withLock { current } }
            set { lock.withLock { current = newValue } }
        }
    }
}
