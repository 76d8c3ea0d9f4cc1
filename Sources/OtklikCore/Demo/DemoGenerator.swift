import Foundation

/// Generates a reproducible stream of realistic incidents for the demo region.
///
/// Each incident is simulated from registration: an operator reacts, an agency answers,
/// the incident closes — each step usually on time, sometimes late, sometimes not yet.
/// Its status is wherever that timeline stands at `now`, so the inbox has new, routed,
/// answered and closed incidents, some at risk and some overdue, in natural proportions.
/// The same seed, size and `now` give the same incidents.
public struct DemoGenerator: Sendable {
    public let size: Int
    public let now: Date
    public let days: Int
    private var random: SeededGenerator
    private var produced = 0

    /// Leaf topics (those with complaint texts), as indexes into `DemoRegion.topics`.
    private let leafTopics: [Int]
    /// For each topic, the index of its default agency.
    private let topicAgency: [Int?]
    /// One working calendar per agency, in the agency's own time zone.
    public let agencyCalendars: [WorkingCalendar]
    private let operatorIndexes: [Int]
    /// Each topic's complaints, split once around `{place}` (searching every text for it,
    /// a million times, cost more than the rest of the generator together).
    private let complaints: [[ComplaintTemplate]]
    private let citizens: Int

    public init(seed: UInt64, size: Int, now: Date, days: Int = 30) {
        precondition(size >= 0 && days > 0)
        self.size = size
        self.now = now
        self.days = days
        random = SeededGenerator(seed: seed)
        let agencyIndex = Dictionary(uniqueKeysWithValues: DemoRegion.agencies.enumerated().map { ($1.shortName, $0) })
        leafTopics = DemoRegion.topics.indices.filter { !DemoRegion.topics[$0].complaints.isEmpty }
        topicAgency = DemoRegion.topics.map { topic in topic.agencyShortName.flatMap { agencyIndex[$0] } }
        agencyCalendars = DemoRegion.agencies.map { agency in
            WorkingCalendar.russianOfficeWeek(
                timeZone: TimeZone(identifier: agency.timeZone) ?? TimeZone(identifier: "Europe/Moscow")!,
                specialDays: RussianProductionCalendar.days2026)
        }
        complaints = DemoRegion.topics.map { $0.complaints.map(ComplaintTemplate.init) }
        operatorIndexes = DemoRegion.operators.indices.filter { DemoRegion.operators[$0].role == .operator }
        citizens = max(60, size / 3)
    }

    /// The center's own calendar, used for incidents not yet routed to an agency.
    public static func centerCalendar() -> WorkingCalendar {
        WorkingCalendar.russianOfficeWeek(
            timeZone: TimeZone(identifier: DemoRegion.centerTimeZone)!,
            specialDays: RussianProductionCalendar.days2026)
    }

    public mutating func next() -> DemoIncident? {
        guard produced < size else { return nil }
        produced += 1
        return make(number: produced)
    }

    private mutating func make(number: Int) -> DemoIncident {
        let span = Double(days * 86_400)
        // Evenly spread with jitter, so numbers grow with time like a real register.
        let offset = (Double(number - 1) + random.unit()) / Double(max(size, 1)) * span
        let createdAt = now.addingTimeInterval(-span + offset)
        let registeredAt = min(now, createdAt.addingTimeInterval(Double(60 + random.below(1_800))))

        let source = pickSource()
        let noise = random.chance(0.04)
        let priority = noise ? .low : pickPriority()
        let topicIndex = random.pick(leafTopics)
        let agencyIndex = topicAgency[topicIndex] ?? random.below(DemoRegion.agencies.count)
        let calendar = agencyCalendars[agencyIndex]
        let policy = SLAPolicy.select(from: SLAPolicy.builtIn, source: source, priority: priority) ?? .socialStandard

        let municipality = DemoRegion.municipalities[random.below(DemoRegion.municipalities.count)]
        let place = "\(municipality.name), \(random.pick(DemoRegion.streets)), д. \(1 + random.below(120))"
        let text = noise
            ? random.pick(DemoRegion.noiseTexts)
            : random.pick(complaints[topicIndex]).filled(with: place)

        // The timeline: when each step happens (or would happen; a step in the future has
        // not happened yet). A few incidents get stuck at the agency and are never answered.
        var deadlines = IncidentDeadlines.initial(policy: policy, registeredAt: registeredAt, calendar: calendar)
        let stuck = random.chance(0.015)
        let reactionAt = step(from: registeredAt, due: deadlines.firstReaction, lateChance: 0.08)
        let answerAt = stuck ? Date.distantFuture : step(from: reactionAt, due: deadlines.answer, lateChance: 0.12)
        if policy.finalAnchor == .intermediateAnswer, answerAt <= now {
            deadlines.final = policy.final.deadline(from: answerAt, in: calendar)
        }
        // Half of the answers are final at once (a simple question, a quick fix).
        let answeredFinally = random.chance(0.5)
        let closeAt = answerAt > now ? Date.distantFuture
            : answeredFinally ? answerAt : step(from: answerAt, due: deadlines.final, lateChance: 0.1)

        let status: IncidentStatus
        if reactionAt > now {
            status = .new
        } else if noise {
            status = .noAnswer
        } else if answerAt > now {
            let roll = random.unit()
            status = roll < 0.05 ? .waitingCitizen : roll < 0.6 ? .waitingAgency : .inProgress
        } else if closeAt > now {
            status = .answered
        } else {
            status = .closed
        }
        let reacted = reactionAt <= now
        let owner = reacted ? random.pick(operatorIndexes) : nil

        var messages = [DemoMessage(kind: .citizenPost, text: text, at: createdAt, operatorIndex: nil)]
        if reacted, random.chance(0.15) {
            messages.append(DemoMessage(kind: .internalNote, text: random.pick(DemoRegion.internalNotes), at: reactionAt, operatorIndex: owner))
        }
        if reacted, !noise, random.chance(0.15) {
            let at = reactionAt.addingTimeInterval(Double(600 + random.below(7_200)))
            if at <= now {
                messages.append(DemoMessage(kind: .citizenFollowUp, text: random.pick(DemoRegion.followUps), at: at, operatorIndex: nil))
            }
        }
        if answerAt <= now, !noise {
            let kind: MessageKind = closeAt <= now && closeAt == answerAt ? .finalReply : .intermediateReply
            messages.append(DemoMessage(kind: kind, text: random.pick(kind == .finalReply ? DemoRegion.finalReplies : DemoRegion.intermediateReplies), at: answerAt, operatorIndex: owner))
        }
        if closeAt <= now, !noise, closeAt != answerAt {
            messages.append(DemoMessage(kind: .finalReply, text: random.pick(DemoRegion.finalReplies), at: closeAt, operatorIndex: owner))
        }

        let author = random.below(citizens)
        let firstNames = DemoRegion.firstNames, lastNames = DemoRegion.lastNames
        let authorName = "\(firstNames[author % firstNames.count]) \(lastNames[(author / firstNames.count) % lastNames.count])"
        let (externalID, url) = Self.identity(source: source, number: number)
        let dueAt = deadlines.current(status: status, reacted: reacted)
        let clockStart = status == .answered && policy.finalAnchor == .intermediateAnswer ? answerAt : registeredAt
        let warnAt = dueAt.map { IncidentDeadlines.warning(start: clockStart, due: $0, percent: policy.warningPercent) }

        return DemoIncident(
            number: number, source: source, externalID: externalID,
            authorNumber: author, authorName: authorName,
            status: status, priority: priority, topicIndex: topicIndex,
            agencyIndex: status == .new ? nil : agencyIndex, ownerIndex: owner,
            policyCode: policy.code, place: place,
            latitude: 56.0 + Double(random.below(20_000)) / 10_000, longitude: 60.0 + Double(random.below(40_000)) / 10_000,
            url: url, createdAt: createdAt, registeredAt: registeredAt, deadlines: deadlines,
            firstReactionAt: reacted ? reactionAt : nil,
            answeredAt: answerAt <= now && !noise ? answerAt : nil,
            closedAt: status == .closed || status == .noAnswer ? (noise ? reactionAt : closeAt) : nil,
            dueAt: dueAt, warnAt: warnAt,
            messages: messages)
    }

    /// When a step happens: usually before its deadline, sometimes after it.
    private mutating func step(from start: Date, due: Date?, lateChance: Double) -> Date {
        guard start != .distantFuture else { return .distantFuture }
        let window = max(300, (due ?? start.addingTimeInterval(86_400)).timeIntervalSince(start))
        if random.chance(lateChance) {
            return start.addingTimeInterval(window * (1.05 + random.unit() * 1.5))
        }
        return start.addingTimeInterval(window * (0.05 + random.unit() * 0.85))
    }

    private mutating func pickSource() -> SourceKind {
        let roll = random.below(100)
        switch roll {
        case 0..<40: return .vk
        case 40..<50: return .ok
        case 50..<70: return .telegram
        case 70..<88: return .pos
        case 88..<94: return .email
        default: return .open311
        }
    }

    private mutating func pickPriority() -> Priority {
        let roll = random.below(100)
        switch roll {
        case 0..<5: return .low
        case 5..<82: return .normal
        case 82..<97: return .high
        default: return .critical
        }
    }

    /// The external id and link each channel would give this message.
    static func identity(source: SourceKind, number: Int) -> (String, String?) {
        switch source {
        case .vk: ("-71234567_\(100_000 + number)", "https://vk.com/wall-71234567_\(100_000 + number)")
        case .ok: ("topic/\(155_000_000 + number)", "https://ok.ru/group/55123456/topic/\(155_000_000 + number)")
        case .telegram: ("severozersk_chat/\(20_000 + number)", "https://t.me/severozersk_chat/\(20_000 + number)")
        case .pos: ("\(3_000_000 + number)", "https://pos.gosuslugi.ru/appeal/\(3_000_000 + number)")
        case .email: ("<\(number).demo@mail.example>", nil)
        case .open311: ("311-\(number)", nil)
        }
    }
}

/// A complaint text with an optional `{place}` to fill in.
struct ComplaintTemplate: Sendable {
    let before: String
    let after: String?

    init(_ text: String) {
        if let range = text.range(of: "{place}") {
            before = String(text[..<range.lowerBound])
            after = String(text[range.upperBound...])
        } else {
            before = text
            after = nil
        }
    }

    func filled(with place: String) -> String {
        guard let after else { return before }
        return before + place + after
    }
}
