import Foundation
import GRDB
import OtklikIngest

/// A record held in the quarantine.
public struct QuarantinedRecord: Sendable, Equatable {
    public var id: Int64
    public var format: String
    public var file: String
    public var position: RecordPosition
    public var reason: String
    public var raw: Data
    public var receivedAt: Date
    public var status: String
}

extension Store {
    /// Held records (or all, with `includeResolved`), oldest first.
    public func quarantined(includeResolved: Bool = false, limit: Int = 1000) throws -> [QuarantinedRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM quarantine \(includeResolved ? "" : "WHERE status = 'held'") ORDER BY id LIMIT ?
                """, arguments: [limit]).map(Self.quarantinedRecord)
        }
    }

    public func quarantined(id: Int64) throws -> QuarantinedRecord? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM quarantine WHERE id = ?", arguments: [id]).map(Self.quarantinedRecord)
        }
    }

    public func quarantineCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM quarantine WHERE status = 'held'") ?? 0 }
    }

    /// Marks a held record as retried (stored now) or discarded (given up on).
    public func resolveQuarantined(id: Int64, as status: String) throws {
        precondition(status == "retried" || status == "discarded")
        try pool.write { db in
            try db.execute(sql: "UPDATE quarantine SET status = ? WHERE id = ? AND status = 'held'", arguments: [status, id])
        }
    }

    static func quarantinedRecord(_ row: Row) -> QuarantinedRecord {
        QuarantinedRecord(
            id: row["id"], format: row["format"], file: row["file"],
            position: RecordPosition(line: row["line"], byteOffset: row["byte_offset"]),
            reason: row["reason"], raw: row["raw"], receivedAt: Date(timeIntervalSince1970: row["received_at"]),
            status: row["status"])
    }
}
