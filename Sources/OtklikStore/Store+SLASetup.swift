import Foundation
import GRDB
import OtklikCore

/// Where an imported calendar applies.
public enum CalendarAssignment: Sendable, Equatable {
    /// The center's calendar: for incidents without an agency, and agencies without their own.
    case center
    /// One agency's calendar (by short name).
    case agency(String)
}

/// Every agency's working calendar and the center's: what the console's countdowns count in.
public struct CountdownCalendars: Sendable {
    public let center: WorkingCalendar
    public let agencies: [String: WorkingCalendar]

    /// The agency's calendar by short name; the center's for none or an unknown one.
    public func calendar(agencyShortName: String?) -> WorkingCalendar {
        agencyShortName.flatMap { agencies[$0] } ?? center
    }
}

/// SLA reference data: policies and working calendars in the store.
extension Store {
    // MARK: Policies

    /// The store's policies in rank order, or the built-in ones when it has none.
    static func policies(_ db: Database) throws -> [(id: Int64?, policy: SLAPolicy)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.*, t.code AS topic_code FROM sla_policy p LEFT JOIN topic t ON t.id = p.topic_id ORDER BY p.rank, p.id
            """)
        if rows.isEmpty { return SLAPolicy.builtIn.map { (nil, $0) } }
        return rows.compactMap { row in
            func target(_ prefix: String) -> SLATarget? {
                guard let unit = (row["\(prefix)_unit"] as String?).flatMap(SLAUnit.init(rawValue:)),
                      let amount = row["\(prefix)_amount"] as Int?, amount > 0 else { return nil }
                return SLATarget(amount, unit)
            }
            guard let first = target("first_reaction"), let answer = target("answer"), let final = target("final"),
                  let anchor = SLAAnchor(rawValue: row["final_anchor"]) else { return nil }
            let kinds = (row["source_kinds"] as String?)?.split(separator: ",").compactMap { SourceKind(rawValue: String($0)) } ?? []
            var extensionTarget = target("extension")
            if extensionTarget?.unit != final.unit { extensionTarget = nil }
            let maxExtensions = extensionTarget == nil ? 0 : (row["max_extensions"] as Int? ?? 0)
            return (row["id"], SLAPolicy(
                code: row["code"], name: row["name"], sourceKinds: kinds,
                minimumPriority: (row["minimum_priority"] as String?).flatMap(Priority.init(rawValue:)),
                topicCode: row["topic_code"],
                firstReaction: first, answer: answer, final: final, finalAnchor: anchor, nextReply: target("next_reply"),
                finalExtension: extensionTarget, maxExtensions: maxExtensions,
                warningPercent: row["warning_percent"]))
        }
    }

    /// Inserts or updates a policy by code; returns its id.
    @discardableResult
    static func writePolicy(_ db: Database, _ policy: SLAPolicy, rank: Int) throws -> Int64 {
        var topicID: Int64?
        if let code = policy.topicCode {
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM topic WHERE code = ?", arguments: [code]) else {
                throw SLAError.unknownTopic(code)
            }
            topicID = id
        }
        try db.execute(sql: """
            INSERT INTO sla_policy(code, name, source_kinds, topic_id, minimum_priority, rank,
                first_reaction_amount, first_reaction_unit, answer_amount, answer_unit, final_amount, final_unit, final_anchor,
                next_reply_amount, next_reply_unit, extension_amount, extension_unit, max_extensions, warning_percent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, source_kinds = excluded.source_kinds,
                topic_id = excluded.topic_id, minimum_priority = excluded.minimum_priority, rank = excluded.rank,
                first_reaction_amount = excluded.first_reaction_amount, first_reaction_unit = excluded.first_reaction_unit,
                answer_amount = excluded.answer_amount, answer_unit = excluded.answer_unit,
                final_amount = excluded.final_amount, final_unit = excluded.final_unit, final_anchor = excluded.final_anchor,
                next_reply_amount = excluded.next_reply_amount, next_reply_unit = excluded.next_reply_unit,
                extension_amount = excluded.extension_amount, extension_unit = excluded.extension_unit,
                max_extensions = excluded.max_extensions, warning_percent = excluded.warning_percent
            """, arguments: [
                policy.code, policy.name,
                policy.sourceKinds.isEmpty ? nil : policy.sourceKinds.map(\.rawValue).joined(separator: ","),
                topicID, policy.minimumPriority?.rawValue, rank,
                policy.firstReaction.amount, policy.firstReaction.unit.rawValue, policy.answer.amount, policy.answer.unit.rawValue,
                policy.final.amount, policy.final.unit.rawValue, policy.finalAnchor.rawValue,
                policy.nextReply?.amount, policy.nextReply?.unit.rawValue,
                policy.finalExtension?.amount, policy.finalExtension?.unit.rawValue, policy.maxExtensions, policy.warningPercent,
            ])
        return try Int64.fetchOne(db, sql: "SELECT id FROM sla_policy WHERE code = ?", arguments: [policy.code])!
    }

    /// The policies that apply, in rank order (the store's, or the built-in ones).
    public func slaPolicies() throws -> [SLAPolicy] {
        try pool.read { db in try Self.policies(db).map(\.policy) }
    }

    /// Loads policies (from `sla/sla.toml`): each is inserted or updated by code and ranked
    /// in the given order; the store's other policies keep applying after them. Open
    /// incidents are recomputed by the next `sla tick`.
    public func loadPolicies(_ policies: [SLAPolicy]) throws {
        try loadSLAConfig(SLAConfig(policies: policies), escalations: false)
    }

    /// Loads a configuration file's policies (see `loadPolicies`) and, when `escalations`,
    /// replaces the store's escalation rules with the file's (none: no escalation).
    public func loadSLAConfig(_ config: SLAConfig, escalations: Bool = true) throws {
        try pool.write { db in
            if !config.policies.isEmpty {
                try db.execute(sql: "UPDATE sla_policy SET rank = rank + 1000 WHERE rank < 1000")
                for (rank, policy) in config.policies.enumerated() { try Self.writePolicy(db, policy, rank: rank) }
            }
            if escalations {
                try db.execute(sql: """
                    INSERT INTO setting(key, value) VALUES ('sla.escalations', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value
                    """, arguments: [config.escalations.map(\.toml).joined(separator: "\n\n")])
            }
            try Self.markOpenIncidentsStale(db)
        }
    }

    /// The store's escalation rules.
    public func escalationRules() throws -> [EscalationRule] {
        try pool.read { db in try SLAResolver(db).escalations }
    }

    /// Open incidents get recomputed by the next tick (policies or calendars changed).
    static func markOpenIncidentsStale(_ db: Database) throws {
        try db.execute(sql: "UPDATE incident SET sla_version = 0 WHERE status NOT IN ('closed', 'no_answer')")
    }

    // MARK: Calendars

    /// The working calendar of an agency (its own calendar, else the center's, in the
    /// agency's zone), or the center's in the center's zone; with a label for explanations.
    static func calendarAndLabel(_ db: Database, agencyID: Int64?) throws -> (WorkingCalendar, String) {
        var zoneName = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'center.time_zone'") ?? "Europe/Moscow"
        var calendarID = try centerCalendarID(db)
        var who = "центр"
        if let agencyID, let row = try Row.fetchOne(db, sql: "SELECT short_name, time_zone, calendar_id FROM agency WHERE id = ?",
                                                     arguments: [agencyID]) {
            who = row[0]
            zoneName = row[1]
            calendarID = row[2] ?? calendarID
        }
        let zone = TimeZone(identifier: zoneName) ?? TimeZone(identifier: "Europe/Moscow")!
        let calendar = try calendarID.map { try loadCalendar(db, id: $0, zone: zone, depth: 0) }
            ?? RussianProductionCalendar.calendar2026(timeZone: zone)
        return (calendar, "\(calendar.name) · \(who) (\(zone.identifier))")
    }

    /// The working calendar of an agency, or the center's when the agency is unknown.
    static func calendar(_ db: Database, agencyID: Int64?) throws -> WorkingCalendar {
        try calendarAndLabel(db, agencyID: agencyID).0
    }

    /// The center's calendar: `center.calendar` (a code) in `setting`, else the first one.
    static func centerCalendarID(_ db: Database) throws -> Int64? {
        if let code = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'center.calendar'"),
           let id = try Int64.fetchOne(db, sql: "SELECT id FROM calendar WHERE code = ?", arguments: [code]) {
            return id
        }
        return try Int64.fetchOne(db, sql: "SELECT id FROM calendar ORDER BY id LIMIT 1")
    }

    /// A stored calendar over the calendars it extends (`parent_id`).
    static func loadCalendar(_ db: Database, id: Int64, zone: TimeZone, depth: Int) throws -> WorkingCalendar {
        guard let row = try Row.fetchOne(db, sql: "SELECT code, parent_id FROM calendar WHERE id = ?", arguments: [id]) else {
            return RussianProductionCalendar.calendar2026(timeZone: zone)
        }
        let code: String = row[0]
        let base = try (row[1] as Int64?).flatMap { depth < 8 ? try loadCalendar(db, id: $0, zone: zone, depth: depth + 1) : nil }
        var week: [[WorkingInterval]] = Array(repeating: [], count: 7)
        var hasWeek = false
        for interval in try Row.fetchAll(db, sql: """
            SELECT weekday, start_minute, end_minute FROM calendar_interval WHERE calendar_id = ? ORDER BY weekday, start_minute
            """, arguments: [id]) {
            week[(interval[0] as Int) - 1].append(WorkingInterval(start: interval[1], end: interval[2]))
            hasWeek = true
        }
        if !hasWeek { week = base?.week ?? WorkingCalendar.russianOfficeWeek(timeZone: zone).week }
        var special = base?.specialDays ?? [:]
        var notes = base?.notes ?? [:]
        for day in try Row.fetchAll(db, sql: "SELECT day, kind, minutes, intervals, note FROM calendar_day WHERE calendar_id = ?",
                                    arguments: [id]) {
            guard let date = CivilDay(iso: day[0] as String) else { continue }
            switch day[1] as String {
            case "holiday": special[date] = .holiday
            case "shortened": special[date] = .shortened(byMinutes: day[2] ?? 60)
            default:
                let listed = (day[3] as String?)?.split(separator: ",").compactMap { WorkingInterval(text: String($0)) } ?? []
                special[date] = .working(listed.isEmpty ? week[0] : listed)
            }
            if let note = day[4] as String?, !note.isEmpty { notes[date] = note }
        }
        return WorkingCalendar(timeZone: zone, week: week, specialDays: special,
                               name: base.map { "\($0.name) + \(code)" } ?? code, notes: notes)
    }

    /// Writes a calendar definition (replacing a stored one of the same code); returns its id.
    @discardableResult
    static func writeCalendar(_ db: Database, _ definition: CalendarDefinition, parentID: Int64?) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO calendar(code, name, parent_id) VALUES (?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id
            """, arguments: [definition.code, definition.name, parentID])
        let id = try Int64.fetchOne(db, sql: "SELECT id FROM calendar WHERE code = ?", arguments: [definition.code])!
        try db.execute(sql: "DELETE FROM calendar_interval WHERE calendar_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM calendar_day WHERE calendar_id = ?", arguments: [id])
        for (index, intervals) in (definition.week ?? []).enumerated() {
            for interval in intervals {
                try db.execute(sql: "INSERT INTO calendar_interval(calendar_id, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)",
                               arguments: [id, index + 1, interval.start, interval.end])
            }
        }
        for (day, kind) in definition.days.sorted(by: { $0.key < $1.key }) {
            var minutes: Int?
            var intervals: String?
            let name: String
            switch kind {
            case .holiday: name = "holiday"
            case .shortened(let by): name = "shortened"; minutes = by
            case .working(let list): name = "working"; intervals = list.map(\.text).joined(separator: ",")
            }
            try db.execute(sql: "INSERT INTO calendar_day(calendar_id, day, kind, minutes, intervals, note) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, day.description, name, minutes, intervals, definition.notes[day]])
        }
        return id
    }

    /// Imports a calendar file's definition (`otklik sla calendar import`), checked against
    /// the calendar it extends (the embedded 2026 calendar is imported first when it is the
    /// base and missing), and optionally makes it the center's or an agency's. Open
    /// incidents are recomputed by the next `sla tick`.
    public func importCalendar(_ definition: CalendarDefinition, assign: CalendarAssignment? = nil) throws {
        try pool.write { db in
            var parentID: Int64?
            var base: WorkingCalendar?
            if let extends = definition.extends {
                parentID = try Int64.fetchOne(db, sql: "SELECT id FROM calendar WHERE code = ?", arguments: [extends])
                if parentID == nil, extends == RussianProductionCalendar.definition2026.code {
                    parentID = try Self.writeCalendar(db, RussianProductionCalendar.definition2026, parentID: nil)
                }
                guard let parentID else { throw SLAError.badCalendar("\(definition.code) extends \(extends), which the store does not have: import it first") }
                base = try Self.loadCalendar(db, id: parentID, zone: TimeZone(identifier: "UTC")!, depth: 0)
            }
            if let problem = definition.verify(base: base) { throw SLAError.badCalendar(problem) }
            try Self.writeCalendar(db, definition, parentID: parentID)
            switch assign {
            case .center?:
                try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('center.calendar', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [definition.code])
            case .agency(let name)?:
                try db.execute(sql: "UPDATE agency SET calendar_id = (SELECT id FROM calendar WHERE code = ?) WHERE short_name = ?",
                               arguments: [definition.code, name])
                guard db.changesCount == 1 else { throw SLAError.unknownAgency(name) }
            case nil:
                break
            }
            try Self.markOpenIncidentsStale(db)
        }
    }

    /// The calendars of all agencies and the center's (a few small queries per agency).
    public func countdownCalendars() throws -> CountdownCalendars {
        try pool.read { db in
            var agencies: [String: WorkingCalendar] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, short_name FROM agency") {
                agencies[row[1]] = try Self.calendar(db, agencyID: row[0])
            }
            return CountdownCalendars(center: try Self.calendar(db, agencyID: nil), agencies: agencies)
        }
    }

    /// An agency's calendar by short name (nil: the center's), with its label.
    public func workingCalendar(agencyShortName: String?) throws -> (calendar: WorkingCalendar, label: String) {
        try pool.read { db in
            var agencyID: Int64?
            if let agencyShortName {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM agency WHERE short_name = ?", arguments: [agencyShortName]) else {
                    throw SLAError.unknownAgency(agencyShortName)
                }
                agencyID = id
            }
            return try Self.calendarAndLabel(db, agencyID: agencyID)
        }
    }
}
