/// The order of the inbox (`o` in the console). Every order ends with the incident id, so
/// pages are stable windows of one total order; the store serves each from an index
/// (Store+Sort.swift, DECISIONS.md "Inbox sort orders").
public enum InboxSort: String, CaseIterable, Sendable {
    /// Running clocks first, nearest deadline first; stopped clocks last (the default).
    case deadline
    /// Newest first: by the time the citizen wrote, latest first.
    case newest
    /// By incident number, lowest first.
    case number
    /// By status in the order of an incident's life (new, in work, at the agency, waiting
    /// for the author, answered, closed, no answer), nearest deadline first within one.
    case status
    /// Incidents without an agency first (they still need routing), then by agency short
    /// name, nearest deadline first within one.
    case agency

    /// The rank of a status in the `status` order: its place in `IncidentStatus.allCases`.
    public static func rank(of status: IncidentStatus) -> Int {
        IncidentStatus.allCases.firstIndex(of: status)!
    }
}
