import Foundation
import GRDB
import GRDBSQLite
import OtklikCore

/// Filling a store with the demo region.
extension Store {
    /// What describes a generated demo store, kept in the `setting` table.
    public struct DemoStamp: Equatable, Sendable {
        public let seed: UInt64
        public let size: Int
        public let generatedAt: Date
    }

    /// Whether the store was made by `populateDemo` (complete or not).
    public func isDemoStore() throws -> Bool {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'demo.state'") != nil }
    }

    /// The seed, size and time of a completely generated demo store; nil for any other store.
    public func demoStamp() throws -> DemoStamp? {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key LIKE 'demo.%'")
            let values = Dictionary(uniqueKeysWithValues: rows.map { ($0["key"] as String, $0["value"] as String) })
            guard values["demo.state"] == "complete",
                  let seed = values["demo.seed"].flatMap(UInt64.init), let size = values["demo.size"].flatMap(Int.init),
                  let at = values["demo.generated_at"].flatMap(Int64.init) else { return nil }
            return DemoStamp(seed: seed, size: size, generatedAt: Date(timeIntervalSince1970: TimeInterval(at)))
        }
    }

    /// Fills an empty store with the demo region and `size` incidents generated from
    /// `seed` over the 30 days before `now`, in batches. `progress` gets the number stored
    /// so far; `phase` the duration of each phase (for the benchmark and large demos).
    ///
    /// A bulk load (DECISIONS.md, "Demo bulk load"): the secondary indexes and the FTS
    /// trigger are set aside and recreated from their own stored SQL at the end, because
    /// building an index from a full table sorts once where a million inserts each walk
    /// the tree; foreign keys and CHECKs are not evaluated row by row (the generator's rows
    /// are valid by construction; the tests run `foreign_key_check` and `integrity_check` on
    /// generated stores); the full-text index is built meanwhile on the other core
    /// (`FullTextBuilder`). An interrupted load leaves `demo.state = loading`, and
    /// `otklik demo` then generates the store anew.
    public func populateDemo(seed: UInt64, size: Int, now: Date, batchSize: Int = 20_000,
                             progress: (Int) -> Void = { _ in },
                             phase: (String, TimeInterval) -> Void = { _, _ in }) throws {
        var clock = Date()
        func lap(_ name: String) {
            phase(name, Date().timeIntervalSince(clock))
            clock = Date()
        }
        let references = try pool.write { db -> DemoReferences in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM incident") == 0 else {
                throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "the store already holds incidents; the demo needs an empty store")
            }
            return try Self.insertDemoReferences(db, seed: seed, size: size, now: now)
        }
        // Bulk settings of the writer connection, restored however the load ends. A page
        // cache of 256 MB; a checkpoint every 40 MB rather than 4 MB (never checkpointing
        // is worse: every page read then searches an ever larger WAL index); and helper
        // threads for the sorts of CREATE INDEX.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;
                PRAGMA cache_size = -262144; PRAGMA wal_autocheckpoint = 10000; PRAGMA threads = 2
                """)
        }
        defer {
            try? pool.writeWithoutTransaction { db in
                try db.execute(sql: """
                    PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF;
                    PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000; PRAGMA threads = 0
                    """)
            }
        }
        let setAside = try pool.write { db -> [(kind: String, sql: String)] in
            let objects = try Row.fetchAll(db, sql: """
                SELECT name, type, sql FROM sqlite_master
                WHERE (type = 'trigger' AND name = 'incident_fts_insert')
                   OR (type = 'index' AND sql IS NOT NULL AND tbl_name IN ('incident', 'message', 'event'))
                """)
            for object in objects {
                try db.execute(sql: "DROP \(object["type"] == "trigger" ? "TRIGGER" : "INDEX") \(object["name"] as String)")
            }
            return objects.map { (kind: $0["type"] as String, sql: $0["sql"] as String) }
        }
        let fullText = FullTextBuilder(storePath: path)
        fullText.startDemo(seed: seed, size: size, now: now)
        var generator = DemoGenerator(seed: seed, size: size, now: now)
        var inserter = DemoInserter()
        var stored = 0
        while stored < size {
            try pool.write { db in
                var inBatch = 0
                while inBatch < batchSize, let incident = generator.next() {
                    try inserter.add(incident, references: references, db: db)
                    inBatch += 1
                }
                try inserter.flush(db: db)
                stored += inBatch
            }
            progress(stored)
        }
        lap("incidents, messages, authors, events")
        // Indexes and statistics first: the full-text thread gets that long to finish.
        try pool.write { db in
            for object in setAside where object.kind == "index" { try db.execute(sql: object.sql) }
        }
        lap("indexes")
        // Fresh statistics of the incidents, whose many indexes the planner must choose
        // between (a full scan: with analysis_limit it chose seconds-long plans at 1M). The
        // other tables' queries each have one obvious index.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "ANALYZE incident") }
        lap("statistics")
        try fullText.install(into: pool) { db in
            for object in setAside where object.kind == "trigger" { try db.execute(sql: object.sql) }
            try db.execute(sql: "INSERT INTO event(at, actor, action, after) VALUES (?, 'system:demo', 'demo.generated', ?)",
                           arguments: [Int64(now.timeIntervalSince1970), "seed=\(seed) size=\(size)"])
            try db.execute(sql: "UPDATE setting SET value = 'complete' WHERE key = 'demo.state'")
        }
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        lap("full-text index (built alongside), completion")
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
            ("demo.state", "loading"),
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

        // The national production calendar (calendars/ru-2026.toml, embedded); every agency
        // works by it in its own zone.
        let calendarID = try Self.writeCalendar(db, RussianProductionCalendar.definition2026, parentID: nil)

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
            refs.policyIDs[policy.code] = try Self.writePolicy(db, policy, rank: rank)
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

/// Inserts generated incidents quickly: rows are buffered and written 64 at a time with
/// multi-row INSERTs, their values bound through SQLite's C API. (Statement by statement
/// through GRDB, per-row overhead cost four times SQLite's own work at a million incidents.)
/// Every row gets its id from us, so nothing waits for `lastInsertedRowID`.
private struct DemoInserter {
    var authors = BulkTable("author", ["id", "source_id", "external_id", "name", "profile_url"])
    var incidents = BulkTable("incident", [
        "id", "number", "source_id", "external_id", "author_id", "status", "priority", "topic_id",
        "agency_id", "owner_id", "sla_policy_id", "place", "latitude", "longitude", "url", "created_at",
        "registered_at", "first_reaction_due", "first_reaction_at", "answer_due", "answered_at", "final_due",
        "closed_at", "due_at", "warn_at", "version", "updated_at",
    ])
    var messages = BulkTable("message", ["id", "incident_id", "source_id", "external_id", "kind", "author_id", "operator_id", "text", "url", "created_at"])
    var events = BulkTable("event", ["at", "actor", "incident_id", "action", "after"])
    var authorIDs: [Store.AuthorKey: Int64] = [:]
    var messageID: Int64 = 0

    mutating func add(_ item: DemoIncident, references refs: Store.DemoReferences, db: Database) throws {
        let sourceID = refs.sourceIDs[item.source]!
        let key = Store.AuthorKey(source: item.source, number: item.authorNumber)
        let authorID: Int64
        if let known = authorIDs[key] {
            authorID = known
        } else {
            authorID = Int64(authorIDs.count + 1)
            authorIDs[key] = authorID
            let external = "id\(700_000 + item.authorNumber)"
            let profile: String? = switch item.source {
            case .vk: "https://vk.com/\(external)"
            case .ok: "https://ok.ru/profile/\(5_000_000 + item.authorNumber)"
            case .telegram: "https://t.me/user\(item.authorNumber)"
            default: nil
            }
            try authors.add([.of(authorID), .of(sourceID), .of(external), .of(item.authorName), .of(profile)], db: db)
        }
        let lastChange = item.messages.map(\.at).max() ?? item.registeredAt
        let number = Int64(item.number)
        try incidents.add([
            .of(number), .of(number), .of(sourceID), .of(item.externalID), .of(authorID), .of(item.status.rawValue),
            .of(item.priority.rawValue), .of(refs.topicIDs[item.topicIndex]), .of(item.agencyIndex.map { refs.agencyIDs[$0] }),
            .of(item.ownerIndex.map { refs.operatorIDs[$0] }), .of(refs.policyIDs[item.policyCode]), .of(item.place),
            .of(item.latitude), .of(item.longitude), .of(item.url), .of(item.createdAt.unixSeconds), .of(item.registeredAt.unixSeconds),
            .of(item.deadlines.firstReaction?.unixSeconds), .of(item.firstReactionAt?.unixSeconds),
            .of(item.deadlines.answer?.unixSeconds), .of(item.answeredAt?.unixSeconds), .of(item.deadlines.final?.unixSeconds),
            .of(item.closedAt?.unixSeconds), .of(item.dueAt?.unixSeconds), .of(item.warnAt?.unixSeconds),
            .integer(1), .of(max(lastChange, item.registeredAt).unixSeconds),
        ], db: db)
        for (index, entry) in item.messages.enumerated() {
            messageID += 1
            let fromCitizen = entry.kind.isFromCitizen
            let first = index == 0
            try messages.add([
                .of(messageID), .of(number), first ? .of(sourceID) : nil, first ? .of(item.externalID) : nil,
                .of(entry.kind.rawValue), fromCitizen ? .of(authorID) : nil,
                fromCitizen ? nil : .of(entry.operatorIndex.map { refs.operatorIDs[$0] } ?? refs.operatorIDs[0]),
                .of(entry.text), first ? .of(item.url) : nil, .of(entry.at.unixSeconds),
            ], db: db)
        }
        try events.add([.of(item.registeredAt.unixSeconds), "system:demo", .of(number), "incident.registered", .of(item.status.rawValue)], db: db)
    }

    /// Writes what is buffered (at the end of each transaction).
    mutating func flush(db: Database) throws {
        try authors.flush(db: db)
        try incidents.flush(db: db)
        try messages.flush(db: db)
        try events.flush(db: db)
    }
}

extension Date {
    /// Whole Unix seconds, the store's representation of an instant.
    var unixSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    init(unixSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(unixSeconds)) }
}
