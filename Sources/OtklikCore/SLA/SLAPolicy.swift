import Foundation

/// From which moment the final-answer target counts.
public enum SLAAnchor: String, Sendable, Codable, CaseIterable {
    /// From the incident's registration.
    case registration
    /// From the intermediate answer (regional social-network rules: "a final answer
    /// within 7 working days after an intermediate one").
    case intermediateAnswer = "intermediate_answer"
}

/// A set of deadlines that applies to incidents by source kind, topic and priority.
/// The clock rules that use it are in docs/sla.md and `SLAEngine`.
public struct SLAPolicy: Hashable, Sendable {
    public let code: String
    public let name: String
    /// The kinds of source this policy applies to; empty means any.
    public let sourceKinds: [SourceKind]
    /// Applies only at this priority or above; nil means any priority.
    public let minimumPriority: Priority?
    /// Applies only to incidents on this topic or any topic below it; nil means any topic.
    public let topicCode: String?
    /// An operator's first reaction (taking, routing or answering).
    public let firstReaction: SLATarget
    /// The first public answer (intermediate or final).
    public let answer: SLATarget
    /// The final answer.
    public let final: SLATarget
    public let finalAnchor: SLAAnchor
    /// The reply owed to a citizen's follow-up after an answer; nil: the first-reaction target.
    public let nextReply: SLATarget?
    /// How much one extension of the final deadline adds (59-ФЗ: 30 days), and how many
    /// extensions are allowed (0: none). Each needs a recorded reason.
    public let finalExtension: SLATarget?
    public let maxExtensions: Int
    /// Share of the allowed time after which the deadline is "at risk", 1–99 %.
    public let warningPercent: Int

    public init(code: String, name: String, sourceKinds: [SourceKind], minimumPriority: Priority?,
                topicCode: String? = nil,
                firstReaction: SLATarget, answer: SLATarget, final: SLATarget,
                finalAnchor: SLAAnchor, nextReply: SLATarget? = nil,
                finalExtension: SLATarget? = nil, maxExtensions: Int = 0, warningPercent: Int) {
        precondition((1...99).contains(warningPercent), "warning threshold is a percentage 1–99")
        precondition(maxExtensions >= 0 && (maxExtensions == 0 || finalExtension != nil), "extensions need an amount")
        self.code = code
        self.name = name
        self.sourceKinds = sourceKinds
        self.minimumPriority = minimumPriority
        self.topicCode = topicCode
        self.firstReaction = firstReaction
        self.answer = answer
        self.final = final
        self.finalAnchor = finalAnchor
        self.nextReply = nextReply
        self.finalExtension = finalExtension
        self.maxExtensions = maxExtensions
        self.warningPercent = warningPercent
    }

    /// Whether the policy applies to an incident from `source` at `priority` whose topic
    /// is the first of `topicPath` (its code, then its parent's, up to the root).
    public func applies(to source: SourceKind, priority: Priority, topicPath: [String] = []) -> Bool {
        (sourceKinds.isEmpty || sourceKinds.contains(source))
            && (minimumPriority.map { priority >= $0 } ?? true)
            && (topicCode.map { topicPath.contains($0) } ?? true)
    }

    /// The target a clock of `kind` counts, with `extensions` of the final deadline.
    public func target(_ kind: SLAClockKind, extensions: Int = 0) -> SLATarget {
        switch kind {
        case .firstReaction: return firstReaction
        case .answer: return answer
        case .nextReply: return nextReply ?? firstReaction
        case .final:
            let granted = min(extensions, maxExtensions)
            guard granted > 0, let finalExtension, let longer = final.extended(by: finalExtension, times: granted) else { return final }
            return longer
        }
    }
}

extension SLAPolicy {
    private static let social: [SourceKind] = [.vk, .ok, .telegram, .email, .open311]

    /// Social networks, important: react within 30 working minutes, answer within
    /// 4 working hours, final answer 7 working days after the intermediate one.
    public static let socialImportant = SLAPolicy(
        code: "social-important", name: "Соцсети: важное",
        sourceKinds: social, minimumPriority: .high,
        firstReaction: SLATarget(30, .workingMinutes), answer: .workingHours(4),
        final: .workingDays(7), finalAnchor: .intermediateAnswer, warningPercent: 75)

    /// Social networks (Sevastopol/Crimea rules): react within one working hour, answer
    /// within 9 working hours, final answer 7 working days after the intermediate one.
    public static let socialStandard = SLAPolicy(
        code: "social-standard", name: "Соцсети: обычное",
        sourceKinds: social, minimumPriority: nil,
        firstReaction: .workingHours(1), answer: .workingHours(9),
        final: .workingDays(7), finalAnchor: .intermediateAnswer, warningPercent: 75)

    /// Formal appeals under 59-ФЗ: registration within 3 days (the first reaction),
    /// redirect to the competent body with notice to the citizen within 7 (the "answer"
    /// target here), final answer within 30 calendar days of registration, extendable once
    /// by 30 days with a recorded reason (art. 8, 12).
    public static let appeal59FZ = SLAPolicy(
        code: "appeal-59fz", name: "Обращение 59-ФЗ",
        sourceKinds: [.pos], minimumPriority: nil,
        firstReaction: .calendarDays(3), answer: .calendarDays(7),
        final: .calendarDays(30), finalAnchor: .registration,
        finalExtension: .calendarDays(30), maxExtensions: 1, warningPercent: 80)

    /// The built-in policies, most specific first.
    public static let builtIn: [SLAPolicy] = [appeal59FZ, socialImportant, socialStandard]

    /// The first of `policies` (in rank order) that applies. `topicPath` is the incident's
    /// topic code followed by its ancestors', so a policy for «ЖКХ» also covers «Лифт
    /// неисправен» below it.
    public static func select(from policies: [SLAPolicy], source: SourceKind, priority: Priority,
                              topicPath: [String] = []) -> SLAPolicy? {
        policies.first { $0.applies(to: source, priority: priority, topicPath: topicPath) }
    }
}
