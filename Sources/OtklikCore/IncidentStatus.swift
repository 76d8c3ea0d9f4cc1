/// Where an incident is in its life. Stored by raw value; the store's CHECK constraint
/// lists the same values.
public enum IncidentStatus: String, CaseIterable, Sendable, Codable {
    /// Found, not yet looked at by an operator.
    case new
    /// An operator is working on it (triage, routing, drafting).
    case inProgress = "in_progress"
    /// Passed to the responsible agency; waiting for its answer.
    case waitingAgency = "waiting_agency"
    /// A question was put to the citizen; the clocks are paused.
    case waitingCitizen = "waiting_citizen"
    /// An intermediate answer was published; the final answer is due.
    case answered
    /// The final answer was published.
    case closed
    /// No answer is owed (threats, obscenity, closed comments): a status, not a silence.
    case noAnswer = "no_answer"

    /// Statuses in which no deadline runs.
    public var isTerminal: Bool { self == .closed || self == .noAnswer }

    /// Statuses that stop the clocks without ending the incident.
    public var pausesClocks: Bool { self == .waitingCitizen }
}
