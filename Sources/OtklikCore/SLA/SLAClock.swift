import Foundation

/// The clocks an incident can have (docs/sla.md, "Clocks").
public enum SLAClockKind: String, CaseIterable, Sendable, Codable {
    /// From registration to an operator's first reaction (taking it, routing it, replying).
    case firstReaction = "first_reaction"
    /// From registration to the first public reply (intermediate or final).
    case answer
    /// To the final public reply: from registration or from the intermediate answer.
    case final
    /// From a citizen's follow-up, after an answer, to the next public reply.
    case nextReply = "next_reply"
}

/// A policy with the calendar it counts in: what the clocks measure, in whose working time.
/// A class, so that the many clocks that share one are a reference each.
public final class SLAContext: Hashable, Sendable {
    public let policy: SLAPolicy
    public let calendar: WorkingCalendar
    /// Whose calendar it is, for explanations: "Упрдор (Asia/Yekaterinburg)".
    public let label: String

    public init(policy: SLAPolicy, calendar: WorkingCalendar, label: String = "") {
        self.policy = policy
        self.calendar = calendar
        self.label = label
    }

    public static func == (a: SLAContext, b: SLAContext) -> Bool {
        a === b || (a.policy == b.policy && a.calendar == b.calendar && a.label == b.label)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(policy.code)
        hasher.combine(label)
    }
}

/// One thing that happened to an incident and matters to its clocks. The store reads them
/// from the `event` and `message` tables (docs/sla.md, "Where the facts come from").
public struct SLAFact: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The status became this.
        case status(IncidentStatus)
        /// An operator acted on the incident without changing its status (took it).
        case reaction
        /// A message joined the thread: a public reply, a follow-up, an internal note.
        case message(MessageKind)
        /// The final deadline was extended, with the recorded reason.
        case extended(reason: String)
        /// From here on another policy or calendar applies (topic, agency, priority or
        /// policy changed).
        case context(SLAContext)
    }

    public let at: Date
    public let kind: Kind

    public init(at: Date, _ kind: Kind) {
        self.at = at
        self.kind = kind
    }
}

/// A stretch of time during which the clocks stood still ("waiting for the citizen").
public struct SLAPause: Hashable, Sendable {
    public let start: Date
    /// Nil while the pause goes on.
    public let end: Date?

    public init(start: Date, end: Date?) {
        self.start = start
        self.end = end
    }
}

/// Why a clock stopped.
public enum SLAStop: Hashable, Sendable {
    /// An operator reacted (status left `new`, or an explicit reaction).
    case reaction
    /// A public reply of this kind.
    case reply(MessageKind)
    /// The incident entered this status (closed, or no answer owed).
    case status(IncidentStatus)
}

/// Where one clock stands at a moment.
public enum SLAClockState: String, Sendable, Equatable {
    /// Running, before its warning threshold.
    case running
    /// Running, past its warning threshold ("at risk").
    case warning
    /// Running and past its deadline.
    case breached
    /// Standing still while the incident waits for the citizen.
    case paused
    /// Stopped in time.
    case met
    /// Stopped after its deadline.
    case late
    /// Stopped because no answer is owed.
    case cancelled
}

/// One clock of an incident, computed by `SLAEngine`.
public struct SLAClock: Hashable, Sendable {
    public let kind: SLAClockKind
    public let start: Date
    /// What it counts, extensions included.
    public let target: SLATarget
    /// The policy and calendar it was counted with: the one in force when it stopped, or
    /// now while it runs.
    public let context: SLAContext
    /// The deadline; nil while paused before reaching it, or when the calendar has no
    /// working time left.
    public let due: Date?
    /// When it becomes at risk (the policy's warning percentage of the allowed time).
    public let warnAt: Date?
    /// While paused: the deadline it had when the pause began.
    public let dueBeforePause: Date?
    public let stoppedAt: Date?
    public let stop: SLAStop?
    /// Pauses during its run.
    public let pauses: [SLAPause]
    /// Extensions granted (final clock only).
    public let extensions: Int
    /// Stopped because no answer is owed: neither met nor late.
    public let cancelled: Bool

    public init(kind: SLAClockKind, start: Date, target: SLATarget, context: SLAContext, due: Date?, warnAt: Date?,
                dueBeforePause: Date?, stoppedAt: Date?, stop: SLAStop?, pauses: [SLAPause], extensions: Int,
                cancelled: Bool = false) {
        self.cancelled = cancelled
        self.kind = kind
        self.start = start
        self.target = target
        self.context = context
        self.due = due
        self.warnAt = warnAt
        self.dueBeforePause = dueBeforePause
        self.stoppedAt = stoppedAt
        self.stop = stop
        self.pauses = pauses
        self.extensions = extensions
    }

    /// Unique within an incident: "answer", or "next_reply:<start in Unix seconds>" (an
    /// incident may owe several next replies). Warning and breach events are keyed by it.
    public var key: String {
        kind == .nextReply ? "\(kind.rawValue):\(Int64(start.timeIntervalSince1970.rounded(.down)))" : kind.rawValue
    }

    public var isRunning: Bool { stoppedAt == nil }
    public var isPaused: Bool { stoppedAt == nil && pauses.last.map { $0.end == nil } == true }

    public func state(at now: Date) -> SLAClockState {
        if let stoppedAt {
            if cancelled { return .cancelled }
            guard let due else { return .met }
            return stoppedAt <= due ? .met : .late
        }
        if let due, due <= now { return .breached }
        if isPaused { return .paused }
        if let warnAt, warnAt <= now { return .warning }
        return .running
    }

    /// Whether the clock was at risk (crossed its warning threshold while it ran).
    public func warned(by now: Date) -> Bool {
        guard let warnAt, !cancelled else { return false }
        return warnAt <= min(now, stoppedAt ?? now) && (stoppedAt.map { warnAt < $0 } ?? true)
    }

    /// Whether the clock went past its deadline (while running, or by stopping late).
    public func breached(by now: Date) -> Bool {
        guard let due, !cancelled else { return false }
        return due <= now && (stoppedAt.map { due < $0 } ?? true)
    }
}

/// Everything the engine says about one incident at one moment.
public struct SLAEvaluation: Hashable, Sendable {
    public let clocks: [SLAClock]
    /// The status after the facts.
    public let status: IncidentStatus
    /// The policy and calendar in force now.
    public let context: SLAContext
    /// The earliest deadline of the clocks running now (nil when none runs, while
    /// waiting for the citizen, and once the incident ended): the inbox's `due_at`.
    public let dueAt: Date?
    /// The earliest warning moment of those clocks: the inbox's `warn_at` (≤ `dueAt`).
    public let warnAt: Date?
    /// Facts the engine did not use, and why ("a second extension: the policy allows one").
    public let notes: [String]

    public init(clocks: [SLAClock], status: IncidentStatus, context: SLAContext, dueAt: Date?, warnAt: Date?, notes: [String]) {
        self.clocks = clocks
        self.status = status
        self.context = context
        self.dueAt = dueAt
        self.warnAt = warnAt
        self.notes = notes
    }

    /// The last clock of a kind (next replies: the latest).
    public func clock(_ kind: SLAClockKind) -> SLAClock? { clocks.last { $0.kind == kind } }

    /// The deadlines the store keeps in `first_reaction_due`, `answer_due`, `final_due`. A
    /// paused clock shows the deadline it had when the pause began.
    public var deadlines: IncidentDeadlines {
        func due(_ kind: SLAClockKind) -> Date? { clock(kind).flatMap { $0.due ?? $0.dueBeforePause } }
        return IncidentDeadlines(firstReaction: due(.firstReaction), answer: due(.answer), final: due(.final))
    }

    /// The running next-reply clock's deadline, if one runs.
    public var nextReplyDue: Date? {
        clock(.nextReply).flatMap { $0.isRunning ? ($0.due ?? $0.dueBeforePause) : nil }
    }
}
