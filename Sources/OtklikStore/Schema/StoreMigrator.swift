import GRDB

/// The store's migrations, in order. A migration, once released, never changes: a new
/// version of the schema is a new migration.
enum StoreMigrator {
    static let v1 = "v1"
    static let v2 = "v2-operator-language"
    static let v3 = "v3-inbox-filter"
    static let v4 = "v4-drop-superseded-indexes"
    static let v5 = "v5-ingest"
    static let v6 = "v6-sla"
    static let v7 = "v7-inbox-sort"
    static let v8 = "v8-incident-search"
    static let v9 = "v9-status-by-rank"
    static let v10 = "v10-inbox-on-order-index"
    static let v11 = "v11-excerpt-from-thread"

    static func make() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in
            try execute(SchemaV1.statements, in: db)
        }
        migrator.registerMigration(v2) { db in
            // The console's language per operator (ru by default, en on request).
            try db.execute(sql: """
                ALTER TABLE operator ADD COLUMN language TEXT NOT NULL DEFAULT 'ru' CHECK (language IN ('ru','en'))
                """)
        }
        migrator.registerMigration(v3) { db in
            // The inbox filter (Store+Filter.swift, DECISIONS.md "Inbox filter language"):
            // covering indexes over the filter's columns, so that a count or a page of a
            // filtered inbox reads index entries instead of a million table rows.
            try execute(SchemaV3.statements, in: db)
        }
        migrator.registerMigration(v4) { db in
            // Indexes of v1 whose leading columns v3's covering indexes repeat: each cost a
            // write on every incident change and time in bulk loads, and served nothing.
            for index in ["incident_by_status", "incident_due", "incident_warn", "incident_by_owner", "incident_by_topic"] {
                try db.execute(sql: "DROP INDEX IF EXISTS \(index)")
            }
        }
        migrator.registerMigration(v5) { db in
            // Ingest (Store+Ingest.swift): a quarantined record is held once however often
            // its input is read again (re-runs after a crash, two ingest processes), and a
            // followed file's read position is saved with the records it covered.
            try db.execute(sql: "ALTER TABLE quarantine ADD COLUMN fingerprint TEXT")
            try db.execute(sql: "CREATE UNIQUE INDEX quarantine_by_fingerprint ON quarantine(fingerprint)")
            try db.execute(sql: "CREATE INDEX quarantine_by_status ON quarantine(status, id)")
            try db.execute(sql: """
                CREATE TABLE ingest_cursor (
                    path       TEXT PRIMARY KEY NOT NULL CHECK (length(path) > 0),
                    byte_offset INTEGER NOT NULL CHECK (byte_offset >= 0),
                    line       INTEGER NOT NULL CHECK (line >= 0),
                    updated_at INTEGER NOT NULL
                ) WITHOUT ROWID
                """)
            // Messages are found by their external id for threads and duplicates: the
            // UNIQUE (source_id, external_id) constraint's index serves that already.
        }
        migrator.registerMigration(v6) { db in
            // The SLA engine (Store+SLA.swift, docs/sla.md): recomputation marks, the
            // next-reply deadline, policy extensions, calendar details, once-only SLA events.
            try execute(SchemaV6.statements, in: db)
        }
        // v7 comes after any v6 (registered above it by another change).
        migrator.registerMigration(v7) { db in
            // The inbox's sort orders (Store+Sort.swift, DECISIONS.md "Inbox sort orders").
            try execute(SchemaV7.statements, in: db)
        }
        migrator.registerMigration(v8) { db in
            // One full-text entry per incident instead of per message (SchemaV8).
            try execute(SchemaV8.statements, in: db)
        }
        migrator.registerMigration(v9) { db in
            // Status conditions on v7's rank index; v3's status index goes (SchemaV9).
            try execute(SchemaV9.statements, in: db)
            // The planner needs the rank index's statistics now that status filters use
            // it: a store upgraded to v7 never gathered them, and SQLite takes an
            // expression index without them for a very selective one (a page of "open"
            // then sorted 300,000 rows instead of walking its order).
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM incident)") == true {
                try db.execute(sql: "ANALYZE incident_sort_by_status")
            }
        }
        migrator.registerMigration(v10) { db in
            // The unfiltered inbox on v3's order index; v1's deadline index goes (SchemaV10).
            try execute(SchemaV10.statements, in: db)
        }
        migrator.registerMigration(v11) { db in
            // The inbox's excerpt from the thread; the incident row's copy goes (SchemaV11).
            try execute(SchemaV11.statements, in: db)
        }
        return migrator
    }

    private static func execute(_ statements: [String], in db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
    }

    /// Every migration identifier, oldest first.
    static var all: [String] { make().migrations }
}
