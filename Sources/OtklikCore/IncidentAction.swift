/// What an operator does to an incident from the console: the rules as a pure function.
/// The store applies a plan in one short transaction, guarded by the incident's version,
/// with an audit event per changed field (`Store.perform`).
public enum IncidentAction: String, CaseIterable, Sendable {
    /// Take it: the operator becomes its owner; a new incident goes into work.
    case take
    /// Release it: the operator stops being its owner; an incident in work goes back to new.
    case release
    /// No answer is owed (threats, obscenity, spam): the incident ends without a reply.
    case markNoAnswer = "no_answer"

    /// Whether the console asks for confirmation first: the action ends the incident.
    public var isDestructive: Bool { self == .markNoAnswer }

    /// The audit event's `action`.
    public var eventName: String { "incident.\(rawValue)" }

    /// What the action changes on an incident in `status` owned by `ownerLogin`, done by
    /// `operatorLogin`; or why it does not apply. Logins compare case-insensitively.
    public func plan(status: IncidentStatus, ownerLogin: String?, operatorLogin: String) -> Result<IncidentChange, IncidentActionRefusal> {
        let me = operatorLogin.lowercased()
        let mine = ownerLogin?.lowercased() == me
        switch self {
        case .take:
            if status.isTerminal { return .failure(.ended(status)) }
            if mine && status != .new { return .failure(.alreadyDone) }
            return .success(IncidentChange(status: status == .new ? .inProgress : status, ownerLogin: me))
        case .release:
            if status.isTerminal { return .failure(.ended(status)) }
            guard let ownerLogin else { return .failure(.alreadyDone) }
            if !mine { return .failure(.ownedByAnother(ownerLogin)) }
            return .success(IncidentChange(status: status == .inProgress ? .new : status, ownerLogin: nil))
        case .markNoAnswer:
            if status == .noAnswer { return .failure(.alreadyDone) }
            if status.isTerminal { return .failure(.ended(status)) }
            return .success(IncidentChange(status: .noAnswer, ownerLogin: ownerLogin))
        }
    }
}

/// An incident's status and owner after an action.
public struct IncidentChange: Equatable, Sendable {
    public var status: IncidentStatus
    public var ownerLogin: String?

    public init(status: IncidentStatus, ownerLogin: String?) {
        self.status = status
        self.ownerLogin = ownerLogin
    }
}

/// Why an action does not apply to an incident.
public enum IncidentActionRefusal: Error, Equatable, Sendable {
    /// The incident is closed or marked no-answer.
    case ended(IncidentStatus)
    /// Nothing would change (taking one's own incident in work, releasing an unowned one,
    /// marking a no-answer incident again).
    case alreadyDone
    /// Releasing an incident another operator owns.
    case ownedByAnother(String)
    /// The operator at the console is not in the store's operator table.
    case unknownOperator(String)
}

/// What happened when the store was asked to apply an action to one incident.
public enum IncidentActionOutcome: Equatable, Sendable {
    /// Applied; the incident now has this version.
    case done(version: Int)
    /// The incident changed since the console last read it (its version moved on):
    /// nothing was written.
    case conflict(currentVersion: Int)
    /// The incident no longer exists.
    case gone
    /// The action does not apply; nothing was written.
    case refused(IncidentActionRefusal)
}
