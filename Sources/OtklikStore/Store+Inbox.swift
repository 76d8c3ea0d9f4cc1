import Foundation
import GRDB
import OtklikCore

/// Read queries behind the inbox.
extension Store {
    /// The columns of an `IncidentSummary`, joined from their tables.
    static let summarySelect = """
        SELECT i.id, i.number, s.kind, i.status, i.priority, t.name AS topic, a.short_name AS agency,
               o.login AS owner, i.created_at, i.due_at, i.warn_at, \(SchemaV11.excerpt) AS excerpt, i.version
        FROM incident i
        JOIN source s ON s.id = i.source_id
        LEFT JOIN topic t ON t.id = i.topic_id
        LEFT JOIN agency a ON a.id = i.agency_id
        LEFT JOIN operator o ON o.id = i.owner_id
        """

    /// Running clocks first, nearest deadline first, then by id: the key of
    /// `incident_filter_by_order` (SchemaV10). No Unix time reaches Int64.max, so stopped
    /// clocks come last.
    static let inboxOrder = "ORDER BY coalesce(i.due_at, \(SchemaV3.noDeadline)), i.id"

    static func summary(_ row: Row) -> IncidentSummary {
        IncidentSummary(
            id: row[0], number: row[1],
            source: SourceKind(rawValue: row[2]) ?? .email,
            status: IncidentStatus(rawValue: row[3]) ?? .new,
            priority: Priority(rawValue: row[4]) ?? .normal,
            topicName: row[5], agencyShortName: row[6], ownerLogin: row[7],
            createdAt: Date(unixSeconds: row[8]),
            dueAt: (row[9] as Int64?).map(Date.init(unixSeconds:)),
            warnAt: (row[10] as Int64?).map(Date.init(unixSeconds:)),
            excerpt: row[11], version: row[12])
    }

    /// The number of incidents in the inbox.
    public func inboxCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM incident") ?? 0 }
    }

    /// The inbox order backwards, for pages near the end.
    static let inboxOrderReversed = "ORDER BY coalesce(i.due_at, \(SchemaV3.noDeadline)) DESC, i.id DESC"

    /// A page of the inbox sorted by nearest deadline.
    ///
    /// OFFSET walks the index entry by entry, so a page is as slow as it is deep (half a
    /// second half-way through a million incidents). Pages in the second half are read
    /// backwards from the end, so `G` — the last page — is as fast as the first.
    public func inboxPage(offset: Int, limit: Int) throws -> [IncidentSummary] {
        try inboxPage(offset: offset, limit: limit, backwardsFrom: 20_000)
    }

    /// Pages from `backwardsFrom` on may be read backwards (nearer the top there is no
    /// need to count the inbox first).
    func inboxPage(offset: Int, limit: Int, backwardsFrom: Int) throws -> [IncidentSummary] {
        try pool.read { db in
            let total = offset < backwardsFrom ? 0 : try Int.fetchOne(db, sql: "SELECT count(*) FROM incident") ?? 0
            guard offset >= backwardsFrom, offset > total / 2 else {
                return try Row.fetchAll(db, sql: "\(Self.summarySelect) \(Self.inboxOrder) LIMIT ? OFFSET ?",
                                        arguments: [limit, offset]).map(Self.summary)
            }
            let end = min(total, offset + limit)
            guard end > offset else { return [] }
            return try Row.fetchAll(db, sql: "\(Self.summarySelect) \(Self.inboxOrderReversed) LIMIT ? OFFSET ?",
                                    arguments: [end - offset, total - end]).map(Self.summary).reversed()
        }
    }

    /// How many incidents are in each status.
    public func countByStatus() throws -> [IncidentStatus: Int] {
        try pool.read { db in
            var result: [IncidentStatus: Int] = [:]
            // Grouped by rank: the walk of `incident_sort_by_status` (SchemaV9).
            let rank = SchemaV7.statusRank("status")
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) FROM incident GROUP BY (\(rank))") {
                if let status = IncidentStatus(rawValue: row[0]) { result[status] = row[1] }
            }
            return result
        }
    }

    /// The header's counters at `now`.
    public func counters(now: Date) throws -> InboxCounters {
        try pool.read { db in
            let t = now.unixSeconds
            let row = try Row.fetchOne(db, sql: """
                SELECT
                  (SELECT count(*) FROM incident i WHERE \(SchemaV9.statusIn([.new]))),
                  (SELECT count(*) FROM incident i WHERE \(SchemaV9.statusIn(IncidentStatus.allCases.filter { !$0.isTerminal }))),
                  (SELECT count(*) FROM incident WHERE warn_at <= ?1 AND due_at > ?1),
                  (SELECT count(*) FROM incident WHERE due_at <= ?1)
                """, arguments: [t])!
            return InboxCounters(new: row[0], open: row[1], atRisk: row[2], overdue: row[3])
        }
    }

    /// Incidents whose thread contains every word of `text` (ё and е match each other,
    /// the last word matches as a prefix), nearest deadline first.
    public func search(_ text: String, limit: Int) throws -> [IncidentSummary] {
        let filter = InboxFilter(words: [text])
        guard filter.fullTextQuery != nil else { return [] }
        return try pool.read { db in
            guard let clause = try FilterClause(filter, operatorLogin: nil, now: Date(), db: db) else { return [] }
            var arguments = clause.arguments
            arguments += [limit]
            return try Row.fetchAll(db, sql: """
                \(Self.summarySelect)
                \(clause.sql)
                \(Self.inboxOrder) LIMIT ?
                """, arguments: arguments).map(Self.summary)
        }
    }

    /// Above this many matching incidents, a search walks the inbox instead of looking
    /// each match up (`FilterClause`).
    static let commonWordMatches = 5_000

    /// The name of the center and its region, for the console's header.
    public func centerName() throws -> String {
        try setting("center.name") ?? "Отклик"
    }
}

/// Who is logged in, as the store knows them.
public struct OperatorProfile: Sendable, Equatable {
    public let login: String
    public let name: String
    public let role: OperatorRole
}

extension Store {
    public func operatorProfile(login: String) throws -> OperatorProfile? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT login, name, role FROM operator WHERE login = ?", arguments: [login]) else { return nil }
            return OperatorProfile(login: row[0], name: row[1], role: OperatorRole(rawValue: row[2]) ?? .operator)
        }
    }
}
