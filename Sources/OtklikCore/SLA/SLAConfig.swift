import Foundation

/// What to do with an incident whose clock is breached (docs/sla.md, "Escalation"): raise
/// its priority, give it to another operator, or both. Applied once per incident and clock.
public struct EscalationRule: Sendable, Equatable {
    /// The clock it watches; nil: any.
    public var clock: SLAClockKind?
    /// Only incidents under this policy; nil: any.
    public var policyCode: String?
    /// Wall-clock minutes past the deadline before it acts (0: at once).
    public var afterMinutes: Int
    public var raisePriority: Bool
    /// An operator's login.
    public var reassignTo: String?

    public init(clock: SLAClockKind? = nil, policyCode: String? = nil, afterMinutes: Int = 0, raisePriority: Bool = false,
                reassignTo: String? = nil) {
        self.clock = clock
        self.policyCode = policyCode
        self.afterMinutes = afterMinutes
        self.raisePriority = raisePriority
        self.reassignTo = reassignTo
    }

    /// Whether the rule acts on `clock` (running and breached long enough) at `now`.
    public func applies(to clock: SLAClock, now: Date) -> Bool {
        guard clock.isRunning, let due = clock.due, !clock.cancelled else { return false }
        return (self.clock.map { $0 == clock.kind } ?? true)
            && (policyCode.map { $0 == clock.context.policy.code } ?? true)
            && due.addingTimeInterval(TimeInterval(afterMinutes * 60)) <= now
    }
}

extension EscalationRule {
    /// The rule as an `[[escalation]]` table of the configuration file.
    public var toml: String {
        var lines = ["[[escalation]]"]
        if let clock { lines.append("clock = \"\(clock.rawValue)\"") }
        if let policyCode { lines.append("policy = \"\(policyCode)\"") }
        lines.append("after_minutes = \(afterMinutes)")
        if raisePriority { lines.append("raise_priority = true") }
        if let reassignTo { lines.append("reassign_to = \"\(reassignTo)\"") }
        return lines.joined(separator: "\n")
    }
}

extension Priority {
    /// One step more urgent (critical stays critical).
    public var raised: Priority {
        switch self {
        case .low: .normal
        case .normal: .high
        case .high, .critical: .critical
        }
    }
}

/// The SLA configuration file (`sla/sla.toml`, `$XDG_CONFIG_HOME/otklik/sla.toml`):
/// policies in rank order and escalation rules.
///
///     [[policy]]
///     code = "social-important"
///     name = "Соцсети: важное"
///     sources = ["vk", "ok", "telegram", "email", "open311"]   # optional: any
///     minimum_priority = "high"                                # optional
///     topic = "roads"                                          # optional: and below
///     first_reaction = "30 working minutes"
///     answer = "4 working hours"
///     final = "7 working days"
///     final_from = "intermediate_answer"                       # or "registration"
///     next_reply = "1 working hour"                            # optional
///     extension = "30 calendar days"                           # optional, with max_extensions
///     max_extensions = 1
///     warning_percent = 75
///
///     [[escalation]]
///     clock = "answer"              # first_reaction, answer, final, next_reply; omitted: any
///     policy = "social-important"   # optional
///     after_minutes = 30            # past the deadline
///     raise_priority = true
///     reassign_to = "petrova"
public struct SLAConfig: Sendable, Equatable {
    public var policies: [SLAPolicy]
    public var escalations: [EscalationRule]

    public init(policies: [SLAPolicy] = [], escalations: [EscalationRule] = []) {
        self.policies = policies
        self.escalations = escalations
    }

    public static func parse(_ text: String, path: String) throws(SimpleTOML.ParseError) -> SLAConfig {
        let entries = try SimpleTOML.parse(text, path: path)
        var policyEntries: [Int: [SimpleTOML.Entry]] = [:]
        var escalationEntries: [Int: [SimpleTOML.Entry]] = [:]
        for entry in entries {
            if entry.table.hasPrefix("policy#") {
                policyEntries[Int(entry.table.dropFirst("policy#".count))!, default: []].append(entry)
            } else if entry.table.hasPrefix("escalation#") {
                escalationEntries[Int(entry.table.dropFirst("escalation#".count))!, default: []].append(entry)
            } else {
                throw SimpleTOML.ParseError(path: path, line: entry.line, reason: "expected [[policy]] or [[escalation]] tables, found \(entry.table.isEmpty ? "a top-level key" : "[\(entry.table)]")")
            }
        }
        var config = SLAConfig()
        for n in policyEntries.keys.sorted() {
            config.policies.append(try policy(policyEntries[n]!, path: path))
        }
        for n in escalationEntries.keys.sorted() {
            config.escalations.append(try escalation(escalationEntries[n]!, path: path))
        }
        let codes = config.policies.map(\.code)
        if Set(codes).count != codes.count {
            throw SimpleTOML.ParseError(path: path, line: 0, reason: "two policies share a code")
        }
        return config
    }

    static func policy(_ entries: [SimpleTOML.Entry], path: String) throws(SimpleTOML.ParseError) -> SLAPolicy {
        var strings: [String: (String, Int)] = [:]
        var integers: [String: (Int, Int)] = [:]
        var sources: [SourceKind] = []
        let known = ["code", "name", "minimum_priority", "topic", "first_reaction", "answer", "final", "final_from",
                     "next_reply", "extension", "max_extensions", "warning_percent", "sources"]
        for entry in entries {
            guard known.contains(entry.key) else {
                throw SimpleTOML.ParseError(path: path, line: entry.line, reason: "unknown policy setting \"\(entry.key)\" (\(known.joined(separator: ", ")))")
            }
            switch entry.value {
            case .string(let v): strings[entry.key] = (v, entry.line)
            case .integer(let v): integers[entry.key] = (v, entry.line)
            case .strings(let list) where entry.key == "sources":
                for item in list {
                    guard let kind = SourceKind(rawValue: item) else {
                        throw SimpleTOML.ParseError(path: path, line: entry.line, reason: "unknown source \"\(item)\" (\(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    sources.append(kind)
                }
            default:
                throw SimpleTOML.ParseError(path: path, line: entry.line, reason: "\(entry.key) has a value of the wrong kind")
            }
        }
        let line = entries.first?.line ?? 0
        func required(_ key: String) throws(SimpleTOML.ParseError) -> (String, Int) {
            guard let value = strings[key] else { throw SimpleTOML.ParseError(path: path, line: line, reason: "a [[policy]] needs \(key)") }
            return value
        }
        func target(_ key: String) throws(SimpleTOML.ParseError) -> SLATarget? {
            guard let (text, at) = strings[key] else { return nil }
            guard let target = SLATarget(text: text) else {
                throw SimpleTOML.ParseError(path: path, line: at, reason: "not a target: \"\(text)\" (e.g. \"9 working hours\", \"7 working days\", \"30 calendar days\", \"24 calendar hours\")")
            }
            return target
        }
        let code = try required("code").0
        _ = try required("first_reaction")
        _ = try required("answer")
        _ = try required("final")
        var priority: Priority?
        if let (text, at) = strings["minimum_priority"] {
            guard let p = Priority(rawValue: text) else {
                throw SimpleTOML.ParseError(path: path, line: at, reason: "unknown priority \"\(text)\" (low, normal, high, critical)")
            }
            priority = p
        }
        var anchor = SLAAnchor.registration
        if let (text, at) = strings["final_from"] {
            guard let a = SLAAnchor(rawValue: text) else {
                throw SimpleTOML.ParseError(path: path, line: at, reason: "final_from is \"registration\" or \"intermediate_answer\"")
            }
            anchor = a
        }
        let percent = integers["warning_percent"]?.0 ?? 75
        guard (1...99).contains(percent) else {
            throw SimpleTOML.ParseError(path: path, line: integers["warning_percent"]!.1, reason: "warning_percent is 1–99")
        }
        let final = try target("final")!
        let extensionTarget = try target("extension")
        let maxExtensions = integers["max_extensions"]?.0 ?? (extensionTarget == nil ? 0 : 1)
        if let extensionTarget, extensionTarget.unit != final.unit {
            throw SimpleTOML.ParseError(path: path, line: strings["extension"]!.1, reason: "an extension counts in the final target's unit (\(final.unit.rawValue))")
        }
        guard maxExtensions >= 0, maxExtensions == 0 || extensionTarget != nil else {
            throw SimpleTOML.ParseError(path: path, line: line, reason: "max_extensions needs an extension amount")
        }
        return SLAPolicy(code: code, name: strings["name"]?.0 ?? code, sourceKinds: sources, minimumPriority: priority,
                         topicCode: strings["topic"]?.0,
                         firstReaction: try target("first_reaction")!, answer: try target("answer")!, final: final,
                         finalAnchor: anchor, nextReply: try target("next_reply"),
                         finalExtension: extensionTarget, maxExtensions: maxExtensions, warningPercent: percent)
    }

    static func escalation(_ entries: [SimpleTOML.Entry], path: String) throws(SimpleTOML.ParseError) -> EscalationRule {
        var rule = EscalationRule()
        for entry in entries {
            switch (entry.key, entry.value) {
            case ("clock", .string(let v)):
                guard let kind = SLAClockKind(rawValue: v) else {
                    throw SimpleTOML.ParseError(path: path, line: entry.line, reason: "unknown clock \"\(v)\" (first_reaction, answer, final, next_reply)")
                }
                rule.clock = kind
            case ("policy", .string(let v)): rule.policyCode = v
            case ("after_minutes", .integer(let v)) where v >= 0: rule.afterMinutes = v
            case ("raise_priority", .bool(let v)): rule.raisePriority = v
            case ("reassign_to", .string(let v)) where !v.isEmpty: rule.reassignTo = v.lowercased()
            default:
                throw SimpleTOML.ParseError(path: path, line: entry.line, reason: "unknown or invalid escalation setting \"\(entry.key)\" (clock, policy, after_minutes, raise_priority, reassign_to)")
            }
        }
        guard rule.raisePriority || rule.reassignTo != nil else {
            throw SimpleTOML.ParseError(path: path, line: entries.first?.line ?? 0, reason: "an [[escalation]] needs raise_priority = true or reassign_to")
        }
        return rule
    }
}
