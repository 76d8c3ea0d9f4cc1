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
    /// Gives every incident with a message or an edit after `marks` its entry again: out
    /// with the text the index holds, in with the thread as it is.
    static func refreshFullText(_ db: Database, after marks: FullTextMarks) throws {
        let arguments: StatementArguments = [marks.message, marks.revision]
        try db.execute(sql: "CREATE TEMP TABLE fts_touched(id INTEGER PRIMARY KEY)")
        try db.execute(sql: "CREATE TEMP TABLE fts_indexed(message_id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.fts_touched; DROP TABLE IF EXISTS temp.fts_indexed") }
        try db.execute(sql: """
            INSERT OR IGNORE INTO fts_touched SELECT incident_id FROM message WHERE id > ?1
            UNION SELECT m.incident_id FROM message_revision r JOIN message m ON m.id = r.message_id WHERE r.id > ?2
            """, arguments: arguments)
        // The text each edited message had at the revision mark.
        try db.execute(sql: """
            INSERT INTO fts_indexed SELECT r.message_id, r.text FROM message_revision r
            WHERE r.id IN (SELECT min(id) FROM message_revision WHERE id > ?1 GROUP BY message_id)
            """, arguments: [marks.revision])
        try db.execute(sql: """
            INSERT INTO incident_fts(incident_fts, rowid, text)
            SELECT 'delete', m.incident_id, \(SchemaV8.thread("coalesce(x.text, m.text)"))
            FROM message m LEFT JOIN fts_indexed x ON x.message_id = m.id
            WHERE m.id <= ?1 AND m.incident_id IN (SELECT id FROM fts_touched) GROUP BY m.incident_id
            """, arguments: [marks.message])
        try db.execute(sql: """
            INSERT INTO incident_fts(rowid, text)
            SELECT m.incident_id, \(SchemaV8.thread()) FROM message m
            WHERE m.incident_id IN (SELECT id FROM fts_touched) GROUP BY m.incident_id
            """)
    }
}
