import Foundation
import GRDB
import OtklikCore

/// Why an SLA operation was refused.
public enum SLAError: Error, CustomStringConvertible, Equatable {
    case unknownIncident(Int)
    case unknownTopic(String)
    case unknownAgency(String)
    case unknownPolicy(String)
    case noReason
    case extensionNotAllowed(policy: String)
    case extensionLimit(policy: String, max: Int)
    case finalNotRunning
    case badCalendar(String)

    public var description: String {
        switch self {
        case .unknownIncident(let n): "no incident №\(n)"
        case .unknownTopic(let code): "unknown topic \(code)"
        case .unknownAgency(let name): "unknown agency \(name)"
        case .unknownPolicy(let code): "unknown SLA policy \(code)"
        case .noReason: "an extension needs a reason"
        case .extensionNotAllowed(let policy): "policy \(policy) allows no extension of the final deadline"
        case .extensionLimit(let policy, let max): "policy \(policy) allows \(max) extension\(max == 1 ? "" : "s"), already granted"
        case .finalNotRunning: "the final-answer clock is not running (not started, or already stopped)"
        case .badCalendar(let reason): reason
        }
    }
}

/// What one recomputation did.
public struct SLARefresh: Sendable {
    public let evaluation: SLAEvaluation
    /// Whether any deadline column changed.
    public let changed: Bool
    public let warnings: Int
    public let breaches: Int
    public let escalations: Int
}

/// What one `sla tick` did.
public struct SLATickSummary: Sendable, Equatable {
    public var visited = 0
    public var changed = 0
    public var warnings = 0
    public var breaches = 0
    public var escalations = 0
    public var failed = 0

    public init() {}
}

/// Policies, escalation rules, topic paths and calendars, looked up once per transaction.
struct SLAResolver {
    let policies: [(id: Int64?, policy: SLAPolicy)]
    /// From `sla.escalations` in `setting` (`Store.loadSLAConfig`); the same for every process.
    let escalations: [EscalationRule]
    private var contexts: [String: SLAContext] = [:]
    private var topics = SLAResolverTopics()

    init(_ db: Database) throws {
        policies = try Store.policies(db)
        let text = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'sla.escalations'") ?? ""
        escalations = (try? SLAConfig.parse(text, path: "setting sla.escalations").escalations) ?? []
    }

    func policy(code: String) -> (id: Int64?, policy: SLAPolicy)? {
        policies.first { $0.policy.code == code } ?? SLAPolicy.builtIn.first { $0.code == code }.map { (nil, $0) }
    }

    /// "appeal-59fz@12" (agency 12) or "social-standard@center".
    static func key(policy: String, agency: Int64?) -> String { "\(policy)@\(agency.map { String($0) } ?? "center")" }

    mutating func context(_ db: Database, key: String) throws -> SLAContext {
        if let known = contexts[key] { return known }
        let at = key.lastIndex(of: "@") ?? key.endIndex
        let code = String(key[..<at])
        let agencyText = at < key.endIndex ? String(key[key.index(after: at)...]) : "center"
        let policy = policy(code: code)?.policy ?? .socialStandard
        let agency = Int64(agencyText)
        let (calendar, label) = try Store.calendarAndLabel(db, agencyID: agency)
        let context = SLAContext(policy: policy, calendar: calendar, label: label)
        contexts[key] = context
        return context
    }

    /// The topic's code, then its parent's, up to the root.
    mutating func topicPath(_ db: Database, topicID: Int64?) throws -> [String] {
        try topics.path(db, topicID: topicID)
    }
}

/// Topic paths, looked up once each.
struct SLAResolverTopics {
    private var paths: [Int64: [String]] = [:]

    mutating func path(_ db: Database, topicID: Int64?) throws -> [String] {
        guard let topicID else { return [] }
        if let known = paths[topicID] { return known }
        var path: [String] = []
        var current: Int64? = topicID
        while let id = current, path.count < 32,
              let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT code, parent_id FROM topic WHERE id = ?"), arguments: [id]) {
            path.append(row[0])
            current = row[1]
        }
        paths[topicID] = path
        return path
    }
}

/// An incident's SLA inputs and result, before anything is written.
struct SLAState {
    let id: Int64
    let number: Int
    let row: Row
    let registeredAt: Date
    let facts: [SLAFact]
    let initial: SLAContext
    let evaluation: SLAEvaluation
    /// A `sla.context` event to record: the policy or calendar changed since the last one.
    let contextChange: (at: Date, before: String, after: String)?
    /// A status change some writer made without an audit event.
    let inferredStatus: (at: Date, before: IncidentStatus, after: IncidentStatus)?
}

extension Store {
    // MARK: Reading the facts

    /// The facts of an incident from `event` and `message`, the policy and calendar that
    /// apply over time, and the engine's result at `now` (docs/sla.md, "Where the facts
    /// come from"). Writes nothing.
    static func slaState(_ db: Database, incidentID: Int64, now: Date, resolver: inout SLAResolver) throws -> SLAState? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT i.*, s.kind AS source_kind, p.code AS policy_code
            FROM incident i JOIN source s ON s.id = i.source_id LEFT JOIN sla_policy p ON p.id = i.sla_policy_id
            WHERE i.id = ?
            """), arguments: [incidentID]) else { return nil }
        let registeredAt = Date(unixSeconds: row["registered_at"])
        let updatedAt = Date(unixSeconds: row["updated_at"])
        let storedStatus = IncidentStatus(rawValue: row["status"]) ?? .new
        let agencyID: Int64? = row["agency_id"]
        let source = SourceKind(rawValue: row["source_kind"]) ?? .email
        let priority = Priority(rawValue: row["priority"]) ?? .normal
        let events = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT at, actor, action, field, before, after FROM event WHERE incident_id = ? ORDER BY at, id
            """), arguments: [incidentID])

        // The policy: set by hand (the last `sla.policy_set`), else selected by source,
        // priority and topic.
        var pinned: String?
        for event in events where (event["action"] as String) == "sla.policy_set" {
            let code: String? = event["after"]
            pinned = code == "auto" ? nil : code
        }
        let topicPath = try resolver.topicPath(db, topicID: row["topic_id"])
        let selected = pinned ?? SLAPolicy.select(from: resolver.policies.map(\.policy), source: source, priority: priority,
                                                  topicPath: topicPath)?.code ?? SLAPolicy.socialStandard.code
        let desired = SLAResolver.key(policy: selected, agency: agencyID)
        let contextEvents = events.filter { ($0["action"] as String) == "sla.context" }
        let initialKey = (contextEvents.first?["before"] as String?)
            ?? SLAResolver.key(policy: (row["policy_code"] as String?) ?? selected, agency: agencyID)
        let lastKey = (contextEvents.last?["after"] as String?) ?? initialKey
        let lastContextAt = contextEvents.last.map { Date(unixSeconds: $0["at"]) } ?? registeredAt
        var contextChange: (at: Date, before: String, after: String)?
        var contexts: [(Date, String)] = contextEvents.map { (Date(unixSeconds: $0["at"]), $0["after"] as String? ?? initialKey) }
        if lastKey != desired {
            // Found on recomputation: the writer changed topic, agency or priority at updated_at.
            let at = min(now, max(updatedAt, lastContextAt, registeredAt))
            contextChange = (at: at, before: lastKey, after: desired)
            contexts.append((at, desired))
        }

        var facts: [SLAFact] = []
        for (at, key) in contexts { facts.append(SLAFact(at: at, .context(try resolver.context(db, key: key)))) }
        for event in events {
            let at = Date(unixSeconds: event["at"])
            let action: String = event["action"]
            let field: String? = event["field"]
            let after: String? = event["after"]
            if field == "status", let status = after.flatMap(IncidentStatus.init(rawValue:)) {
                facts.append(SLAFact(at: at, .status(status)))
            } else if action == "incident.registered", after == IncidentStatus.noAnswer.rawValue {
                facts.append(SLAFact(at: at, .status(.noAnswer)))
            } else if field == "owner" || field == "owner_id", after != nil, !(event["actor"] as String).hasPrefix("system:") {
                facts.append(SLAFact(at: at, .reaction))
            } else if action == "sla.extended" {
                facts.append(SLAFact(at: at, .extended(reason: after ?? "")))
            }
        }
        if let reactedAt = row["first_reaction_at"] as Int64? {
            facts.append(SLAFact(at: Date(unixSeconds: reactedAt), .reaction))
        }
        for message in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT kind, created_at FROM message WHERE incident_id = ? AND kind <> 'citizen_post' ORDER BY created_at, id
            """), arguments: [incidentID]) {
            if let kind = MessageKind(rawValue: message["kind"]) {
                facts.append(SLAFact(at: Date(unixSeconds: message["created_at"]), .message(kind)))
            }
        }
        let initial = try resolver.context(db, key: initialKey)
        var evaluation = SLAEngine.evaluate(registeredAt: registeredAt, context: initial, facts: facts, now: now)
        var inferred: (at: Date, before: IncidentStatus, after: IncidentStatus)?
        if evaluation.status != storedStatus {
            // A writer changed the status without an event (the demo, a hand edit): take it
            // as changed when the incident last changed.
            var lastStatusAt = registeredAt
            for fact in facts {
                if case .status = fact.kind { lastStatusAt = max(lastStatusAt, fact.at) }
            }
            let at = min(now, max(updatedAt, lastStatusAt))
            inferred = (at: at, before: evaluation.status, after: storedStatus)
            facts.append(SLAFact(at: at, .status(storedStatus)))
            evaluation = SLAEngine.evaluate(registeredAt: registeredAt, context: initial, facts: facts, now: now)
        }
        return SLAState(id: incidentID, number: row["number"], row: row, registeredAt: registeredAt, facts: facts, initial: initial,
                        evaluation: evaluation, contextChange: contextChange, inferredStatus: inferred)
    }

    // MARK: Recomputing and recording

    /// Recomputes one incident's deadlines from its events and saves them, records each
    /// warning and breach once (as `sla.warning` / `sla.breached` events keyed by clock),
    /// and applies the first matching escalation rule to a breached running clock — inside
    /// the caller's transaction. Writers that change an incident (status, topic, agency,
    /// priority, a reply) call it after their change; `sla tick` calls it for incidents
    /// whose version moved on without it. Deterministic: any process gets the same result.
    @discardableResult
    static func refreshSLA(_ db: Database, incidentID: Int64, now: Date) throws -> SLARefresh? {
        var resolver = try SLAResolver(db)
        return try refreshSLA(db, incidentID: incidentID, now: now, resolver: &resolver, bumpVersion: true)
    }

    @discardableResult
    static func refreshSLA(_ db: Database, incidentID: Int64, now: Date, resolver: inout SLAResolver,
                           bumpVersion: Bool, depth: Int = 0) throws -> SLARefresh? {
        let escalations = resolver.escalations
        guard let state = try slaState(db, incidentID: incidentID, now: now, resolver: &resolver) else { return nil }
        let actor = "system:sla"
        if let change = state.contextChange {
            try db.cachedStatement(sql: """
                INSERT INTO event(at, actor, incident_id, action, field, before, after) VALUES (?, ?, ?, 'sla.context', 'policy', ?, ?)
                """).execute(arguments: [change.at.unixSeconds, actor, incidentID, change.before, change.after])
        }
        if let inferred = state.inferredStatus {
            try db.cachedStatement(sql: """
                INSERT INTO event(at, actor, incident_id, action, field, before, after) VALUES (?, ?, ?, 'sla.status_inferred', 'status', ?, ?)
                """).execute(arguments: [inferred.at.unixSeconds, actor, incidentID, inferred.before.rawValue, inferred.after.rawValue])
        }
        let evaluation = state.evaluation
        let row = state.row
        let first = evaluation.clock(.firstReaction)
        let answer = evaluation.clock(.answer)
        let reactedAt: Int64? = first.flatMap { $0.cancelled ? nil : $0.stoppedAt?.unixSeconds } ?? row["first_reaction_at"]
        var answeredAt: Int64? = row["answered_at"]
        if let answer, case .reply? = answer.stop { answeredAt = answer.stoppedAt?.unixSeconds }
        let deadlines = evaluation.deadlines
        let values: [String: Int64?] = [
            "sla_policy_id": resolver.policy(code: evaluation.context.policy.code)?.id,
            "first_reaction_due": deadlines.firstReaction?.unixSeconds, "first_reaction_at": reactedAt,
            "answer_due": deadlines.answer?.unixSeconds, "answered_at": answeredAt,
            "final_due": deadlines.final?.unixSeconds, "next_reply_due": evaluation.nextReplyDue?.unixSeconds,
            "due_at": evaluation.dueAt?.unixSeconds, "warn_at": evaluation.warnAt?.unixSeconds,
        ]
        let columns = values.keys.sorted()
        let changed = columns.contains { (row[$0] as Int64?) != values[$0]! }
        let version: Int = row["version"]
        let newVersion = changed && bumpVersion ? version + 1 : version
        let markWarn = evaluation.warnAt.flatMap { $0 <= now ? $0.unixSeconds : nil } ?? row["sla_marked_warn"]
        let markDue = evaluation.dueAt.flatMap { $0 <= now ? $0.unixSeconds : nil } ?? row["sla_marked_due"]
        // When the tick must look again: the next warning or deadline of any running clock,
        // and for a breached one not yet escalated, when the first rule's delay runs out.
        var checkAt: Date?
        for clock in evaluation.clocks where clock.isRunning && !clock.isPaused {
            var moments = [clock.warnAt, clock.due]
            if clock.breached(by: now), let due = clock.due, let rule = escalations.first(where: { rule in
                rule.applies(to: clock, now: due.addingTimeInterval(TimeInterval(rule.afterMinutes * 60)))
            }), try !escalated(db, incidentID, clock) {
                moments.append(due.addingTimeInterval(TimeInterval(rule.afterMinutes * 60)))
            }
            for case let moment? in moments where moment > now { checkAt = min(checkAt ?? moment, moment) }
        }
        try db.cachedStatement(sql: """
            UPDATE incident SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")),
                version = ?, sla_version = ?, sla_marked_warn = ?, sla_marked_due = ?, sla_check_at = ?
            WHERE id = ?
            """).execute(arguments: StatementArguments(columns.map { values[$0]! as (any DatabaseValueConvertible)? })
                + [newVersion, newVersion, markWarn, markDue, checkAt?.unixSeconds, incidentID])

        var warnings = 0, breaches = 0, escalated = 0
        for clock in evaluation.clocks {
            if clock.warned(by: now), let warn = clock.warnAt {
                warnings += try recordOnce(db, incidentID, action: "sla.warning", clock: clock, at: warn, after: iso(clock.due))
            }
            if clock.breached(by: now), let due = clock.due {
                breaches += try recordOnce(db, incidentID, action: "sla.breached", clock: clock, at: due, after: iso(due))
            }
        }
        if depth == 0 {
            for clock in evaluation.clocks where clock.breached(by: now) && clock.isRunning {
                guard let rule = escalations.first(where: { $0.applies(to: clock, now: now) }) else { continue }
                let what = [rule.raisePriority ? "raise priority" : nil, rule.reassignTo.map { "reassign to \($0)" }].compactMap { $0 }
                guard try recordOnce(db, incidentID, action: "sla.escalated", clock: clock, at: now, after: what.joined(separator: ", ")) == 1 else { continue }
                escalated += 1
                let current = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT i.priority, i.owner_id, o.login FROM incident i LEFT JOIN operator o ON o.id = i.owner_id WHERE i.id = ?
                    """), arguments: [incidentID])!
                if rule.raisePriority, let priority = Priority(rawValue: current[0]), priority.raised != priority {
                    try db.execute(sql: "UPDATE incident SET priority = ?, version = version + 1, updated_at = ? WHERE id = ?",
                                   arguments: [priority.raised.rawValue, now.unixSeconds, incidentID])
                    try db.cachedStatement(sql: """
                        INSERT INTO event(at, actor, incident_id, action, field, before, after) VALUES (?, ?, ?, 'sla.escalation', 'priority', ?, ?)
                        """).execute(arguments: [now.unixSeconds, actor, incidentID, priority.rawValue, priority.raised.rawValue])
                }
                if let login = rule.reassignTo,
                   let operatorID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM operator WHERE login = ? AND active = 1"), arguments: [login]),
                   operatorID != current[1] as Int64? {
                    try db.execute(sql: "UPDATE incident SET owner_id = ?, version = version + 1, updated_at = ? WHERE id = ?",
                                   arguments: [operatorID, now.unixSeconds, incidentID])
                    try db.cachedStatement(sql: """
                        INSERT INTO event(at, actor, incident_id, action, field, before, after) VALUES (?, ?, ?, 'sla.escalation', 'owner', ?, ?)
                        """).execute(arguments: [now.unixSeconds, actor, incidentID, current[2] as String?, login])
                }
            }
        }
        if escalated > 0 {
            // A raised priority may select another policy: count again (no second escalation).
            let again = try refreshSLA(db, incidentID: incidentID, now: now, resolver: &resolver, bumpVersion: true, depth: depth + 1)
            return SLARefresh(evaluation: again?.evaluation ?? evaluation, changed: true, warnings: warnings + (again?.warnings ?? 0),
                              breaches: breaches + (again?.breaches ?? 0), escalations: escalated)
        }
        return SLARefresh(evaluation: evaluation, changed: changed, warnings: warnings, breaches: breaches, escalations: escalated)
    }

    static func escalated(_ db: Database, _ incidentID: Int64, _ clock: SLAClock) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM event WHERE incident_id = ? AND action = 'sla.escalated' AND field = ?"),
                          arguments: [incidentID, clock.key]) ?? false
    }

    /// Inserts an SLA event unless one exists for this incident, action and clock; 1 when it
    /// was inserted.
    static func recordOnce(_ db: Database, _ incidentID: Int64, action: String, clock: SLAClock, at: Date, after: String) throws -> Int {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO event(at, actor, incident_id, action, field, after) VALUES (?, 'system:sla', ?, ?, ?, ?)
            """).execute(arguments: [at.unixSeconds, incidentID, action, clock.key, after])
        return db.changesCount
    }

    static func iso(_ date: Date?) -> String {
        guard let date else { return "" }
        let seconds = Int(date.unixSeconds)
        let day = CivilDay(number: seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400))
        let s = seconds - day.number * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(s / 3_600)):\(two(s % 3_600 / 60)):\(two(s % 60))Z"
    }

    /// A topic's code, then its parent's, up to the root (policies apply down the tree).
    static func topicPath(_ db: Database, topicID: Int64?) throws -> [String] {
        var resolver = SLAResolverTopics()
        return try resolver.path(db, topicID: topicID)
    }

    static func incidentID(_ db: Database, number: Int) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM incident WHERE number = ?", arguments: [number]) else {
            throw SLAError.unknownIncident(number)
        }
        return id
    }

    // MARK: Public operations

    /// Recomputes and saves one incident's deadlines (and records its warnings/breaches).
    @discardableResult
    public func recomputeSLA(number: Int, at now: Date) throws -> SLAEvaluation {
        try pool.write { db in
            let id = try Self.incidentID(db, number: number)
            var resolver = try SLAResolver(db)
            return try Self.refreshSLA(db, incidentID: id, now: now, resolver: &resolver, bumpVersion: true)!.evaluation
        }
    }

    /// The engine's view of one incident at `now`, without writing anything.
    public func slaEvaluation(number: Int, at now: Date) throws -> (registeredAt: Date, evaluation: SLAEvaluation, facts: [SLAFact]) {
        try pool.read { db in
            let id = try Self.incidentID(db, number: number)
            var resolver = try SLAResolver(db)
            let state = try Self.slaState(db, incidentID: id, now: now, resolver: &resolver)!
            return (state.registeredAt, state.evaluation, state.facts)
        }
    }

    /// `otklik sla explain N`: the incident's clocks step by step.
    public func slaExplanation(number: Int, at now: Date) throws -> [String] {
        let (registeredAt, evaluation, facts) = try slaEvaluation(number: number, at: now)
        let shown = facts.filter { if case .context = $0.kind { return $0.at > registeredAt } else { return true } }
        return SLAExplanation.incident(number: number, registeredAt: registeredAt, evaluation: evaluation, facts: shown, now: now)
    }

    /// Recomputes incidents whose version moved on since their deadlines were computed, and
    /// those whose warning, deadline or escalation delay has passed since the last look:
    /// records warnings and breaches once, escalates by the store's rules
    /// (`loadSLAConfig`). Short transactions of `batchSize` incidents; safe to run in
    /// several processes at once (the results are the same and the events unique). Call it
    /// every minute or so (`otklik sla tick --every 60`).
    @discardableResult
    public func slaTick(at now: Date, batchSize: Int = 500,
                        progress: (SLATickSummary) -> Void = { _ in }) throws -> SLATickSummary {
        var summary = SLATickSummary()
        var failed: Set<Int64> = []
        var rounds = 0
        while rounds < 100_000 {
            rounds += 1
            let ids = try pool.read { db in
                try Int64.fetchAll(db, sql: """
                    SELECT id FROM incident WHERE version <> sla_version
                    UNION SELECT id FROM incident WHERE warn_at IS NOT sla_marked_warn AND warn_at <= ?1
                    UNION SELECT id FROM incident WHERE due_at IS NOT sla_marked_due AND due_at <= ?1
                    UNION SELECT id FROM incident WHERE sla_check_at <= ?1
                    LIMIT ?2
                    """, arguments: [now.unixSeconds, batchSize + failed.count])
            }.filter { !failed.contains($0) }.prefix(batchSize)
            if ids.isEmpty { break }
            try pool.write { db in
                var resolver = try SLAResolver(db)
                for id in ids {
                    do {
                        var result: SLARefresh?
                        try db.inSavepoint {
                            result = try Self.refreshSLA(db, incidentID: id, now: now, resolver: &resolver, bumpVersion: true)
                            return .commit
                        }
                        summary.visited += 1
                        if let result {
                            if result.changed { summary.changed += 1 }
                            summary.warnings += result.warnings
                            summary.breaches += result.breaches
                            summary.escalations += result.escalations
                        }
                    } catch {
                        failed.insert(id)
                        summary.failed += 1
                    }
                }
            }
            progress(summary)
        }
        return summary
    }

    /// Extends the final deadline once more (59-ФЗ art. 12: by 30 days, with notice to the
    /// citizen), recording the reason; refused when the policy allows no more extensions.
    @discardableResult
    public func extendFinalDeadline(number: Int, reason: String, at now: Date, actor: String) throws -> SLAEvaluation {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw SLAError.noReason }
        return try pool.write { db in
            let id = try Self.incidentID(db, number: number)
            var resolver = try SLAResolver(db)
            guard let state = try Self.slaState(db, incidentID: id, now: now, resolver: &resolver) else { throw SLAError.unknownIncident(number) }
            let policy = state.evaluation.context.policy
            guard policy.maxExtensions > 0 else { throw SLAError.extensionNotAllowed(policy: policy.code) }
            guard let final = state.evaluation.clock(.final), final.isRunning else { throw SLAError.finalNotRunning }
            guard final.extensions < policy.maxExtensions else { throw SLAError.extensionLimit(policy: policy.code, max: policy.maxExtensions) }
            try db.execute(sql: """
                INSERT INTO event(at, actor, incident_id, action, field, before, after) VALUES (?, ?, ?, 'sla.extended', 'final', ?, ?)
                """, arguments: [now.unixSeconds, actor, id, Self.iso(final.due ?? final.dueBeforePause), reason])
            try db.execute(sql: "UPDATE incident SET version = version + 1, updated_at = ? WHERE id = ?", arguments: [now.unixSeconds, id])
            return try Self.refreshSLA(db, incidentID: id, now: now, resolver: &resolver, bumpVersion: true)!.evaluation
        }
    }

    /// Changes an incident's topic, agency, priority or policy (`policyCode` "auto" returns
    /// to automatic selection), with an audit event per changed field, and recomputes its
    /// deadlines by the rule of docs/sla.md ("Recomputation"): running clocks are counted
    /// again from their own start under the new policy and calendar; stopped ones keep theirs.
    @discardableResult
    public func reclassify(number: Int, topicCode: String? = nil, agencyShortName: String? = nil, priority: Priority? = nil,
                           policyCode: String? = nil, at now: Date, actor: String) throws -> SLAEvaluation {
        try pool.write { db in
            let id = try Self.incidentID(db, number: number)
            let row = try Row.fetchOne(db, sql: """
                SELECT i.topic_id, t.code AS topic, i.agency_id, a.short_name AS agency, i.priority
                FROM incident i LEFT JOIN topic t ON t.id = i.topic_id LEFT JOIN agency a ON a.id = i.agency_id WHERE i.id = ?
                """, arguments: [id])!
            var changes: [(field: String, before: String?, after: String?)] = []
            if let topicCode, topicCode != row["topic"] as String? {
                guard let topicID = try Int64.fetchOne(db, sql: "SELECT id FROM topic WHERE code = ?", arguments: [topicCode]) else {
                    throw SLAError.unknownTopic(topicCode)
                }
                try db.execute(sql: "UPDATE incident SET topic_id = ? WHERE id = ?", arguments: [topicID, id])
                changes.append(("topic", row["topic"], topicCode))
            }
            if let agencyShortName, agencyShortName != row["agency"] as String? {
                guard let agencyID = try Int64.fetchOne(db, sql: "SELECT id FROM agency WHERE short_name = ?", arguments: [agencyShortName]) else {
                    throw SLAError.unknownAgency(agencyShortName)
                }
                try db.execute(sql: "UPDATE incident SET agency_id = ? WHERE id = ?", arguments: [agencyID, id])
                changes.append(("agency", row["agency"], agencyShortName))
            }
            if let priority, priority.rawValue != row["priority"] as String {
                try db.execute(sql: "UPDATE incident SET priority = ? WHERE id = ?", arguments: [priority.rawValue, id])
                changes.append(("priority", row["priority"], priority.rawValue))
            }
            if let policyCode {
                let resolver = try SLAResolver(db)
                guard policyCode == "auto" || resolver.policy(code: policyCode) != nil else { throw SLAError.unknownPolicy(policyCode) }
                try db.execute(sql: """
                    INSERT INTO event(at, actor, incident_id, action, field, after) VALUES (?, ?, ?, 'sla.policy_set', 'policy', ?)
                    """, arguments: [now.unixSeconds, actor, id, policyCode])
            }
            for change in changes {
                try db.execute(sql: """
                    INSERT INTO event(at, actor, incident_id, action, field, before, after) VALUES (?, ?, ?, 'incident.reclassified', ?, ?, ?)
                    """, arguments: [now.unixSeconds, actor, id, change.field, change.before, change.after])
            }
            if !changes.isEmpty || policyCode != nil {
                try db.execute(sql: "UPDATE incident SET version = version + 1, updated_at = ? WHERE id = ?", arguments: [now.unixSeconds, id])
            }
            var resolver = try SLAResolver(db)
            return try Self.refreshSLA(db, incidentID: id, now: now, resolver: &resolver, bumpVersion: true)!.evaluation
        }
    }
}
