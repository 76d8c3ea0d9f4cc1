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

    func snapshot(_ query: InboxQuery, offset: Int, limit: Int, now: Date) throws -> InboxSnapshot {
        InboxSnapshot(
            total: try store.inboxCount(filter: query.filter, operatorLogin: query.operatorLogin, now: now), offset: offset,
            rows: try store.inboxPage(filter: query.filter, operatorLogin: query.operatorLogin, now: now, offset: offset, limit: limit))
    }

    func counters(now: Date) throws -> InboxCounters { try store.counters(now: now) }

    func detail(id: Int64) throws -> IncidentDetail? { try store.incidentDetail(id: id) }

    func changeToken() throws -> Int { try watcher.version() }
}
