import CSQLiteConfig
import Foundation
import GRDB
import OtklikCore

/// The shared SQLite store: one file used by many processes at once (consoles over SSH,
/// ingest tools, the delivery tool).
///
/// `DatabasePool` in WAL mode lets readers proceed while one process writes; a busy
/// timeout makes a writer wait for another process's short transaction instead of
/// failing. Every write is a named method that keeps the invariants in one transaction.
public struct Store: Sendable {
    let pool: DatabasePool
    public let path: String
    /// This process's bulk load, shared by every copy of this value.
    let bulkSession = BulkSession()

    /// How long a writer waits for another process's lock before giving up.
    public static let busyTimeout: TimeInterval = 10

    public enum OpenError: Error, CustomStringConvertible {
        case directory(String, underlying: String)
        case notAStore(String, underlying: String)

        public var description: String {
            switch self {
            case .directory(let path, let underlying): "cannot create the folder for \(path): \(underlying)"
            case .notAStore(let path, let underlying): "cannot open the store \(path): \(underlying)"
            }
        }
    }

    /// Opens (creating if needed) and migrates the store at `path`. A new file is
    /// readable by its owner only: it holds citizens' personal data (152-ФЗ).
    /// `upgrading` hears the pending migrations of an existing store before they run
    /// (some take a while on a large store: v8 re-indexes every thread).
    public static func open(path: String, upgrading: ([String]) -> Void = { _ in }) throws -> Store {
        _ = sqliteConfigured
        try createOwnerOnlyFile(path)

        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "otklik"
        config.prepareDatabase { db in
            // WAL files inherit the database's permissions; keep synchronous=NORMAL, the
            // safe choice in WAL mode.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        // Switching a new file to WAL needs a lock that SQLite does not wait for: when
        // another process is creating and migrating the same new store, opening fails
        // with SQLITE_BUSY at once. Such a race ends within seconds; try again until then.
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                let pending = try pool.read { db -> [String] in
                    let applied = try StoreMigrator.make().appliedIdentifiers(db)
                    return applied.isEmpty ? [] : StoreMigrator.all.filter { !applied.contains($0) }
                }
                if !pending.isEmpty { upgrading(pending) }
                try migrate(pool)
                return Store(pool: pool, path: path)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 100 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            } catch let error as DatabaseError {
                throw OpenError.notAStore(path, underlying: error.message ?? error.description)
            }
        }
    }

    /// Process-wide SQLite settings, applied once before the first database opens (later
    /// they cannot be: SQLite ignores them once initialised, which is harmless).
    static let sqliteConfigured: Bool = otk_sqlite_disable_memstatus() == SQLITE_OK

    /// Creates the file (and its folder) readable by its owner only, before SQLite does.
    /// O_EXCL: if another process wins the race, we simply open its file.
    static func createOwnerOnlyFile(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw OpenError.directory(path, underlying: error.localizedDescription)
        }
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if fd >= 0 { close(fd) }
    }

    /// Applies the pending migrations. Several processes may open a new store at once:
    /// each migration runs in its own transaction, so when two processes race, the loser's
    /// transaction fails ("table already exists") and rolls back; it then finds the
    /// migration applied by the winner and carries on.
    static func migrate(_ pool: DatabasePool) throws {
        let migrator = StoreMigrator.make()
        var attempt = 0
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                attempt += 1
                let done = try pool.read { db in try migrator.hasCompletedMigrations(db) }
                if done { return }
                if attempt >= 5 { throw error }
            }
        }
    }

    /// The identifiers of the applied migrations.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try StoreMigrator.make().appliedIdentifiers(db).sorted() }
    }

    /// Every migration this build knows, oldest first.
    public static var knownMigrations: [String] { StoreMigrator.all }

    /// A value of the `setting` table.
    public func setting(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    /// The center's time zone (`center.time_zone`), Moscow when unset or unknown: for
    /// times written without a zone.
    public func centerTimeZone() throws -> TimeZone {
        try setting("center.time_zone").flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "Europe/Moscow")!
    }

    /// Copies the write-ahead log into the main file and empties it (before copying the
    /// file, or after a bulk load).
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}
