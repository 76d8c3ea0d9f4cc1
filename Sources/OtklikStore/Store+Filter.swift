import Foundation
import GRDB
import OtklikCore

/// The inbox through an `InboxFilter`.
extension Store {
    /// How many incidents pass `filter` at `now`. `operatorLogin` is who "@я" means; with
    /// no operator, "@я" matches nothing.
    public func inboxCount(filter: InboxFilter, operatorLogin: String?, now: Date) throws -> Int {
        if filter.isEmpty { return try inboxCount() }
        return try pool.read { db in
            guard let clause = try FilterClause(filter, operatorLogin: operatorLogin, now: now, db: db) else { return 0 }
            // A search alone: the index counted its matches already.
            if clause.isFullTextOnly, let matches = clause.fullTextMatches { return matches }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM incident i \(clause.sql)", arguments: clause.arguments) ?? 0
        }
    }

    /// A page of the incidents that pass `filter` at `now`, nearest deadline first (the
    /// order of `inboxPage(offset:limit:)`).
    public func inboxPage(filter: InboxFilter, operatorLogin: String?, now: Date, offset: Int, limit: Int) throws -> [IncidentSummary] {
        if filter.isEmpty { return try inboxPage(offset: offset, limit: limit) }
        return try pool.read { db in
            guard let clause = try FilterClause(filter, operatorLogin: operatorLogin, now: now, db: db) else { return [] }
            // The page's ids first, from index entries alone (the indexes of migration v3
            // carry every filtered column), then the rows of those ids.
            var arguments = clause.arguments
            arguments += [limit, offset]
            return try Row.fetchAll(db, sql: """
                \(Self.summarySelect)
                WHERE i.id IN (SELECT i.id FROM incident i \(clause.sql) \(Self.inboxOrder) LIMIT ? OFFSET ?)
                \(Self.inboxOrder)
                """, arguments: arguments).map(Self.summary)
        }
    }
}

/// The WHERE clause of a filter over `incident i`, with its arguments. Typed terms never
/// enter the SQL text: topics, agencies, owners and sources are resolved to row ids in
/// Swift (case and ё folded), everything else is a bound argument.
struct FilterClause {
    /// "WHERE …", or "" when nothing is filtered.
    let sql: String
    let arguments: StatementArguments
    /// How many incidents the full-text part matches, when there is one.
    private(set) var fullTextMatches: Int?
    /// Whether the full-text part is the only condition.
    private(set) var isFullTextOnly = false

    /// Nil when the filter cannot match anything (a term that names no topic, agency or
    /// operator; "@я" without an operator).
    init?(_ filter: InboxFilter, operatorLogin: String?, now: Date, db: Database) throws {
        var conditions: [String] = []
        var arguments = StatementArguments()
        let t = now.unixSeconds

        func list(_ count: Int) -> String { "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")" }
        /// `column IN (ids)`; false when no id matched.
        func ids(_ column: String, _ values: Set<Int64>) -> Bool {
            guard !values.isEmpty else { return false }
            let sorted = values.sorted()
            conditions.append("\(column) IN \(list(sorted.count))")
            arguments += StatementArguments(sorted)
            return true
        }

        // Statuses, with "open" as the non-terminal ones: one IN list an index can seek
        // (NOT IN would scan). Beside an owner condition, the status text, which v3's owner
        // index holds right after the owner; otherwise the rank, which leads v7's status
        // index (SchemaV9). Each form leaves the other index a walk of many entries.
        var statuses = filter.statuses.isEmpty ? nil : Set(filter.statuses)
        if filter.open {
            statuses = (statuses ?? Set(IncidentStatus.allCases)).filter { !$0.isTerminal }
        }
        if let statuses {
            guard !statuses.isEmpty else { return nil }
            if !filter.owners.isEmpty || filter.mine || filter.unassigned {
                let values = statuses.map(\.rawValue).sorted()
                conditions.append("i.status IN \(list(values.count))")
                arguments += StatementArguments(values)
            } else {
                conditions.append(SchemaV9.statusIn(statuses))
            }
        }

        if !filter.sources.isEmpty {
            let kinds = Set(filter.sources.map(\.rawValue))
            let rows = try Row.fetchAll(db, sql: "SELECT id, kind FROM source")
            guard ids("i.source_id", Set(rows.filter { kinds.contains($0[1]) }.map { $0[0] })) else { return nil }
        }
        if !filter.priorities.isEmpty {
            let values = Array(Set(filter.priorities.map(\.rawValue))).sorted()
            conditions.append("i.priority IN \(list(values.count))")
            arguments += StatementArguments(values)
        }
        if !filter.topics.isEmpty {
            guard ids("i.topic_id", try Self.topicIDs(filter.topics, db: db)) else { return nil }
        }
        if !filter.agencies.isEmpty {
            let terms = filter.agencies.map { InboxFilter.fold($0) }
            let rows = try Row.fetchAll(db, sql: "SELECT id, short_name FROM agency")
            let matching = rows.filter { row in
                let name = InboxFilter.fold(row[1] as String)
                return terms.contains { name.hasPrefix($0) }
            }
            guard ids("i.agency_id", Set(matching.map { $0[0] })) else { return nil }
        }
        if !filter.owners.isEmpty || filter.mine {
            let operators = try Row.fetchAll(db, sql: "SELECT id, login FROM operator")
            func operatorIDs(_ logins: [String]) -> Set<Int64> {
                let wanted = Set(logins.map { $0.lowercased() })
                return Set(operators.filter { wanted.contains(($0[1] as String).lowercased()) }.map { $0[0] })
            }
            if !filter.owners.isEmpty {
                guard ids("i.owner_id", operatorIDs(filter.owners)) else { return nil }
            }
            if filter.mine {
                guard let operatorLogin, ids("i.owner_id", operatorIDs([operatorLogin])) else { return nil }
            }
        }
        if filter.unassigned {
            conditions.append("i.owner_id IS NULL")
        }
        if filter.overdue {
            conditions.append("i.due_at <= ?")
            arguments += [t]
        }
        if filter.atRisk {
            conditions.append("i.warn_at <= ? AND i.due_at > ?")
            arguments += [t, t]
        }
        if let since = filter.closedSince {
            // Without statistics on the bound instant SQLite guesses that a range keeps a
            // quarter of the rows and walks the inbox order; "closed since" is a recent
            // slice (today), so say so and let it use incident_filter_by_closed.
            conditions.append("likelihood(i.closed_at >= ?, 0.01)")
            arguments += [Int64(since.timeIntervalSince1970.rounded(.up))]
        }
        if let query = filter.fullTextQuery {
            // Two plans, chosen by how many incidents match. Few: start from the matches
            // and look each incident up. Many (a common word such as «снег»: 14,000 at a
            // million incidents): "+" keeps SQLite from starting there, so it walks an
            // index in the page's order (or of another condition) and probes the match
            // set, which a page of 400 leaves after a few thousand entries.
            let matches = try Int.fetchOne(db, sql: "SELECT count(*) FROM incident_fts WHERE incident_fts MATCH ?",
                                           arguments: [query]) ?? 0
            guard matches > 0 else { return nil }
            let probe = matches > Store.commonWordMatches ? "+" : ""
            conditions.append("\(probe)i.id IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?)")
            arguments += [query]
            fullTextMatches = matches
            isFullTextOnly = conditions.count == 1
        }
        sql = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        self.arguments = arguments
    }

    /// Topics whose folded name starts with a term or whose code equals it, with all
    /// their descendants.
    static func topicIDs(_ terms: [String], db: Database) throws -> Set<Int64> {
        let folded = terms.map { InboxFilter.fold($0) }
        let rows = try Row.fetchAll(db, sql: "SELECT id, parent_id, code, name FROM topic")
        var result = Set<Int64>()
        var children: [Int64: [Int64]] = [:]
        for row in rows {
            let id: Int64 = row[0]
            if let parent = row[1] as Int64? { children[parent, default: []].append(id) }
            let code = (row[2] as String).lowercased()
            let name = InboxFilter.fold(row[3] as String)
            if folded.contains(where: { name.hasPrefix($0) || code == $0 }) { result.insert(id) }
        }
        var pending = Array(result)
        while let id = pending.popLast() {
            for child in children[id] ?? [] where result.insert(child).inserted { pending.append(child) }
        }
        return result
    }
}
