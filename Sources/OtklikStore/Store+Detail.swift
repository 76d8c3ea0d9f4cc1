import Foundation
import GRDB
import OtklikCore

extension Store {
    /// One incident with its thread and history, or nil when it does not exist (any more).
    public func incidentDetail(id: Int64) throws -> IncidentDetail? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "\(Self.summarySelect) WHERE i.id = ?", arguments: [id]) else { return nil }
            let summary = Self.summary(row)
            let extra = try Row.fetchOne(db, sql: """
                SELECT au.name AS author, au.profile_url, i.url, i.place, a.name AS agency, i.registered_at,
                       i.first_reaction_due, i.answer_due, i.final_due, i.first_reaction_at, i.answered_at, i.closed_at,
                       p.name AS policy
                FROM incident i
                LEFT JOIN author au ON au.id = i.author_id
                LEFT JOIN agency a ON a.id = i.agency_id
                LEFT JOIN sla_policy p ON p.id = i.sla_policy_id
                WHERE i.id = ?
                """, arguments: [id])!
            func date(_ column: String) -> Date? { (extra[column] as Int64?).map(Date.init(unixSeconds:)) }
            let thread = try Row.fetchAll(db, sql: """
                SELECT m.kind, coalesce(au.name, o.login, '') AS sender, m.created_at, m.text, m.edited_at
                FROM message m
                LEFT JOIN author au ON au.id = m.author_id
                LEFT JOIN operator o ON o.id = m.operator_id
                WHERE m.incident_id = ? ORDER BY m.created_at, m.id
                """, arguments: [id]).map { m in
                IncidentDetail.ThreadEntry(
                    kind: MessageKind(rawValue: m["kind"]) ?? .internalNote, from: m["sender"],
                    at: Date(unixSeconds: m["created_at"]), text: m["text"],
                    editedAt: (m["edited_at"] as Int64?).map(Date.init(unixSeconds:)))
            }
            let history = try Row.fetchAll(db, sql: """
                SELECT at, actor, action, field, before, after FROM event WHERE incident_id = ? ORDER BY at, id
                """, arguments: [id]).map { e in
                IncidentDetail.HistoryEntry(at: Date(unixSeconds: e["at"]), actor: e["actor"], action: e["action"],
                                            field: e["field"], before: e["before"], after: e["after"])
            }
            return IncidentDetail(
                summary: summary, authorName: extra["author"], authorProfile: extra["profile_url"],
                link: extra["url"], place: extra["place"], agencyName: extra["agency"],
                registeredAt: date("registered_at")!,
                deadlines: IncidentDeadlines(firstReaction: date("first_reaction_due"), answer: date("answer_due"), final: date("final_due")),
                firstReactionAt: date("first_reaction_at"), answeredAt: date("answered_at"), closedAt: date("closed_at"),
                policyName: extra["policy"], thread: thread, history: history)
        }
    }
}
