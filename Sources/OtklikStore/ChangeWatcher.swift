import GRDB

/// Notices commits made by any connection, including other processes.
///
/// GRDB's `ValueObservation` only sees writes made through the same `DatabasePool`, so a
/// console would miss what the ingest tools add. `PRAGMA data_version` on one long-lived
/// connection changes whenever another connection commits; polling it is cheap (no I/O
/// beyond the shared-memory WAL index).
public struct ChangeWatcher: Sendable {
    private let queue: DatabaseQueue

    public init(store: Store) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(Store.busyTimeout)
        config.label = "otklik.watcher"
        queue = try DatabaseQueue(path: store.path, configuration: config)
    }

    /// A number that changes when someone else commits.
    public func version() throws -> Int {
        try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
