import Foundation
import GRDB
import OtklikCore

/// What is needed to register an incident by hand or from an ingest tool.
public struct NewIncident: Sendable {
    public var source: SourceKind
    /// The channel's own id; nil for incidents typed in by an operator.
    public var externalID: String?
    public var text: String
    public var authorName: String?
    public var topicCode: String?
    public var priority: Priority
    public var createdAt: Date

    public init(source: SourceKind, externalID: String? = nil, text: String, authorName: String? = nil,
                topicCode: String? = nil, priority: Priority = .normal, createdAt: Date) {
        self.source = source
        self.externalID = externalID
        self.text = text
        self.authorName = authorName
        self.topicCode = topicCode
        self.priority = priority
        self.createdAt = createdAt
    }
}

public enum RegistrationError: Error, CustomStringConvertible, Equatable {
    case emptyText
    case unknownTopic(String)

    public var description: String {
        switch self {
        case .emptyText: "the incident has no text"
        case .unknownTopic(let code): "unknown topic \(code)"
        }
    }
}

extension Store {
    /// Registers a new incident with its first message, deadlines from the applicable
    /// policy in the responsible agency's calendar, and its audit event — in one short
    /// transaction. Returns the incident's number.
    @discardableResult
    public func registerIncident(_ new: NewIncident, at now: Date, actor: String) throws -> Int {
        let text = new.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw RegistrationError.emptyText }
        return try pool.write { db in
            let sourceID = try Self.sourceID(db, kind: new.source)
            var topicID: Int64?
            var agencyID: Int64?
            if let code = new.topicCode {
                guard let row = try Row.fetchOne(db, sql: "SELECT id, default_agency_id FROM topic WHERE code = ?", arguments: [code]) else {
                    throw RegistrationError.unknownTopic(code)
                }
                topicID = row[0]
                agencyID = row[1]
            }
            let policies = try Self.policies(db)
            let policy = SLAPolicy.select(from: policies.map(\.policy), source: new.source, priority: new.priority) ?? .socialStandard
            let policyID = policies.first { $0.policy.code == policy.code }?.id
            let calendar = try Self.calendar(db, agencyID: agencyID)
            let registeredAt = max(now, new.createdAt)
            let deadlines = IncidentDeadlines.initial(policy: policy, registeredAt: registeredAt, calendar: calendar)
            let due = deadlines.current(status: .new, reacted: false)
            let warn = due.map { IncidentDeadlines.warning(start: registeredAt, due: $0, percent: policy.warningPercent) }

            let number = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) + 1 FROM incident")!
            let externalID = new.externalID ?? "otklik-\(number)"
            var authorID: Int64?
            if let name = new.authorName {
                try db.execute(sql: "INSERT INTO author(source_id, external_id, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                               arguments: [sourceID, "name:\(name)", name])
                authorID = try Int64.fetchOne(db, sql: "SELECT id FROM author WHERE source_id = ? AND external_id = ?",
                                              arguments: [sourceID, "name:\(name)"])
            }
            try db.execute(sql: """
                INSERT INTO incident(number, source_id, external_id, author_id, status, priority, topic_id, agency_id,
                    sla_policy_id, excerpt, created_at, registered_at, first_reaction_due, answer_due, final_due,
                    due_at, warn_at, updated_at)
                VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    number, sourceID, externalID, authorID, new.priority.rawValue, topicID, agencyID, policyID,
                    Self.excerpt(of: text), new.createdAt.unixSeconds, registeredAt.unixSeconds,
                    deadlines.firstReaction?.unixSeconds, deadlines.answer?.unixSeconds, deadlines.final?.unixSeconds,
                    due?.unixSeconds, warn?.unixSeconds, now.unixSeconds,
                ])
            let incidentID = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO message(incident_id, source_id, external_id, kind, author_id, text, created_at)
                VALUES (?, ?, ?, 'citizen_post', ?, ?, ?)
                """, arguments: [incidentID, sourceID, externalID, authorID, text, new.createdAt.unixSeconds])
            try db.execute(sql: "INSERT INTO event(at, actor, incident_id, action, after) VALUES (?, ?, ?, 'incident.registered', 'new')",
                           arguments: [now.unixSeconds, actor, incidentID])
            return number
        }
    }

    /// The start of a message for the inbox: its first 160 Unicode scalars, which is wider
    /// than the text column of any terminal. Scalars, not Characters: walking grapheme
    /// clusters cost seconds over a million demo incidents, and a cut combining mark only
    /// affects the excerpt's last cell.
    static func excerpt(of text: String) -> String {
        if text.utf8.count <= 160 { return text }
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: 160, limitedBy: scalars.endIndex) else { return text }
        return String(scalars[..<end])
    }

    /// The source row for a kind, created on first use.
    static func sourceID(_ db: Database, kind: SourceKind) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE kind = ? ORDER BY id LIMIT 1", arguments: [kind.rawValue]) {
            return id
        }
        try db.execute(sql: "INSERT INTO source(code, kind, name) VALUES (?, ?, ?)", arguments: [kind.rawValue, kind.rawValue, kind.rawValue])
        return db.lastInsertedRowID
    }

    /// The store's policies in rank order, or the built-in ones when it has none.
    static func policies(_ db: Database) throws -> [(id: Int64?, policy: SLAPolicy)] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM sla_policy ORDER BY rank, id")
        if rows.isEmpty { return SLAPolicy.builtIn.map { (nil, $0) } }
        return rows.compactMap { row in
            func target(_ prefix: String) -> SLATarget? {
                guard let unit = SLAUnit(rawValue: row["\(prefix)_unit"]) else { return nil }
                return SLATarget(row["\(prefix)_amount"], unit)
            }
            guard let first = target("first_reaction"), let answer = target("answer"), let final = target("final"),
                  let anchor = SLAAnchor(rawValue: row["final_anchor"]) else { return nil }
            let kinds = (row["source_kinds"] as String?)?.split(separator: ",").compactMap { SourceKind(rawValue: String($0)) } ?? []
            return (row["id"], SLAPolicy(
                code: row["code"], name: row["name"], sourceKinds: kinds,
                minimumPriority: (row["minimum_priority"] as String?).flatMap(Priority.init(rawValue:)),
                firstReaction: first, answer: answer, final: final, finalAnchor: anchor,
                warningPercent: row["warning_percent"]))
        }
    }

    /// The working calendar of an agency (its own calendar in its own zone), or the
    /// center's when the agency is unknown.
    static func calendar(_ db: Database, agencyID: Int64?) throws -> WorkingCalendar {
        let centerZone = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'center.time_zone'") ?? "Europe/Moscow"
        var zoneName = centerZone
        var calendarID = try Int64.fetchOne(db, sql: "SELECT id FROM calendar ORDER BY id LIMIT 1")
        if let agencyID, let row = try Row.fetchOne(db, sql: "SELECT time_zone, calendar_id FROM agency WHERE id = ?", arguments: [agencyID]) {
            zoneName = row[0]
            calendarID = row[1] ?? calendarID
        }
        let zone = TimeZone(identifier: zoneName) ?? TimeZone(identifier: "Europe/Moscow")!
        guard let calendarID else {
            return .russianOfficeWeek(timeZone: zone, specialDays: RussianProductionCalendar.days2026)
        }
        var week: [[WorkingInterval]] = Array(repeating: [], count: 7)
        for row in try Row.fetchAll(db, sql: "SELECT weekday, start_minute, end_minute FROM calendar_interval WHERE calendar_id = ? ORDER BY weekday, start_minute", arguments: [calendarID]) {
            week[(row[0] as Int) - 1].append(WorkingInterval(start: row[1], end: row[2]))
        }
        var special: [CivilDay: SpecialDay] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT day, kind FROM calendar_day WHERE calendar_id = ?", arguments: [calendarID]) {
            guard let day = CivilDay(iso: row[0] as String) else { continue }
            switch row[1] as String {
            case "holiday": special[day] = .holiday
            case "shortened": special[day] = .shortened(byMinutes: 60)
            default: special[day] = .working(week[0])
            }
        }
        return WorkingCalendar(timeZone: zone, week: week, specialDays: special)
    }
}
