/// One entry of an incident's thread.
public enum MessageKind: String, CaseIterable, Sendable, Codable {
    /// The citizen's original post, comment, appeal or e-mail.
    case citizenPost = "citizen_post"
    /// A later message from the citizen in the same thread.
    case citizenFollowUp = "citizen_followup"
    /// A public intermediate answer: who took it and by when.
    case intermediateReply = "intermediate_reply"
    /// A public final answer: the measures taken, or why it cannot be solved.
    case finalReply = "final_reply"
    /// Visible to staff only; never counts as a reply.
    case internalNote = "internal_note"

    public var isFromCitizen: Bool { self == .citizenPost || self == .citizenFollowUp }
    public var isPublicReply: Bool { self == .intermediateReply || self == .finalReply }
}
