/// Migration `v8-incident-search`: the full-text index moves from messages to incidents
/// (DECISIONS.md "Full-text index per incident").
///
/// The console searches incidents, and with one index row per message every search of a
/// common word had to look up each matching message's incident (14,000 random reads for
/// «снег» at a million incidents, ~100 ms) just to count and order them. With one row
/// per incident, whose rowid is the incident id, a count is a walk of the index alone and
/// a page probes the match set while walking the inbox order. It also gives the search the
/// meaning operators expect: an incident matches when its thread, not one message,
/// contains every word.
///
/// The indexed text of an incident is its messages' texts with ё folded to е (the view
/// `incident_text`, also what 'rebuild' and 'integrity-check' read). FTS5 removes an entry
/// only when given the text it indexed, so the triggers recompute the thread as it was
/// before the change and then as it is after; with `detail='none'` only the set of tokens
/// matters, not the order of the messages.
enum SchemaV8 {
    /// An aggregate over message rows (`m`): their texts (`text`) joined and folded as the
    /// index folds them.
    static func thread(_ text: String = "m.text") -> String {
        SchemaV1.foldYo("group_concat(\(text), char(10))")
    }

    static let ftsDefinition = """
        CREATE VIRTUAL TABLE incident_fts USING fts5(
            text, content='incident_text', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
            detail='none', columnsize=0
        )
        """

    static let statements: [String] = [
        "DROP TRIGGER IF EXISTS message_fts_insert",
        "DROP TRIGGER IF EXISTS message_fts_update",
        "DROP TRIGGER IF EXISTS message_fts_delete",
        "DROP TABLE IF EXISTS message_fts",
        """
        CREATE VIEW incident_text(id, text) AS
            SELECT m.incident_id, \(thread()) FROM message m GROUP BY m.incident_id
        """,
        ftsDefinition,
        // A new message: the thread without it out, the thread with it in.
        """
        CREATE TRIGGER incident_fts_insert AFTER INSERT ON message BEGIN
            INSERT INTO incident_fts(incident_fts, rowid, text)
                SELECT 'delete', m.incident_id, \(thread()) FROM message m
                WHERE m.incident_id = new.incident_id AND m.id <> new.id GROUP BY m.incident_id;
            INSERT INTO incident_fts(rowid, text)
                SELECT m.incident_id, \(thread()) FROM message m WHERE m.incident_id = new.incident_id GROUP BY m.incident_id;
        END
        """,
        // An edited message (messages never move between incidents).
        """
        CREATE TRIGGER incident_fts_update AFTER UPDATE OF text ON message BEGIN
            INSERT INTO incident_fts(incident_fts, rowid, text)
                SELECT 'delete', m.incident_id, \(thread("CASE WHEN m.id = old.id THEN old.text ELSE m.text END"))
                FROM message m WHERE m.incident_id = old.incident_id GROUP BY m.incident_id;
            INSERT INTO incident_fts(rowid, text)
                SELECT m.incident_id, \(thread()) FROM message m WHERE m.incident_id = new.incident_id GROUP BY m.incident_id;
        END
        """,
        // A deleted message (Otklik deletes none; a hand-made DELETE stays consistent).
        """
        CREATE TRIGGER incident_fts_delete AFTER DELETE ON message BEGIN
            INSERT INTO incident_fts(incident_fts, rowid, text)
                SELECT 'delete', old.incident_id, \(thread("t.text"))
                FROM (SELECT m.text FROM message m WHERE m.incident_id = old.incident_id UNION ALL SELECT old.text) t;
            INSERT INTO incident_fts(rowid, text)
                SELECT m.incident_id, \(thread()) FROM message m WHERE m.incident_id = old.incident_id GROUP BY m.incident_id;
        END
        """,
        "INSERT INTO incident_fts(incident_fts) VALUES ('rebuild')",
    ]
}
