import Foundation

/// The deadlines of one incident and which of them matters in a given status.
public struct IncidentDeadlines: Hashable, Sendable {
    public var firstReaction: Date?
    public var answer: Date?
    public var final: Date?

    public init(firstReaction: Date?, answer: Date?, final: Date?) {
        self.firstReaction = firstReaction
        self.answer = answer
        self.final = final
    }

    /// Deadlines at registration. A final answer anchored on the intermediate answer is
    /// unknown until that answer exists.
    public static func initial(policy: SLAPolicy, registeredAt: Date, calendar: WorkingCalendar) -> IncidentDeadlines {
        IncidentDeadlines(
            firstReaction: policy.firstReaction.deadline(from: registeredAt, in: calendar),
            answer: policy.answer.deadline(from: registeredAt, in: calendar),
            final: policy.finalAnchor == .registration ? policy.final.deadline(from: registeredAt, in: calendar) : nil)
    }

    /// The clock shown in the inbox: the deadline that the incident's state is waiting on.
    /// `reacted` tells whether an operator has reacted yet. Nil when no clock runs.
    public func current(status: IncidentStatus, reacted: Bool) -> Date? {
        switch status {
        case .new: reacted ? answer : firstReaction
        case .inProgress, .waitingAgency: answer
        case .answered: final
        case .waitingCitizen, .closed, .noAnswer: nil
        }
    }

    /// The moment a clock running from `start` to `due` becomes "at risk": when
    /// `percent` of the allowed time has passed.
    public static func warning(start: Date, due: Date, percent: Int) -> Date {
        let allowed = max(0, due.timeIntervalSince(start))
        return start.addingTimeInterval((allowed * Double(percent) / 100).rounded(.down))
    }
}
