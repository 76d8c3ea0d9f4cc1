import Foundation
import GRDB

/// Copies a bulk load's WAL into the database file from a connection of its own, every
/// quarter second, while the load writes. The writer's own automatic checkpoint then finds
/// the frames already copied and synced, and waits for the disk half as long (its syncs
/// were about 3 s of a million records' load). The writer still checkpoints last, which
/// lets the WAL start over; a passive checkpoint never blocks it.
final class BulkCheckpointer: @unchecked Sendable {
    private let stop = DispatchSemaphore(value: 0)
    private let done = DispatchGroup()

    init(storePath: String) {
        done.enter()
        Thread.detachNewThread { [self] in
            defer { done.leave() }
            guard let connection = try? DatabaseQueue(path: storePath) else { return }
            while stop.wait(timeout: .now() + .milliseconds(250)) == .timedOut {
                // Busy (another checkpoint running) or failed: the writer's own covers it.
                try? connection.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
            }
            try? connection.close()
        }
    }

    /// Stops the thread and waits for it. Closing again does nothing.
    func close() {
        stop.signal()
        done.wait()
    }
}
