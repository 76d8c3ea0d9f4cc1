import Foundation
import GRDB
import OtklikCore

/// Filling a store with the demo region.
extension Store {
    /// What describes a generated demo store, kept in the `setting` table.
    public struct DemoStamp: Equatable, Sendable {
        public let seed: UInt64
        public let size: Int
        public let generatedAt: Date
    }

    public func demoStamp() throws -> DemoStamp? {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'demo.%'")
            let values = Dictionary(uniqueKeysWithValues: rows.map { ($0["key"] as String, $0["value"] as String) })
            guard let seed = values["demo.seed"].flatMap(UInt64.init), let size = values["demo.size"].flatMap(Int.init),
                  let at = values["demo.generated_at"].flatMap(Int64.init) else { return nil }
            return DemoStamp(seed: seed, size: size, generatedAt: Date(timeIntervalSince1970: TimeInterval(at)))
        }
    }

    /// Fills an empty store with the demo region and `size` incidents generated from
    /// `seed` over the 30 days before `now`. Writes in batches so that a console opened on
    /// the same file meanwhile stays responsive. `progress` gets the number stored so far.
    public func populateDemo(seed: UInt64, size: Int, now: Date, batchSize: Int = 20_000,
                             progress: (Int) -> Void = { _ in }) throws {
        let references = try pool.write { db -> DemoReferences in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM incident") == 0 else {
                throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "the store already holds incidents; the demo needs an empty store")
            }
            return try Self.insertDemoReferences(db, seed: seed, size: size, now: now)
        }
        var generator = DemoGenerator(seed: seed, size: size, now: now)
        var authors: [AuthorKey: Int64] = [:]
        var messageID: Int64 = 0
        var stored = 0
        while stored < size {
            try pool.write { db in
                let insert = try DemoInserter(db: db)
                var inBatch = 0
                while inBatch < batchSize, let incident = generator.next() {
                    try insert.incident(incident, references: references, authors: &authors, messageID: &messageID)
                    inBatch += 1
                }
                stored += inBatch
            }
            progress(stored)
        }
        try pool.write { db in
            try db.execute(sql: "INSERT INTO event(at, actor, action, after) VALUES (?, 'system:demo', 'demo.generated', ?)",
                           arguments: [Int64(now.timeIntervalSince1970), "seed=\(seed) size=\(size)"])
        }
        // Fresh statistics help the planner pick the inbox index at any size.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "ANALYZE") }
    }

    struct AuthorKey: Hashable {
        let source: SourceKind
        let number: Int
    }

    /// Row ids of the reference data, by the demo's indexes.
    struct DemoReferences {
        var sourceIDs: [SourceKind: Int64] = [:]
        var agencyIDs: [Int64] = []
        var topicIDs: [Int64] = []
        var operatorIDs: [Int64] = []
        var policyIDs: [String: Int64] = [:]
    }

    static func insertDemoReferences(_ db: Database, seed: UInt64, size: Int, now: Date) throws -> DemoReferences {
        var refs = DemoReferences()
        let settings: [(String, String)] = [
            ("region.name", DemoRegion.regionName),
            ("center.name", DemoRegion.centerName),
            ("center.time_zone", DemoRegion.centerTimeZone),
            ("demo.seed", String(seed)),
            ("demo.size", String(size)),
            ("demo.generated_at", String(Int64(now.timeIntervalSince1970))),
        ]
        for (key, value) in settings {
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?)", arguments: [key, value])
        }
        let sourceNames: [SourceKind: String] = [
            .vk: "ВКонтакте: мониторинг и госпаблики", .ok: "Одноклассники", .telegram: "Telegram-чаты",
            .pos: "ПОС «Госуслуги. Решаем вместе»", .email: "Электронная почта ЦУР", .open311: "Open311 (городской портал)",
        ]
        for kind in SourceKind.allCases {
            try db.execute(sql: "INSERT INTO source(code, kind, name) VALUES (?, ?, ?)",
                           arguments: [kind.rawValue, kind.rawValue, sourceNames[kind]])
            refs.sourceIDs[kind] = db.lastInsertedRowID
        }

        // The national production calendar; every agency works by it in its own zone.
        try db.execute(sql: "INSERT INTO calendar(code, name) VALUES ('ru-2026', 'Производственный календарь РФ 2026')")
        let calendarID = db.lastInsertedRowID
        let week = WorkingCalendar.russianOfficeWeek(timeZone: .gmt).week
        for (index, intervals) in week.enumerated() {
            for interval in intervals {
                try db.execute(sql: "INSERT INTO calendar_interval VALUES (?, ?, ?, ?)",
                               arguments: [calendarID, index + 1, interval.start, interval.end])
            }
        }
        for (day, kind) in RussianProductionCalendar.days2026.sorted(by: { $0.key < $1.key }) {
            let name: String = switch kind {
            case .holiday: "holiday"
            case .working: "working"
            case .shortened: "shortened"
            }
            try db.execute(sql: "INSERT INTO calendar_day(calendar_id, day, kind) VALUES (?, ?, ?)",
                           arguments: [calendarID, day.description, name])
        }

        var agencyByName: [String: Int64] = [:]
        for agency in DemoRegion.agencies {
            try db.execute(
                sql: "INSERT INTO agency(parent_id, short_name, name, municipality, time_zone, calendar_id) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [agency.parentShortName.flatMap { agencyByName[$0] }, agency.shortName, agency.name,
                            agency.municipality, agency.timeZone, calendarID])
            agencyByName[agency.shortName] = db.lastInsertedRowID
            refs.agencyIDs.append(db.lastInsertedRowID)
        }
        var topicByCode: [String: Int64] = [:]
        for topic in DemoRegion.topics {
            try db.execute(
                sql: "INSERT INTO topic(parent_id, code, name, default_agency_id) VALUES (?, ?, ?, ?)",
                arguments: [topic.parentCode.flatMap { topicByCode[$0] }, topic.code, topic.name,
                            topic.agencyShortName.flatMap { agencyByName[$0] }])
            topicByCode[topic.code] = db.lastInsertedRowID
            refs.topicIDs.append(db.lastInsertedRowID)
        }
        for (rank, policy) in SLAPolicy.builtIn.enumerated() {
            try db.execute(sql: """
                INSERT INTO sla_policy(code, name, source_kinds, minimum_priority, rank,
                    first_reaction_amount, first_reaction_unit, answer_amount, answer_unit,
                    final_amount, final_unit, final_anchor, warning_percent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    policy.code, policy.name,
                    policy.sourceKinds.isEmpty ? nil : policy.sourceKinds.map(\.rawValue).joined(separator: ","),
                    policy.minimumPriority?.rawValue, rank,
                    policy.firstReaction.amount, policy.firstReaction.unit.rawValue,
                    policy.answer.amount, policy.answer.unit.rawValue,
                    policy.final.amount, policy.final.unit.rawValue,
                    policy.finalAnchor.rawValue, policy.warningPercent,
                ])
            refs.policyIDs[policy.code] = db.lastInsertedRowID
        }
        for person in DemoRegion.operators {
            try db.execute(sql: "INSERT INTO operator(login, name, role) VALUES (?, ?, ?)",
                           arguments: [person.login, person.name, person.role.rawValue])
            refs.operatorIDs.append(db.lastInsertedRowID)
        }
        for template in DemoRegion.templates {
            try db.execute(sql: "INSERT INTO reply_template(code, title, kind, body) VALUES (?, ?, ?, ?)",
                           arguments: [template.code, template.title, template.kind, template.body])
        }
        return refs
    }
}

/// Prepared statements for inserting generated incidents quickly.
private struct DemoInserter {
    let db: Database
    let author: Statement
    let incident: Statement
    let message: Statement
    let event: Statement

    init(db: Database) throws {
        self.db = db
        author = try db.cachedStatement(sql: "INSERT INTO author(source_id, external_id, name, profile_url) VALUES (?, ?, ?, ?)")
        incident = try db.cachedStatement(sql: """
            INSERT INTO incident(id, number, source_id, external_id, author_id, status, priority, topic_id,
                agency_id, owner_id, sla_policy_id, excerpt, place, latitude, longitude, url, created_at,
                registered_at, first_reaction_due, first_reaction_at, answer_due, answered_at, final_due,
                closed_at, due_at, warn_at, version, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        message = try db.cachedStatement(sql: """
            INSERT INTO message(id, incident_id, source_id, external_id, kind, author_id, operator_id, text, url, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        event = try db.cachedStatement(sql: "INSERT INTO event(at, actor, operator_id, incident_id, action, field, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    }

    func incident(_ item: DemoIncident, references refs: Store.DemoReferences,
                  authors: inout [Store.AuthorKey: Int64], messageID: inout Int64) throws {
        let sourceID = refs.sourceIDs[item.source]!
        let key = Store.AuthorKey(source: item.source, number: item.authorNumber)
        let authorID: Int64
        if let known = authors[key] {
            authorID = known
        } else {
            let external = "id\(700_000 + item.authorNumber)"
            let profile: String? = switch item.source {
            case .vk: "https://vk.com/\(external)"
            case .ok: "https://ok.ru/profile/\(5_000_000 + item.authorNumber)"
            case .telegram: "https://t.me/user\(item.authorNumber)"
            default: nil
            }
            try author.execute(arguments: [sourceID, external, item.authorName, profile])
            authorID = db.lastInsertedRowID
            authors[key] = authorID
        }
        let ownerID = item.ownerIndex.map { refs.operatorIDs[$0] }
        let lastChange = item.messages.map(\.at).max() ?? item.registeredAt
        try incident.execute(arguments: [
            item.number, item.number, sourceID, item.externalID, authorID, item.status.rawValue, item.priority.rawValue,
            refs.topicIDs[item.topicIndex], item.agencyIndex.map { refs.agencyIDs[$0] }, ownerID,
            refs.policyIDs[item.policyCode], String(item.messages[0].text.prefix(240)), item.place,
            item.latitude, item.longitude, item.url, item.createdAt.unixSeconds, item.registeredAt.unixSeconds,
            item.deadlines.firstReaction?.unixSeconds, item.firstReactionAt?.unixSeconds,
            item.deadlines.answer?.unixSeconds, item.answeredAt?.unixSeconds, item.deadlines.final?.unixSeconds,
            item.closedAt?.unixSeconds, item.dueAt?.unixSeconds, item.warnAt?.unixSeconds,
            1, max(lastChange, item.registeredAt).unixSeconds,
        ])
        for (index, entry) in item.messages.enumerated() {
            messageID += 1
            let fromCitizen = entry.kind.isFromCitizen
            try message.execute(arguments: [
                messageID, item.number, index == 0 ? sourceID : nil, index == 0 ? item.externalID : nil,
                entry.kind.rawValue, fromCitizen ? authorID : nil,
                fromCitizen ? nil : entry.operatorIndex.map { refs.operatorIDs[$0] } ?? refs.operatorIDs[0],
                entry.text, index == 0 ? item.url : nil, entry.at.unixSeconds,
            ])
        }
        try event.execute(arguments: [item.registeredAt.unixSeconds, "system:demo", nil, item.number, "incident.registered", nil, nil, item.status.rawValue])
    }
}

extension Date {
    /// Whole Unix seconds, the store's representation of an instant.
    var unixSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    init(unixSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(unixSeconds)) }
}
