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
        let calendars = try calendars(now: now)
        return InboxSnapshot(
            total: try store.inboxCount(filter: query.filter, operatorLogin: query.operatorLogin, now: now), offset: offset,
            rows: try store.inboxPage(filter: query.filter, sort: query.sort, operatorLogin: query.operatorLogin, now: now,
                                      offset: offset, limit: limit)
                .map { $0.with(calendar: calendars.calendar(agencyShortName: $0.agencyShortName)) })
    }

    /// Agencies' calendars for working-time countdowns, read again every minute.
    private var calendarCache: (loaded: Date, calendars: CountdownCalendars)?

    private func calendars(now: Date) throws -> CountdownCalendars {
        if let cached = calendarCache, abs(now.timeIntervalSince(cached.loaded)) < 60 { return cached.calendars }
        let calendars = try store.countdownCalendars()
        calendarCache = (now, calendars)
        return calendars
    }

    func counters(now: Date) throws -> InboxCounters { try store.counters(now: now) }

    func detail(id: Int64) throws -> IncidentDetail? {
        let calendars = try calendars(now: Date())
        return try store.incidentDetail(id: id).map { $0.with(calendar: calendars.calendar(agencyShortName: $0.summary.agencyShortName)) }
    }

    func changeToken() throws -> Int { try watcher.version() }

    func perform(_ action: IncidentAction, on targets: [IncidentTarget], operatorLogin: String,
                 now: Date) throws -> [IncidentActionOutcome] {
        try targets.map { target in
            switch action {
            case .take:
                try store.takeIncident(id: target.id, expectedVersion: target.version, operatorLogin: operatorLogin, at: now)
            case .release:
                try store.releaseIncident(id: target.id, expectedVersion: target.version, operatorLogin: operatorLogin, at: now)
            case .markNoAnswer:
                try store.markIncidentNoAnswer(id: target.id, expectedVersion: target.version, operatorLogin: operatorLogin, at: now)
            }
        }
    }
}
