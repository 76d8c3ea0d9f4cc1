import Foundation
import GRDB
import OtklikCore

/// The console's incident actions: each one short write transaction, guarded by the
/// incident's version (optimistic concurrency), with one audit event per changed field.
extension Store {
    /// Takes the incident: `operatorLogin` becomes its owner, a new incident goes into work.
    public func takeIncident(id: Int64, expectedVersion: Int, operatorLogin: String, at now: Date) throws -> IncidentActionOutcome {
        try perform(.take, incident: id, expectedVersion: expectedVersion, operatorLogin: operatorLogin, at: now)
    }

    /// Releases the operator's own incident: no owner, and back to new if it was in work.
    public func releaseIncident(id: Int64, expectedVersion: Int, operatorLogin: String, at now: Date) throws -> IncidentActionOutcome {
        try perform(.release, incident: id, expectedVersion: expectedVersion, operatorLogin: operatorLogin, at: now)
    }

    /// Marks the incident "no answer owed": it ends (closed_at = now) and its clock stops.
    public func markIncidentNoAnswer(id: Int64, expectedVersion: Int, operatorLogin: String, at now: Date) throws -> IncidentActionOutcome {
        try perform(.markNoAnswer, incident: id, expectedVersion: expectedVersion, operatorLogin: operatorLogin, at: now)
    }

    /// Applies `action` to one incident if its version is still `expectedVersion`, as
    /// `operatorLogin`, at `now`. Nothing is written unless the outcome is `.done`.
    ///
    /// The rules are `IncidentAction.plan` (OtklikCore); the clock that the new status
    /// waits on is `IncidentDeadlines.current`, at risk after the policy's share of the
    /// time from registration, as registration and the demo set it.
    public func perform(_ action: IncidentAction, incident id: Int64, expectedVersion: Int, operatorLogin: String,
                        at now: Date) throws -> IncidentActionOutcome {
        try pool.write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT i.status, i.version, i.owner_id, o.login AS owner, i.first_reaction_due, i.first_reaction_at, i.answer_due,
                       i.final_due, i.registered_at, i.closed_at, i.due_at, i.warn_at, p.warning_percent
                FROM incident i
                LEFT JOIN operator o ON o.id = i.owner_id
                LEFT JOIN sla_policy p ON p.id = i.sla_policy_id
                WHERE i.id = ?
                """, arguments: [id]) else { return .gone }
            let version: Int = row["version"]
            guard version == expectedVersion else { return .conflict(currentVersion: version) }
            let login = operatorLogin.lowercased()
            guard let operatorID = try Int64.fetchOne(db, sql: "SELECT id FROM operator WHERE login = ?", arguments: [login]) else {
                return .refused(.unknownOperator(operatorLogin))
            }
            let status = IncidentStatus(rawValue: row["status"]) ?? .new
            let owner: String? = row["owner"]
            let change: IncidentChange
            switch action.plan(status: status, ownerLogin: owner, operatorLogin: login) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let planned): change = planned
            }

            // The clock of the new status.
            func date(_ column: String) -> Date? { (row[column] as Int64?).map(Date.init(unixSeconds:)) }
            var dueAt: Int64? = row["due_at"]
            var warnAt: Int64? = row["warn_at"]
            var closedAt: Int64? = row["closed_at"]
            if change.status != status {
                let deadlines = IncidentDeadlines(firstReaction: date("first_reaction_due"), answer: date("answer_due"),
                                                  final: date("final_due"))
                let due = deadlines.current(status: change.status, reacted: row["first_reaction_at"] as Int64? != nil)
                let percent: Int = row["warning_percent"] ?? SLAPolicy.socialStandard.warningPercent
                let registeredAt = Date(unixSeconds: row["registered_at"])
                dueAt = due?.unixSeconds
                warnAt = due.map { IncidentDeadlines.warning(start: registeredAt, due: $0, percent: percent).unixSeconds }
                closedAt = change.status.isTerminal ? now.unixSeconds : nil
            }
            let newOwnerID: Int64? = change.ownerLogin == nil ? nil : change.ownerLogin == login ? operatorID : row["owner_id"]
            try db.execute(sql: """
                UPDATE incident SET status = ?, owner_id = ?, due_at = ?, warn_at = ?, closed_at = ?,
                       version = version + 1, updated_at = ?
                WHERE id = ? AND version = ?
                """, arguments: [change.status.rawValue, newOwnerID, dueAt, warnAt, closedAt, now.unixSeconds, id, version])
            // The transaction is IMMEDIATE, so nobody can have changed the row since it was read.
            guard db.changesCount == 1 else { return .conflict(currentVersion: version) }

            let actor = "operator:\(login)"
            func event(_ field: String, _ before: String?, _ after: String?) throws {
                guard before != after else { return }
                try db.execute(sql: """
                    INSERT INTO event(at, actor, operator_id, incident_id, action, field, before, after)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [now.unixSeconds, actor, operatorID, id, action.eventName, field, before, after])
            }
            try event("status", status.rawValue, change.status.rawValue)
            try event("owner", owner, change.ownerLogin)
            // The SLA engine's clocks from the events, now including this change (the
            // version moves once, for the action).
            var resolver = try SLAResolver(db)
            try Self.refreshSLA(db, incidentID: id, now: now, resolver: &resolver, bumpVersion: false)
            return .done(version: version + 1)
        }
    }
}
