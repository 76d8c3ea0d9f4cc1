import Foundation

/// Everything the detail pane shows of one incident: the thread, who wrote, where,
/// the deadlines with the policy that set them, and the history of changes.
public struct IncidentDetail: Equatable, Sendable {
    public struct ThreadEntry: Equatable, Sendable {
        public let kind: MessageKind
        /// The citizen's name or the operator's login.
        public let from: String
        public let at: Date
        /// Untrusted when from a citizen; sanitize before display.
        public let text: String
        public let editedAt: Date?

        public init(kind: MessageKind, from: String, at: Date, text: String, editedAt: Date?) {
            self.kind = kind
            self.from = from
            self.at = at
            self.text = text
            self.editedAt = editedAt
        }
    }

    public struct HistoryEntry: Equatable, Sendable {
        public let at: Date
        public let actor: String
        public let action: String
        public let field: String?
        public let before: String?
        public let after: String?

        public init(at: Date, actor: String, action: String, field: String?, before: String?, after: String?) {
            self.at = at
            self.actor = actor
            self.action = action
            self.field = field
            self.before = before
            self.after = after
        }
    }

    public let summary: IncidentSummary
    public let authorName: String?
    public let authorProfile: String?
    public let link: String?
    public let place: String?
    public let agencyName: String?
    public let registeredAt: Date
    public let deadlines: IncidentDeadlines
    public let firstReactionAt: Date?
    public let answeredAt: Date?
    public let closedAt: Date?
    public let policyName: String?
    public let thread: [ThreadEntry]
    public let history: [HistoryEntry]

    public init(summary: IncidentSummary, authorName: String?, authorProfile: String?, link: String?, place: String?,
                agencyName: String?, registeredAt: Date, deadlines: IncidentDeadlines, firstReactionAt: Date?,
                answeredAt: Date?, closedAt: Date?, policyName: String?, thread: [ThreadEntry], history: [HistoryEntry]) {
        self.summary = summary
        self.authorName = authorName
        self.authorProfile = authorProfile
        self.link = link
        self.place = place
        self.agencyName = agencyName
        self.registeredAt = registeredAt
        self.deadlines = deadlines
        self.firstReactionAt = firstReactionAt
        self.answeredAt = answeredAt
        self.closedAt = closedAt
        self.policyName = policyName
        self.thread = thread
        self.history = history
    }
}

extension IncidentDetail {
    /// The same detail with the calendar its countdowns count in.
    public func with(calendar: WorkingCalendar?) -> IncidentDetail {
        IncidentDetail(summary: summary.with(calendar: calendar), authorName: authorName, authorProfile: authorProfile, link: link,
                       place: place, agencyName: agencyName, registeredAt: registeredAt, deadlines: deadlines,
                       firstReactionAt: firstReactionAt, answeredAt: answeredAt, closedAt: closedAt, policyName: policyName,
                       thread: thread, history: history)
    }
}
