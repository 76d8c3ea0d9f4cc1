import Foundation

/// One message of a generated incident's thread.
public struct DemoMessage: Sendable, Equatable {
    public let kind: MessageKind
    public let text: String
    public let at: Date
    /// Index into `DemoRegion.operators` for staff messages.
    public let operatorIndex: Int?
}

/// A generated incident with its whole history, ready to be stored.
public struct DemoIncident: Sendable, Equatable {
    public let number: Int
    public let source: SourceKind
    public let externalID: String
    /// The citizen, numbered per source; the same number is the same person.
    public let authorNumber: Int
    public let authorName: String
    public let status: IncidentStatus
    public let priority: Priority
    /// Index into `DemoRegion.topics`.
    public let topicIndex: Int
    /// Index into `DemoRegion.agencies`.
    public let agencyIndex: Int?
    /// Index into `DemoRegion.operators`.
    public let ownerIndex: Int?
    public let policyCode: String
    public let place: String?
    public let latitude: Double?
    public let longitude: Double?
    public let url: String?
    public let createdAt: Date
    public let registeredAt: Date
    public let deadlines: IncidentDeadlines
    public let firstReactionAt: Date?
    public let answeredAt: Date?
    public let closedAt: Date?
    /// The deadline the inbox counts down to; nil when no clock runs.
    public let dueAt: Date?
    /// When `dueAt` becomes at risk under the policy's warning threshold.
    public let warnAt: Date?
    public let messages: [DemoMessage]
}
