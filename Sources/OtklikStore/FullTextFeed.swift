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

    init(storePath: String) {
        builder = FullTextBuilder(storePath: storePath)
        builder.start { [self] emit in
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
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.fts_missing") }
        let ids = try Int64.fetchCursor(db, sql: "SELECT id FROM incident")
        let missing = try db.makeStatement(sql: "INSERT INTO fts_missing(id) VALUES (?)")
        while let id = try ids.next() {
            if !fedIDs.contains(id) { try missing.execute(arguments: [id]) }
        }
        // The builder holds a fed incident's first message as registered (before any
        // revision); an unfed one, nothing.
        try Store.reindexThreads(db, touched: """
            SELECT id FROM fts_missing
            UNION SELECT incident_id FROM message GROUP BY incident_id HAVING count(*) > 1
            UNION SELECT m.incident_id FROM message_revision r JOIN message m ON m.id = r.message_id
            """, indexed: """
            m.incident_id NOT IN (SELECT id FROM fts_missing)
            AND m.id = (SELECT min(id) FROM message WHERE incident_id = m.incident_id)
            """, asOfRevision: 0)
    }
}
