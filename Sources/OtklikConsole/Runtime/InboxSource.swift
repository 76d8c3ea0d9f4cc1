import Foundation
import OtklikCore

/// Where the console's data comes from; the application wires the store to it.
public protocol InboxSource {
    /// A window of the inbox for `query`, with the totals, as of `now`.
    func snapshot(_ query: InboxQuery, offset: Int, limit: Int, now: Date) throws -> InboxSnapshot
    /// The header's counters as of `now`.
    func counters(now: Date) throws -> InboxCounters
    /// One incident with its thread and history; nil when it no longer exists.
    func detail(id: Int64) throws -> IncidentDetail?
    /// A number that changes whenever anyone commits to the store.
    func changeToken() throws -> Int
    /// Applies an incident action to each target as `operatorLogin` at `now`: one short
    /// transaction per incident, written only if the incident is still at the target's
    /// version. The outcomes are in the order of `targets`.
    func perform(_ action: IncidentAction, on targets: [IncidentTarget], operatorLogin: String,
                 now: Date) throws -> [IncidentActionOutcome]
}

/// Finds a theme by name for `:theme` (the application reads the files).
public typealias ThemeLookup = (String) -> Result<Theme, ThemeLoadError>
