/// What a person may do in the console.
public enum OperatorRole: String, CaseIterable, Sendable, Codable {
    /// Triages, routes and answers incidents.
    case `operator`
    /// Watches load, breaches and surges; may reassign.
    case supervisor
    /// Maintains agencies, topics, policies and templates.
    case admin
}
