import Foundation
import GRDB
import GRDBSQLite

/// A cached statement of the writer connection, run through SQLite's C API: for the few
/// statements the bulk ingest runs per record, GRDB's argument boxing and execution hooks
/// cost more than SQLite's own work. The statement stays GRDB's (cached, finalized by it).
struct FastStatement {
    let handle: OpaquePointer

    init(_ db: Database, _ sql: String) throws {
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    private func bind(_ values: [SQLCell]) {
        sqlite3_reset(handle)
        for (index, value) in values.enumerated() { value.bind(handle, Int32(index + 1)) }
    }

    /// Runs a statement that returns no rows.
    func execute(_ values: [SQLCell]) throws {
        bind(values)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Runs a query; `read` sees its first row, if any. The statement is reset after.
    func first<T>(_ values: [SQLCell], _ read: (FastStatement) -> T) throws -> T? {
        bind(values)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw error(code) }
        return read(self)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func optionalInt64(_ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
    }

    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        // By length, not up to a NUL: citizens' text may contain one.
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
    }
}
