import OtklikCore

/// A window of the inbox as loaded from the store, with the totals around it.
public struct InboxSnapshot: Equatable, Sendable {
    public var total: Int
    public var offset: Int
    public var rows: [IncidentSummary]
    /// The header's counters, when they were loaded with the window (tests, simple sources).
    public var counters: InboxCounters?

    public init(total: Int, offset: Int, rows: [IncidentSummary], counters: InboxCounters? = nil) {
        self.total = total
        self.offset = offset
        self.rows = rows
        self.counters = counters
    }
}
