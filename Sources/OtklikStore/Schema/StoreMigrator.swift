import GRDB

/// The store's migrations, in order. A migration, once released, never changes: a new
/// version of the schema is a new migration.
enum StoreMigrator {
    static let v1 = "v1"
    static let v2 = "v2-operator-language"

    static func make() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in
            for statement in SchemaV1.statements {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration(v2) { db in
            // The console's language per operator (ru by default, en on request).
            try db.execute(sql: """
                ALTER TABLE operator ADD COLUMN language TEXT NOT NULL DEFAULT 'ru' CHECK (language IN ('ru','en'))
                """)
        }
        return migrator
    }

    /// Every migration identifier, oldest first.
    static var all: [String] { make().migrations }
}
