import Foundation

/// What the inbox shows of one incident: a read model assembled by the store.
public struct IncidentSummary: Hashable, Sendable, Identifiable {
    public let id: Int64
    public let number: Int
    public let source: SourceKind
    public let status: IncidentStatus
    public let priority: Priority
    public let topicName: String?
    public let agencyShortName: String?
    public let ownerLogin: String?
    public let createdAt: Date
    /// The deadline the incident's state waits on; nil when no clock runs.
    public let dueAt: Date?
    /// When `dueAt` becomes at risk.
    public let warnAt: Date?
    /// The start of the citizen's text, untrusted and not yet sanitized.
    public let excerpt: String
    /// Bumped on every change; used for optimistic concurrency.
    public let version: Int
    /// The agency's working calendar, for countdowns in working time (nil: wall-clock).
    public var calendar: WorkingCalendar?

    public init(id: Int64, number: Int, source: SourceKind, status: IncidentStatus, priority: Priority,
                topicName: String?, agencyShortName: String?, ownerLogin: String?, createdAt: Date,
                dueAt: Date?, warnAt: Date?, excerpt: String, version: Int, calendar: WorkingCalendar? = nil) {
        self.calendar = calendar
        self.id = id
        self.number = number
        self.source = source
        self.status = status
        self.priority = priority
        self.topicName = topicName
        self.agencyShortName = agencyShortName
        self.ownerLogin = ownerLogin
        self.createdAt = createdAt
        self.dueAt = dueAt
        self.warnAt = warnAt
        self.excerpt = excerpt
        self.version = version
    }
}

extension IncidentSummary {
    /// The same row with the calendar its countdown counts in.
    public func with(calendar: WorkingCalendar?) -> IncidentSummary {
        var copy = self
        copy.calendar = calendar
        return copy
    }

    /// Where the incident's clock stands at `now`.
    public func clockState(at now: Date) -> ClockState {
        guard let dueAt else { return .stopped }
        if dueAt <= now { return .breached }
        if let warnAt, warnAt <= now { return .warning }
        return .running
    }
}

/// Where a deadline stands.
public enum ClockState: Sendable, Equatable {
    case stopped, running, warning, breached
}

/// The live counters of the console's header.
public struct InboxCounters: Hashable, Sendable {
    public var new: Int
    public var open: Int
    public var atRisk: Int
    public var overdue: Int

    public init(new: Int = 0, open: Int = 0, atRisk: Int = 0, overdue: Int = 0) {
        self.new = new
        self.open = open
        self.atRisk = atRisk
        self.overdue = overdue
    }
}
