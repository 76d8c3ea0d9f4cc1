import Foundation
import GRDB
import OtklikCore
import OtklikIngest

extension Store {
    /// Writes a batch of ingested entries in one short IMMEDIATE transaction and returns
    /// each entry's outcome, in order. Exactly once: a message is keyed by (source,
    /// external id), so a re-run after a crash, or a second ingest process reading the
    /// same input, finds it stored and reports a duplicate (or an edit, when the text
    /// changed). A record the store cannot take (an unknown topic) is quarantined, not
    /// lost; the batch goes on. Rules: docs/ingest.md.
    ///
    /// `cache`, kept by a caller that writes many batches, saves reloading calendars.
    public func ingest(_ entries: [IngestEntry], at now: Date, actor: String = "ingest",
                       cursor: IngestCursor? = nil, cache: IngestCache = IngestCache()) throws -> [IngestOutcome] {
        try pool.writeWithoutTransaction { db in
            var outcomes: [IngestOutcome] = []
            let feed = bulkSession.feed
            var registered: [(Int64, String)] = []
            func write() throws { try db.inTransaction(.immediate) {
                outcomes = []
                var context = try IngestContext(db, cache: cache)
                if feed != nil { context.registeredTexts = [] }
                for entry in entries {
                    outcomes.append(try context.write(entry, db: db, now: now, actor: actor))
                }
                try context.pending.flush(db: db)
                registered = context.registeredTexts ?? []
                if let cursor {
                    try db.cachedStatement(sql: """
                        INSERT INTO ingest_cursor(path, byte_offset, line, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT(path) DO UPDATE SET byte_offset = excluded.byte_offset, line = excluded.line,
                            updated_at = excluded.updated_at
                        """).execute(arguments: [cursor.path, cursor.byteOffset, cursor.line, now.unixSeconds])
                }
                return .commit
            } }
            do { try write() } catch {
                cache.forgetAfterFailedTransaction()
                throw error
            }
            feed?.append(registered)
            return outcomes
        }
    }

    /// Where a followed file was read up to, if it was followed before.
    public func ingestCursor(path: String) throws -> IngestCursor? {
        try pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT byte_offset, line FROM ingest_cursor WHERE path = ?"), arguments: [path])
                .map { IngestCursor(path: path, byteOffset: $0[0], line: $0[1]) }
        }
    }
}

/// What one ingest run keeps across its batches: the store's reference data (with the
/// working calendars) while no other connection writes, and the authors met. Used by one
/// writer thread at a time.
public final class IngestCache: @unchecked Sendable {
    /// Authors met in this run, by their run-local number (`Sighting`): their id and the
    /// version of their name and link as stored. People write again and again: a known
    /// author under the same name costs no statement. Authors are never deleted, so an id
    /// stays valid; the slots are emptied when a transaction fails (its new ids are gone).
    var authorSlots: [(id: Int64, version: Int)?] = []
    /// The store's reference data, as long as it cannot have changed.
    var reference: IngestReference?
    /// Whether every message in the store was stored by this run: so from a first
    /// transaction that found none, until another connection commits (`PRAGMA
    /// data_version` moves) or a transaction fails. Nil before the first transaction.
    public private(set) var holdsEveryMessage: Bool?
    private var dataVersion: Int64 = 0

    /// Called at the start of each transaction.
    func noteTransaction(dataVersion version: Int64, storeHasMessages: Bool) {
        switch holdsEveryMessage {
        case nil: holdsEveryMessage = !storeHasMessages
        case true?: if version != dataVersion { holdsEveryMessage = false }
        case false?: break
        }
        dataVersion = version
    }

    /// A failed transaction takes its new authors and messages with it.
    func forgetAfterFailedTransaction() {
        authorSlots.removeAll()
        if holdsEveryMessage == true { holdsEveryMessage = false }
    }

    /// Whether a record can be known to the store: not when its key is new to a run that
    /// stored every message there is.
    func mayBeStored(_ sighting: Sighting?) -> Bool {
        !(holdsEveryMessage == true && sighting?.firstOfKey == true)
    }

    public init() {}
}

/// What one ingest transaction looks up once: sources, and reference data with the
/// calendars (kept across transactions, `IngestReference`).
struct IngestContext {
    var sources: [SourceKind: Int64] = [:]
    let reference: IngestReference
    let cache: IngestCache
    var nextNumber: Int
    let statements: Statements
    var deadlineMemo: [DeadlineKey: (IncidentDeadlines, Date?, Date?)] = [:]
    var pending: PendingRows
    /// New incidents' ids and texts, collected for a first bulk load's `FullTextFeed`.
    var registeredTexts: [(Int64, String)]?

    var policies: [(id: Int64?, policy: SLAPolicy)] { reference.policies }

    /// New incidents with their first message and events, written as multi-row INSERTs at
    /// the end of the transaction (or before a look-up that could concern them). Row ids
    /// are handed out here: inside the IMMEDIATE transaction no other writer can take one.
    struct PendingRows {
        struct Key: Hashable {
            let source: Int64
            let externalID: String
        }

        var nextIncidentID: Int64
        var nextMessageID: Int64
        var keys: Set<Key> = []
        var incidents = BulkTable("incident", [
            "id", "number", "source_id", "external_id", "author_id", "status", "priority", "topic_id", "agency_id",
            "sla_policy_id", "place", "latitude", "longitude", "url", "created_at", "registered_at",
            "first_reaction_due", "answer_due", "final_due", "closed_at", "due_at", "warn_at", "updated_at",
        ])
        var messages = BulkTable("message", [
            "id", "incident_id", "source_id", "external_id", "parent_id", "kind", "author_id", "text", "url", "created_at", "edited_at",
        ])
        var events = BulkTable("event", ["at", "actor", "incident_id", "action", "field", "after"])
        private var rows = 0

        init(_ db: Database) throws {
            nextIncidentID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM incident")!
            nextMessageID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM message")!
        }

        /// Whether a look-up of this message must first write the pending rows.
        func holds(_ source: Int64, _ externalID: String) -> Bool {
            keys.contains(Key(source: source, externalID: externalID))
        }

        /// Counts one more registration; writes everything after 30 (at most 30 incidents,
        /// 30 messages, 60 events), before any table's 64-row statement would fill up and
        /// write itself, so incidents always go before the messages and events that refer
        /// to them.
        mutating func added(db: Database) throws {
            rows += 1
            if rows == 30 { try flush(db: db) }
        }

        mutating func flush(db: Database) throws {
            try incidents.flush(db: db)
            try messages.flush(db: db)
            try events.flush(db: db)
            keys.removeAll(keepingCapacity: true)
            rows = 0
        }
    }

    /// The statements run for every record, through SQLite's C API.
    struct Statements {
        let existing: FastStatement
        let author: FastStatement
        let newAuthor: FastStatement
        let message: FastStatement

        init(_ db: Database) throws {
            existing = try FastStatement(db, """
                SELECT m.id, m.text, m.kind, m.incident_id, i.number FROM message m JOIN incident i ON i.id = m.incident_id
                WHERE m.source_id = ? AND m.external_id = ?
                """)
            author = try FastStatement(db, "SELECT id, name, profile_url FROM author WHERE source_id = ? AND external_id = ?")
            newAuthor = try FastStatement(db, """
                INSERT INTO author(source_id, external_id, name, profile_url) VALUES (?, ?, ?, ?)
                ON CONFLICT(source_id, external_id) DO NOTHING
                """)
            message = try FastStatement(db, """
                INSERT INTO message(incident_id, source_id, external_id, parent_id, kind, author_id, text, url, created_at, edited_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        }
    }

    init(_ db: Database, cache: IngestCache) throws {
        self.cache = cache
        statements = try Statements(db)
        reference = try IngestReference.current(db, known: cache.reference)
        cache.reference = reference
        nextNumber = try Int.fetchOne(db, sql: "SELECT coalesce(max(number), 0) + 1 FROM incident")!
        pending = try PendingRows(db)
        cache.noteTransaction(dataVersion: reference.dataVersion, storeHasMessages: pending.nextMessageID > 1)
    }

    mutating func write(_ entry: IngestEntry, db: Database, now: Date, actor: String) throws -> IngestOutcome {
        switch entry.payload {
        case .filtered(let reason):
            return .filtered(reason)
        case .invalid(let reason):
            return try quarantine(entry, reason: reason, db: db, now: now)
        case .record(let record, let verdict):
            if case .noise(let reason) = verdict.disposition {
                // New noise is not stored; a known message edited into noise is still an
                // edit of what is stored (below).
                if try existing(record, sighting: entry.sighting, db: db) == nil { return .filtered(reason) }
            }
            do {
                return try store(record, verdict: verdict, sighting: entry.sighting, db: db, now: now, actor: actor)
            } catch let rejection as Rejection {
                return try quarantine(entry, reason: rejection.reason, db: db, now: now)
            }
        }
    }

    struct Rejection: Error {
        let reason: String
    }

    // MARK: Messages

    /// A stored message with the record's key: its id, text, kind, incident id and number.
    struct Known {
        let messageID: Int64
        let text: String
        let kind: String
        let incidentID: Int64
        let number: Int
    }

    mutating func existing(_ record: IngestRecord, sighting: Sighting?, db: Database) throws -> Known? {
        guard cache.mayBeStored(sighting) else { return nil }
        let source = try sourceID(record.source, db: db)
        if pending.holds(source, record.externalID) { try pending.flush(db: db) }
        return try statements.existing.first([.of(source), .of(record.externalID)]) { row in
            Known(messageID: row.int64(0), text: row.text(1) ?? "", kind: row.text(2) ?? "", incidentID: row.int64(3),
                  number: Int(row.int64(4)))
        }
    }

    mutating func store(_ record: IngestRecord, verdict: IntakeVerdict, sighting: Sighting?, db: Database, now: Date,
                        actor: String) throws -> IngestOutcome {
        let text = PlainText.trimmed(record.text)
        if let known = try existing(record, sighting: sighting, db: db) {
            return try edit(known, record: record, text: text, db: db, now: now, actor: actor)
        }
        let source = try sourceID(record.source, db: db)
        let author = try authorID(record, sighting: sighting, source: source, db: db)
        // A comment or reply joins the thread of the message it answers when the same
        // person wrote it; another person's comment is an incident of its own.
        for parentKey in [record.parentID, record.threadID].compactMap({ $0 }) {
            if pending.holds(source, parentKey) { try pending.flush(db: db) }
            guard let parent = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT m.id, m.incident_id, i.number, i.author_id, i.status FROM message m JOIN incident i ON i.id = m.incident_id
                WHERE m.source_id = ? AND m.external_id = ?
                """), arguments: [source, parentKey]) else { continue }
            let parentAuthor: Int64? = parent[3]
            if author == nil || parentAuthor == nil || parentAuthor == author {
                return try followUp(record, text: text, parent: parent, source: source, author: author, db: db, now: now, actor: actor)
            }
            return try register(record, verdict: verdict, text: text, source: source, author: author,
                                parentMessage: parent[0], db: db, now: now, actor: actor)
        }
        return try register(record, verdict: verdict, text: text, source: source, author: author,
                            parentMessage: nil, db: db, now: now, actor: actor)
    }

    func edit(_ known: Known, record: IngestRecord, text: String, db: Database, now: Date, actor: String) throws -> IngestOutcome {
        let messageID = known.messageID
        let oldText = known.text
        let incidentID = known.incidentID
        let number = known.number
        let newText = Self.body(record, text: text)
        guard oldText != newText else { return .duplicate }
        let editedAt = record.editedAt ?? now
        try db.cachedStatement(sql: "INSERT INTO message_revision(message_id, text, replaced_at) VALUES (?, ?, ?)").execute(arguments: [messageID, oldText, editedAt.unixSeconds])
        try db.cachedStatement(sql: "UPDATE message SET text = ?, edited_at = ? WHERE id = ?").execute(arguments: [newText, editedAt.unixSeconds, messageID])
        if known.kind == MessageKind.citizenPost.rawValue {
            // The inbox shows the post's start (SchemaV11): the row changed for it.
            try db.cachedStatement(sql: "UPDATE incident SET version = version + 1, updated_at = ? WHERE id = ?").execute(arguments: [now.unixSeconds, incidentID])
        }
        try db.cachedStatement(sql: "INSERT INTO event(at, actor, incident_id, action, field) VALUES (?, ?, ?, 'message.edited', 'text')").execute(arguments: [now.unixSeconds, actor, incidentID])
        return .edited(number)
    }

    /// A citizen's later message in a known thread. On an answered or closed incident it
    /// reopens the incident; there, and on one waiting for the citizen, it starts the
    /// next-reply clock (the policy's first-reaction target from now).
    mutating func followUp(_ record: IngestRecord, text: String, parent: Row, source: Int64, author: Int64?,
                           db: Database, now: Date, actor: String) throws -> IngestOutcome {
        let incidentID: Int64 = parent[1]
        let number: Int = parent[2]
        let status = IncidentStatus(rawValue: parent[4]) ?? .new
        try insertMessage(record, text: text, incident: incidentID, parent: parent[0], kind: .citizenFollowUp,
                          source: source, author: author, db: db)
        try db.cachedStatement(sql: "INSERT INTO event(at, actor, incident_id, action) VALUES (?, ?, ?, 'message.followup')").execute(arguments: [now.unixSeconds, actor, incidentID])
        guard [.answered, .closed, .waitingCitizen].contains(status) else {
            try db.cachedStatement(sql: "UPDATE incident SET version = version + 1, updated_at = ? WHERE id = ?").execute(arguments: [now.unixSeconds, incidentID])
            return .followUp(number, reopened: false)
        }
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT sla_policy_id, agency_id, priority FROM incident WHERE id = ?"), arguments: [incidentID])!
        let policyID: Int64? = row[0]
        let priority = Priority(rawValue: row[2]) ?? .normal
        let policy = policies.first { $0.id != nil && $0.id == policyID }?.policy
            ?? SLAPolicy.select(from: policies.map(\.policy), source: record.source, priority: priority) ?? .socialStandard
        let calendar = try calendar(agency: row[1], db: db)
        let due = policy.firstReaction.deadline(from: now, in: calendar)
        let warn = due.map { IncidentDeadlines.warning(start: now, due: $0, percent: policy.warningPercent) }
        try db.cachedStatement(sql: """
            UPDATE incident SET status = 'in_progress', closed_at = NULL, due_at = ?, warn_at = ?,
                version = version + 1, updated_at = ? WHERE id = ?
            """).execute(arguments: [due?.unixSeconds, warn?.unixSeconds, now.unixSeconds, incidentID])
        try db.cachedStatement(sql: """
            INSERT INTO event(at, actor, incident_id, action, field, before, after)
            VALUES (?, ?, ?, 'incident.reopened', 'status', ?, 'in_progress')
            """).execute(arguments: [now.unixSeconds, actor, incidentID, status.rawValue])
        // The SLA engine recounts the clocks from the events, the follow-up included.
        var resolver = try SLAResolver(db)
        try Store.refreshSLA(db, incidentID: incidentID, now: now, resolver: &resolver, bumpVersion: false)
        return .followUp(number, reopened: status != .waitingCitizen)
    }

    mutating func register(_ record: IngestRecord, verdict: IntakeVerdict, text: String, source: Int64, author: Int64?,
                           parentMessage: Int64?, db: Database, now: Date, actor: String) throws -> IngestOutcome {
        var topic: (id: Int64, agency: Int64?)?
        if let code = record.topicCode {
            guard let known = reference.topics[code] else { throw Rejection(reason: "unknown topic \"\(code)\"") }
            topic = known
        } else if let code = verdict.topic {
            topic = reference.topics[code]  // a route to a topic this store lacks routes nowhere
        }
        var agency = topic?.agency
        if let name = verdict.agency ?? record.agencyName, let named = reference.agencyID(named: name) {
            agency = named
        }
        let priority: Priority = verdict.important ? .high : .normal
        let (policy, policyID) = try reference.policy(source: record.source, priority: priority, topic: topic?.id, db: db)
        let registeredAt = max(now, record.createdAt)
        var status = IncidentStatus.new
        var closedAt: Date?
        var deadlines = IncidentDeadlines(firstReaction: nil, answer: nil, final: nil)
        var due: Date?
        var warn: Date?
        if case .noAnswer = verdict.disposition {
            status = .noAnswer
            closedAt = now
        } else {
            (deadlines, due, warn) = try initialDeadlines(policy: policy, agency: agency, registeredAt: registeredAt, db: db)
        }
        let number = nextNumber
        nextNumber += 1
        let body = Self.body(record, text: text)
        let incidentID = pending.nextIncidentID
        pending.nextIncidentID += 1
        try pending.incidents.add([
            .of(incidentID), .of(number), .of(source), .of(record.externalID), .of(author), .of(status.rawValue),
            .of(priority.rawValue), .of(topic?.id), .of(agency), .of(policyID), .of(record.place),
            .of(record.latitude), .of(record.longitude), .of(record.url),
            .of(min(record.createdAt, registeredAt).unixSeconds), .of(registeredAt.unixSeconds),
            .of(deadlines.firstReaction?.unixSeconds), .of(deadlines.answer?.unixSeconds), .of(deadlines.final?.unixSeconds),
            .of(closedAt?.unixSeconds), .of(due?.unixSeconds), .of(warn?.unixSeconds), .of(now.unixSeconds),
        ], db: db)
        let messageID = pending.nextMessageID
        pending.nextMessageID += 1
        try pending.messages.add([
            .of(messageID), .of(incidentID), .of(source), .of(record.externalID), .of(parentMessage),
            .of(MessageKind.citizenPost.rawValue), .of(author), .of(body), .of(record.url), .of(record.createdAt.unixSeconds),
            .of(record.editedAt?.unixSeconds),
        ], db: db)
        pending.keys.insert(PendingRows.Key(source: source, externalID: record.externalID))
        registeredTexts?.append((incidentID, body))
        try pending.events.add([.of(now.unixSeconds), .of(actor), .of(incidentID), "incident.registered", nil, .of(status.rawValue)], db: db)
        if case .noAnswer(let reason) = verdict.disposition {
            try pending.events.add([.of(now.unixSeconds), .of(actor), .of(incidentID), "incident.no_answer", "reason", .of(reason)], db: db)
        }
        try pending.added(db: db)
        return .registered(number)
    }

    /// The stored text of a message. Attachments have no table of their own yet: their
    /// links follow the text, so an operator sees them in the thread and search finds them.
    static func body(_ record: IngestRecord, text: String) -> String {
        var body = text
        let links = record.attachments.map { a in "[\(a.type)\(a.name.map { ": \($0)" } ?? "")]\(a.url.map { " \($0)" } ?? "")" }
        if !links.isEmpty { body += (body.isEmpty ? "" : "\n\n") + links.joined(separator: "\n") }
        return body
    }

    struct DeadlineKey: Hashable {
        let policy: String
        let agency: Int64?
        let registeredAt: Date
    }

    /// The deadlines of a new incident. Records of one batch are mostly registered at the
    /// same moment, so they are computed once per policy and agency.
    mutating func initialDeadlines(policy: SLAPolicy, agency: Int64?, registeredAt: Date,
                                   db: Database) throws -> (IncidentDeadlines, Date?, Date?) {
        let key = DeadlineKey(policy: policy.code, agency: agency, registeredAt: registeredAt)
        if let known = deadlineMemo[key] { return known }
        let deadlines = IncidentDeadlines.initial(policy: policy, registeredAt: registeredAt, calendar: try calendar(agency: agency, db: db))
        let due = deadlines.current(status: .new, reacted: false)
        let warn = due.map { IncidentDeadlines.warning(start: registeredAt, due: $0, percent: policy.warningPercent) }
        deadlineMemo[key] = (deadlines, due, warn)
        return (deadlines, due, warn)
    }

    /// A message written at once (a follow-up): pending rows go first, and the next
    /// handed-out message id follows the one SQLite chose.
    mutating func insertMessage(_ record: IngestRecord, text: String, incident: Int64, parent: Int64?, kind: MessageKind,
                                source: Int64, author: Int64?, db: Database) throws {
        try pending.flush(db: db)
        let body = Self.body(record, text: text)
        try statements.message.execute([.of(incident), .of(source), .of(record.externalID), .of(parent), .of(kind.rawValue), .of(author),
                                        .of(body), .of(record.url), .of(record.createdAt.unixSeconds), .of(record.editedAt?.unixSeconds)])
        pending.nextMessageID = db.lastInsertedRowID + 1
    }

    // MARK: Look-ups

    mutating func sourceID(_ kind: SourceKind, db: Database) throws -> Int64 {
        if let id = sources[kind] { return id }
        let id = try Store.sourceID(db, kind: kind)
        sources[kind] = id
        return id
    }

    /// The author's id: from the run's slot when the parsing side numbered them and their
    /// name is as resolved (`Sighting`), else from the store.
    func authorID(_ record: IngestRecord, sighting: Sighting?, source: Int64, db: Database) throws -> Int64? {
        guard let author = record.author else { return nil }
        guard let seen = sighting?.author else { return try resolve(author, source: source, db: db) }
        if seen.slot < cache.authorSlots.count, let known = cache.authorSlots[seen.slot], known.version == seen.version {
            return known.id
        }
        let id = try resolve(author, source: source, db: db)
        if seen.slot >= cache.authorSlots.count {
            cache.authorSlots.append(contentsOf: repeatElement(nil, count: seen.slot - cache.authorSlots.count + 1))
        }
        cache.authorSlots[seen.slot] = (id, seen.version)
        return id
    }

    /// Stores a new person, or finds a known one and brings their name and link up to date.
    func resolve(_ author: IngestRecord.Author, source: Int64, db: Database) throws -> Int64 {
        // A new person is one statement (the insert's uniqueness check is the look-up);
        // a known one is read after the insert finds them.
        try statements.newAuthor.execute([.of(source), .of(author.id), .of(author.name), .of(author.profileURL)])
        if db.changesCount > 0 { return db.lastInsertedRowID }
        let stored = try statements.author.first([.of(source), .of(author.id)]) { row in
            (id: row.int64(0), name: row.text(1) ?? "", profileURL: row.text(2))
        }
        guard let stored else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "author \(author.id) neither inserted nor found")
        }
        if author.changes(name: stored.name, profileURL: stored.profileURL) {
            try db.cachedStatement(sql: "UPDATE author SET name = ?, profile_url = coalesce(?, profile_url) WHERE id = ?")
                .execute(arguments: [author.name, author.profileURL, stored.id])
        }
        return stored.id
    }

    func calendar(agency: Int64?, db: Database) throws -> WorkingCalendar {
        try reference.calendar(agency: agency, db: db)
    }

    // MARK: Quarantine

    func quarantine(_ entry: IngestEntry, reason: String, db: Database, now: Date) throws -> IngestOutcome {
        try db.cachedStatement(sql: """
            INSERT INTO quarantine(format, file, line, byte_offset, reason, raw, received_at, fingerprint)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING
            """).execute(arguments: [entry.format, entry.file, entry.position.line, entry.position.byteOffset, reason, entry.raw,
                             now.unixSeconds, Self.fingerprint(entry)])
        return .quarantined(reason)
    }

    /// The same bad record read again (a re-run, a second process) is held once: keyed by
    /// format, file name, position and content.
    static func fingerprint(_ entry: IngestEntry) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        }
        mix(entry.format.utf8)
        mix((entry.file as NSString).lastPathComponent.utf8)
        mix(String(entry.position.line ?? -1).utf8)
        mix(String(entry.position.byteOffset ?? -1).utf8)
        mix((entry.position.path ?? "").utf8)
        mix(entry.raw)
        return String(hash, radix: 16) + ":" + String(entry.raw.count)
    }
}
