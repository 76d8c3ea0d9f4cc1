import Foundation
import OtklikConsole
import OtklikCore
import OtklikStore

/// The console's data, from the shared store.
final class StoreInboxSource: InboxSource {
    let store: Store
    let watcher: ChangeWatcher

    init(store: Store) throws {
        self.store = store
        watcher = try ChangeWatcher(store: store)
    }

    func snapshot(offset: Int, limit: Int, now: Date) throws -> InboxSnapshot {
        InboxSnapshot(total: try store.inboxCount(), offset: offset,
                      rows: try store.inboxPage(offset: offset, limit: limit),
                      counters: try store.counters(now: now))
    }

    func changeToken() throws -> Int { try watcher.version() }
}
