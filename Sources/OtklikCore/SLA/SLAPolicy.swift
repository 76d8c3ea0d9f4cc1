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
public struct SLAPolicy: Hashable, Sendable {
    public let code: String
    public let name: String
    /// The kinds of source this policy applies to; empty means any.
    public let sourceKinds: [SourceKind]
    /// Applies only at this priority or above; nil means any priority.
    public let minimumPriority: Priority?
    /// An operator's first reaction (taking, routing or answering).
    public let firstReaction: SLATarget
    /// The first public answer (intermediate or final).
    public let answer: SLATarget
    /// The final answer.
    public let final: SLATarget
    public let finalAnchor: SLAAnchor
    /// Share of the allowed time after which the deadline is "at risk", 1–99 %.
    public let warningPercent: Int

    public init(code: String, name: String, sourceKinds: [SourceKind], minimumPriority: Priority?,
                firstReaction: SLATarget, answer: SLATarget, final: SLATarget,
                finalAnchor: SLAAnchor, warningPercent: Int) {
        precondition((1...99).contains(warningPercent), "warning threshold is a percentage 1–99")
        self.code = code
        self.name = name
        self.sourceKinds = sourceKinds
        self.minimumPriority = minimumPriority
        self.firstReaction = firstReaction
        self.answer = answer
        self.final = final
        self.finalAnchor = finalAnchor
        self.warningPercent = warningPercent
    }

    public func applies(to source: SourceKind, priority: Priority) -> Bool {
        (sourceKinds.isEmpty || sourceKinds.contains(source))
            && (minimumPriority.map { priority >= $0 } ?? true)
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

    /// Formal appeals under 59-ФЗ: registration within 3 days, redirect within 7 (the
    /// "answer" target here), final answer within 30 calendar days of registration.
    public static let appeal59FZ = SLAPolicy(
        code: "appeal-59fz", name: "Обращение 59-ФЗ",
        sourceKinds: [.pos], minimumPriority: nil,
        firstReaction: .calendarDays(3), answer: .calendarDays(7),
        final: .calendarDays(30), finalAnchor: .registration, warningPercent: 80)

    /// The built-in policies, most specific first.
    public static let builtIn: [SLAPolicy] = [appeal59FZ, socialImportant, socialStandard]

    /// The first of `policies` that applies.
    public static func select(from policies: [SLAPolicy], source: SourceKind, priority: Priority) -> SLAPolicy? {
        policies.first { $0.applies(to: source, priority: priority) }
    }
}
