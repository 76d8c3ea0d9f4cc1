import Foundation
import GRDB
import OtklikCore

/// What `otklik report sla` groups by.
public enum SLAReportDimension: String, CaseIterable, Sendable {
    case agency, topic, `operator`
}

extension Store {
    /// Compliance per agency, topic or operator for incidents registered in `[from, to)`,
    /// judged at `now` from the deadline columns the engine keeps (`SLAReportRow`).
    public func slaReport(from: Date, to: Date, by dimension: SLAReportDimension, now: Date) throws -> [SLAReportRow] {
        try pool.read { db in
            let group = switch dimension {
            case .agency: "a.short_name"
            case .topic: "t.name"
            case .operator: "o.login"
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(group) AS grp, i.agency_id, i.status, i.registered_at, i.first_reaction_due, i.first_reaction_at,
                       i.answer_due, i.answered_at, i.final_due, i.closed_at, i.next_reply_due
                FROM incident i
                LEFT JOIN agency a ON a.id = i.agency_id
                LEFT JOIN topic t ON t.id = i.topic_id
                LEFT JOIN operator o ON o.id = i.owner_id
                WHERE i.registered_at >= ? AND i.registered_at < ?
                """, arguments: [from.unixSeconds, to.unixSeconds])
            var calendars: [Int64?: WorkingCalendar] = [:]
            var groups: [String: SLAReportRow] = [:]
            for row in rows {
                func date(_ column: String) -> Date? { (row[column] as Int64?).map(Date.init(unixSeconds:)) }
                let name: String = row["grp"] ?? "—"
                let status = IncidentStatus(rawValue: row["status"]) ?? .new
                let closed = status == .closed ? date("closed_at") : nil
                var outcomes: [(SLAClockKind, met: Bool)] = []
                if let ok = SLAReport.outcome(due: date("first_reaction_due"), done: date("first_reaction_at"), now: now) {
                    outcomes.append((.firstReaction, ok))
                }
                if status != .noAnswer || date("answered_at") != nil,
                   let ok = SLAReport.outcome(due: date("answer_due"), done: date("answered_at") ?? closed, now: now) {
                    outcomes.append((.answer, ok))
                }
                if status != .noAnswer, let ok = SLAReport.outcome(due: date("final_due"), done: closed, now: now) {
                    outcomes.append((.final, ok))
                }
                if let due = date("next_reply_due"), due <= now { outcomes.append((.nextReply, false)) }
                var reaction: Int?
                var wall: Int?
                if let registered = date("registered_at"), let reacted = date("first_reaction_at"), reacted >= registered {
                    let agency: Int64? = row["agency_id"]
                    if calendars[agency] == nil { calendars[agency] = try Self.calendar(db, agencyID: agency) }
                    reaction = calendars[agency]!.workingSeconds(from: registered, to: reacted)
                    wall = Int(reacted.timeIntervalSince(registered))
                }
                groups[name, default: SLAReportRow(group: name)].add(outcomes: outcomes, firstReaction: reaction, firstReactionWall: wall)
            }
            return groups.values.sorted { $0.group < $1.group }
        }
    }
}
