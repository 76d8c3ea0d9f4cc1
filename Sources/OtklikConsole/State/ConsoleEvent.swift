import Foundation
import OtklikCore

/// What happens to the console: input, time passing, data arriving.
public enum ConsoleEvent: Equatable, Sendable {
    case key(Key)
    /// The clock moved (once a second).
    case tick(Date)
    case resized(width: Int, height: Int)
    /// A window of the inbox arrived from the store.
    case loaded(InboxSnapshot)
    /// The header's counters arrived.
    case countersLoaded(InboxCounters)
    /// The selected incident's detail arrived (nil: it no longer exists).
    case detailLoaded(IncidentDetail?)
    /// Another process (or this one) committed to the store.
    case storeChanged
    /// A theme was applied (`name`), or could not be (`problem`).
    case themeApplied(name: String, problem: String?)
    /// An effect failed; the message is shown on the message line.
    case failed(String)
}

/// What the store is asked for: the active filter (with any search words) as the
/// operator sees it.
public struct InboxQuery: Equatable, Sendable {
    public var filter: InboxFilter
    /// Who "mine" (@я) means.
    public var operatorLogin: String?

    public init(filter: InboxFilter = .all, operatorLogin: String? = nil) {
        self.filter = filter
        self.operatorLogin = operatorLogin
    }
}

/// What `update` asks the runtime to do: I/O stays outside the pure update.
public enum ConsoleEffect: Equatable, Sendable {
    /// Load `limit` inbox rows from `offset` for `query`, with the totals.
    case load(InboxQuery, offset: Int, limit: Int)
    /// Load the header's counters. They cost more than a window at a million incidents,
    /// so they are loaded when the store changes and every 15 s (at risk and overdue move
    /// with time), not with every window.
    case loadCounters
    /// Load the detail of one incident.
    case loadDetail(id: Int64)
    /// Find and apply a theme by name.
    case applyTheme(String)
    /// Repaint every cell (Ctrl-L), not only the changed ones.
    case redrawAll
    /// Stop the program for the shell (Ctrl-Z) and repaint on return.
    case suspend
    case quit
}
