import Foundation
import GRDB
import OtklikCore

/// The inbox in the orders of `InboxSort` other than the deadline (which `inboxPage`
/// serves as before).
///
/// A page is found in two steps, as filtered pages are: first the ids of the page, from
/// index entries (`incident_by_created`, the unique index on `number`, and v7's
/// `incident_sort_by_status` and `incident_filter_by_agency`), then the rows of those ids.
/// OFFSET still walks entries one by one, so pages in the second half of the unfiltered
/// inbox are read backwards from its end.
extension Store {
    /// A page of the incidents that pass `filter` at `now`, in `sort` order. The count is
    /// `inboxCount(filter:…)`, whatever the order.
    public func inboxPage(filter: InboxFilter, sort: InboxSort, operatorLogin: String?, now: Date,
                          offset: Int, limit: Int) throws -> [IncidentSummary] {
        if sort == .deadline {
            return try inboxPage(filter: filter, operatorLogin: operatorLogin, now: now, offset: offset, limit: limit)
        }
        return try inboxPage(filter: filter, sort: sort, operatorLogin: operatorLogin, now: now, offset: offset, limit: limit,
                             backwardsFrom: 20_000)
    }

    func inboxPage(filter: InboxFilter, sort: InboxSort, operatorLogin: String?, now: Date,
                   offset: Int, limit: Int, backwardsFrom: Int) throws -> [IncidentSummary] {
        guard limit > 0 else { return [] }
        return try pool.read { db in
            let clause: FilterClause
            if filter.isEmpty {
                clause = FilterClause.none
            } else {
                guard let filtered = try FilterClause(filter, operatorLogin: operatorLogin, now: now, db: db) else { return [] }
                clause = filtered
            }
            let segments = try SortSegment.segments(sort, db: db)
            var ids: [Int64]
            // Deep pages of the unfiltered inbox: the same rows, read from the end.
            let total = filter.isEmpty && offset >= backwardsFrom ? try Int.fetchOne(db, sql: "SELECT count(*) FROM incident") ?? 0 : 0
            if filter.isEmpty && offset >= backwardsFrom && offset > total / 2 {
                let end = min(total, offset + limit)
                guard end > offset else { return [] }
                ids = try Self.pageIDs(db, segments.reversed(), clause: clause, reversed: true, offset: total - end, limit: end - offset)
                ids.reverse()
            } else {
                ids = try Self.pageIDs(db, segments, clause: clause, reversed: false, offset: offset, limit: limit)
            }
            return try Self.summaries(db, ids: ids)
        }
    }

    /// The ids of `limit` incidents from `offset` in the concatenation of `segments`.
    static func pageIDs(_ db: Database, _ segments: [SortSegment], clause: FilterClause, reversed: Bool,
                        offset: Int, limit: Int) throws -> [Int64] {
        var ids: [Int64] = []
        var skip = offset
        for (index, segment) in segments.enumerated() where ids.count < limit {
            let whereSQL = segment.whereSQL(clause)
            if skip > 0 && index < segments.count - 1 {
                // A run that ends before the page is skipped whole.
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM incident i \(whereSQL)", arguments: clause.arguments) ?? 0
                if skip >= count {
                    skip -= count
                    continue
                }
            }
            var arguments = clause.arguments
            arguments += [limit - ids.count, skip]
            ids += try Int64.fetchAll(db, sql: """
                SELECT i.id FROM incident i \(whereSQL) ORDER BY \(reversed ? segment.backward : segment.forward) LIMIT ? OFFSET ?
                """, arguments: arguments)
            skip = 0
        }
        return ids
    }

    /// The summaries of `ids`, in that order.
    static func summaries(_ db: Database, ids: [Int64]) throws -> [IncidentSummary] {
        guard !ids.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: "\(summarySelect) WHERE i.id IN (\(placeholders))",
                                    arguments: StatementArguments(ids)).map(summary)
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
        return ids.compactMap { byID[$0] }
    }
}

/// One run of an order: the incidents that meet `condition` (with the filter's), walked in
/// `forward` order. Most orders are one run; "by agency" is one run of incidents without
/// an agency (they still need routing), then one per agency in the order of its short name
/// (SQLite's BINARY order, from the unique index on `agency.short_name`), each an index
/// range of `incident_filter_by_agency` in deadline order.
struct SortSegment {
    let condition: String?
    let forward: String
    let backward: String

    func whereSQL(_ clause: FilterClause) -> String {
        guard let condition else { return clause.sql }
        return clause.sql.isEmpty ? "WHERE \(condition)" : "\(clause.sql) AND \(condition)"
    }

    static func segments(_ sort: InboxSort, db: Database) throws -> [SortSegment] {
        let deadline = SchemaV7.deadlineKey("i.due_at")
        let byDeadline = (forward: "\(deadline), i.id", backward: "\(deadline) DESC, i.id DESC")
        switch sort {
        case .deadline:
            return [SortSegment(condition: nil, forward: byDeadline.forward, backward: byDeadline.backward)]
        case .newest:
            return [SortSegment(condition: nil, forward: "i.created_at DESC, i.id DESC", backward: "i.created_at, i.id")]
        case .number:
            return [SortSegment(condition: nil, forward: "i.number", backward: "i.number DESC")]
        case .status:
            let rank = "(\(SchemaV7.statusRank("i.status")))"
            return [SortSegment(condition: nil, forward: "\(rank), \(byDeadline.forward)",
                                backward: "\(rank) DESC, \(byDeadline.backward)")]
        case .agency:
            // Row ids from the store itself, not typed text: safe to write into the SQL.
            let agencies = try Int64.fetchAll(db, sql: "SELECT id FROM agency ORDER BY short_name")
            return [SortSegment(condition: "i.agency_id IS NULL", forward: byDeadline.forward, backward: byDeadline.backward)]
                + agencies.map { SortSegment(condition: "i.agency_id = \($0)", forward: byDeadline.forward, backward: byDeadline.backward) }
        }
    }
}

extension FilterClause {
    init(sql: String, arguments: StatementArguments) {
        self.sql = sql
        self.arguments = arguments
    }

    /// No condition.
    static var none: FilterClause { FilterClause(sql: "", arguments: StatementArguments()) }
}
