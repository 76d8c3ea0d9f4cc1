import GRDB

/// Keeping the incident full-text index (SchemaV8) right after its triggers were set
/// aside (bulk loads).
///
/// FTS5 removes an incident's entry only when given the text it indexed. What the index
/// holds for each incident is known from two marks, the last message id and the last
/// revision id it covers: the incident's messages up to the message mark, each with its
/// text as of the revision mark (the text of the first revision after the mark, when the
/// message was edited since; the edit path saves the replaced text there first).
struct FullTextMarks: Sendable {
    var message: Int64
    var revision: Int64

    init(message: Int64, revision: Int64) {
        self.message = message
        self.revision = revision
    }

    /// The marks of what the store holds now.
    init(_ db: Database) throws {
        message = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM message") ?? 0
        revision = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM message_revision") ?? 0
    }

    /// Marks handed from the builder's thread, read after it finished.
    final class Box: @unchecked Sendable {
        var value = FullTextMarks(message: 0, revision: 0)
    }
}

extension Store {
    /// Gives every incident with a message or an edit after `marks` its entry again.
    static func refreshFullText(_ db: Database, after marks: FullTextMarks) throws {
        try reindexThreads(db, touched: """
            SELECT incident_id FROM message WHERE id > \(marks.message)
            UNION SELECT m.incident_id FROM message_revision r JOIN message m ON m.id = r.message_id WHERE r.id > \(marks.revision)
            """, indexed: "m.id <= \(marks.message)", asOfRevision: marks.revision)
    }

    /// Takes the incidents `touched` selects out of the index, with the text it holds for
    /// them — their messages that pass `indexed` (a condition on `message m`), each as it
    /// was at revision `mark` — and puts them in again with their threads as they are.
    /// (The marks are the store's own ids, never input, so they are written into the SQL.)
    static func reindexThreads(_ db: Database, touched: String, indexed: String, asOfRevision mark: Int64) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE fts_touched(id INTEGER PRIMARY KEY);
            CREATE TEMP TABLE fts_then(message_id INTEGER PRIMARY KEY, text TEXT NOT NULL);
            """)
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.fts_touched; DROP TABLE IF EXISTS temp.fts_then") }
        try db.execute(sql: "INSERT OR IGNORE INTO fts_touched \(touched)")
        // The text each message edited since the mark had then: its first revision after it.
        try db.execute(sql: """
            INSERT INTO fts_then SELECT r.message_id, r.text FROM message_revision r
            WHERE r.id IN (SELECT min(id) FROM message_revision WHERE id > ? GROUP BY message_id)
            """, arguments: [mark])
        try db.execute(sql: """
            INSERT INTO incident_fts(incident_fts, rowid, text)
            SELECT 'delete', m.incident_id, \(SchemaV8.thread("coalesce(x.text, m.text)"))
            FROM message m LEFT JOIN fts_then x ON x.message_id = m.id
            WHERE m.incident_id IN (SELECT id FROM fts_touched) AND \(indexed) GROUP BY m.incident_id
            """)
        try db.execute(sql: """
            INSERT INTO incident_fts(rowid, text)
            SELECT m.incident_id, \(SchemaV8.thread()) FROM message m
            WHERE m.incident_id IN (SELECT id FROM fts_touched) GROUP BY m.incident_id
            """)
    }
}
