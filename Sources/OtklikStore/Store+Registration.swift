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
    /// policy (by source, priority and topic) in the responsible agency's calendar (the SLA
    /// engine, `refreshSLA`), and its audit event — in one short transaction. Returns the
    /// incident's number.
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
            // Deadlines come from the SLA engine once the incident and its first message exist.
            let registeredAt = max(now, new.createdAt)
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
                    created_at, registered_at, updated_at)
                VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    number, sourceID, externalID, authorID, new.priority.rawValue, topicID, agencyID,
                    new.createdAt.unixSeconds, registeredAt.unixSeconds, now.unixSeconds,
                ])
            let incidentID = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO message(incident_id, source_id, external_id, kind, author_id, text, created_at)
                VALUES (?, ?, ?, 'citizen_post', ?, ?, ?)
                """, arguments: [incidentID, sourceID, externalID, authorID, text, new.createdAt.unixSeconds])
            try db.execute(sql: "INSERT INTO event(at, actor, incident_id, action, after) VALUES (?, ?, ?, 'incident.registered', 'new')",
                           arguments: [now.unixSeconds, actor, incidentID])
            var resolver = try SLAResolver(db)
            try Self.refreshSLA(db, incidentID: incidentID, now: now, resolver: &resolver, bumpVersion: false)
            return number
        }
    }

    /// The source row for a kind, created on first use.
    static func sourceID(_ db: Database, kind: SourceKind) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE kind = ? ORDER BY id LIMIT 1", arguments: [kind.rawValue]) {
            return id
        }
        try db.execute(sql: "INSERT INTO source(code, kind, name) VALUES (?, ?, ?)", arguments: [kind.rawValue, kind.rawValue, kind.rawValue])
        return db.lastInsertedRowID
    }
}
