import GRDB
import GRDBSQLite

/// Rows for one table, written in multi-row INSERTs of up to `rowsPerStatement`, through
/// SQLite's C API: the demo loader and the ingest write millions of rows, where GRDB's
/// argument boxing cost more than SQLite's own work.
struct BulkTable {
    let table: String
    let columns: [String]
    let rowsPerStatement = 64
    private var cells: ContiguousArray<SQLCell> = []
    /// The statement text for each number of rows written so far.
    private var statements: [Int: String] = [:]

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
        cells.reserveCapacity(columns.count * rowsPerStatement)
    }

    mutating func add(_ row: [(any BulkValue)?], db: Database) throws {
        for value in row { cells.append(value?.cell ?? .null) }
        if cells.count == columns.count * rowsPerStatement { try flush(db: db) }
    }

    mutating func flush(db: Database) throws {
        let rows = cells.count / columns.count
        guard rows > 0 else { return }
        let handle = try db.cachedStatement(sql: statement(rows: rows)).sqliteStatement
        sqlite3_reset(handle)
        for (index, cell) in cells.enumerated() { cell.bind(handle, Int32(index + 1)) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
        cells.removeAll(keepingCapacity: true)
    }

    private mutating func statement(rows: Int) -> String {
        if let known = statements[rows] { return known }
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let sql = "INSERT INTO \(table)(\(columns.joined(separator: ","))) VALUES "
            + Array(repeating: placeholders, count: rows).joined(separator: ",")
        statements[rows] = sql
        return sql
    }
}

/// One value bound through SQLite's C API.
enum SQLCell {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    func bind(_ handle: OpaquePointer, _ position: Int32) {
        switch self {
        case .null:
            sqlite3_bind_null(handle, position)
        case .integer(let value):
            sqlite3_bind_int64(handle, position, value)
        case .real(let value):
            sqlite3_bind_double(handle, position, value)
        case .text(var value):
            // The UTF-8 bytes by length: no C-string copy, no strlen, and a NUL inside
            // a citizen's text is kept. SQLite copies them (SQLITE_TRANSIENT).
            value.withUTF8 { bytes in
                if let base = bytes.baseAddress {
                    sqlite3_bind_text(handle, position, base, Int32(bytes.count), transient)
                } else {
                    sqlite3_bind_text(handle, position, "", 0, transient)
                }
            }
        }
    }
}

/// SQLite copies bound text at once (SQLITE_TRANSIENT, a macro Swift cannot import).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A value the bulk writers bind; nil binds NULL.
protocol BulkValue {
    var cell: SQLCell { get }
}

extension Int64: BulkValue {
    var cell: SQLCell { .integer(self) }
}

extension Int: BulkValue {
    var cell: SQLCell { .integer(Int64(self)) }
}

extension Double: BulkValue {
    var cell: SQLCell { .real(self) }
}

extension String: BulkValue {
    var cell: SQLCell { .text(self) }
}
