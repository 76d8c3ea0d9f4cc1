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
    /// An incident action was applied (or not) to its targets.
    case performed(IncidentActionReport)
    /// An effect failed; the message is shown on the message line.
    case failed(String)
}

/// What the store is asked for: the active filter (with any search words) as the
/// operator sees it, in the chosen order.
public struct InboxQuery: Equatable, Sendable {
    public var filter: InboxFilter
    /// Who "mine" (@я) means.
    public var operatorLogin: String?
    public var sort: InboxSort

    public init(filter: InboxFilter = .all, operatorLogin: String? = nil, sort: InboxSort = .deadline) {
        self.filter = filter
        self.operatorLogin = operatorLogin
        self.sort = sort
    }
}

/// An incident an action is applied to, at the version the console last saw: the store
/// applies the action only if the incident is still at that version.
public struct IncidentTarget: Hashable, Sendable {
    public let id: Int64
    public let number: Int
    public let version: Int

    public init(id: Int64, number: Int, version: Int) {
        self.id = id
        self.number = number
        self.version = version
    }

    public init(_ summary: IncidentSummary) {
        self.init(id: summary.id, number: summary.number, version: summary.version)
    }
}

/// What happened to each target of an incident action.
public struct IncidentActionReport: Equatable, Sendable {
    public var action: IncidentAction
    public var results: [Result]
    /// Applied to the tagged incidents (`;`) rather than the selected one.
    public var toTagged: Bool

    public struct Result: Equatable, Sendable {
        public var target: IncidentTarget
        public var outcome: IncidentActionOutcome

        public init(target: IncidentTarget, outcome: IncidentActionOutcome) {
            self.target = target
            self.outcome = outcome
        }
    }

    public init(action: IncidentAction, results: [Result], toTagged: Bool) {
        self.action = action
        self.results = results
        self.toTagged = toTagged
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
    /// Apply an incident action to each target as `operatorLogin` (one short transaction
    /// each, guarded by the target's version); the outcome comes back as `.performed`.
    case perform(IncidentAction, targets: [IncidentTarget], operatorLogin: String, toTagged: Bool)
    /// Repaint every cell (Ctrl-L), not only the changed ones.
    case redrawAll
    /// Stop the program for the shell (Ctrl-Z) and repaint on return.
    case suspend
    case quit
}
