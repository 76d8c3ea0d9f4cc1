import GRDB
import GRDBSQLite

/// Rows for one table, written in multi-row INSERTs of up to `rowsPerStatement`, through
/// SQLite's C API: the demo loader and the ingest write millions of rows, where GRDB's
/// argument boxing cost more than SQLite's own work.
///
/// Texts are copied into one buffer as rows are added and bound from it without another
/// copy (SQLITE_STATIC): the buffer outlives the statement's step, and the bindings are
/// cleared right after. SQLite would otherwise allocate and copy each bound text.
struct BulkTable {
    let table: String
    let columns: [String]
    let rowsPerStatement = 64
    private var cells: ContiguousArray<Cell> = []
    private var texts: [UInt8] = []
    /// The statement text for each number of rows written so far.
    private var statements: [Int: String] = [:]

    /// A value of a row; a text is a range of `texts`.
    private enum Cell {
        case null
        case integer(Int64)
        case real(Double)
        case text(start: Int, count: Int)
    }

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
        cells.reserveCapacity(columns.count * rowsPerStatement)
    }

    mutating func add(_ row: [SQLCell], db: Database) throws {
        for value in row {
            switch value {
            case .null: cells.append(.null)
            case .integer(let number): cells.append(.integer(number))
            case .real(let number): cells.append(.real(number))
            case .text(var text):
                let start = texts.count
                text.withUTF8 { texts.append(contentsOf: $0) }
                cells.append(.text(start: start, count: texts.count - start))
            }
        }
        if cells.count == columns.count * rowsPerStatement { try flush(db: db) }
    }

    mutating func flush(db: Database) throws {
        let rows = cells.count / columns.count
        guard rows > 0 else { return }
        let handle = try db.cachedStatement(sql: statement(rows: rows)).sqliteStatement
        sqlite3_reset(handle)
        let code = texts.withUnsafeBufferPointer { buffer in
            for (index, cell) in cells.enumerated() {
                let position = Int32(index + 1)
                switch cell {
                case .null: sqlite3_bind_null(handle, position)
                case .integer(let number): sqlite3_bind_int64(handle, position, number)
                case .real(let number): sqlite3_bind_double(handle, position, number)
                case .text(let start, let count):
                    // A NUL inside a citizen's text is kept: texts are bound by length.
                    if count == 0 {
                        sqlite3_bind_text(handle, position, "", 0, transient)
                    } else {
                        let bytes = UnsafeRawPointer(buffer.baseAddress! + start).assumingMemoryBound(to: CChar.self)
                        sqlite3_bind_text(handle, position, bytes, Int32(count), nil)
                    }
                }
            }
            let code = sqlite3_step(handle)
            sqlite3_clear_bindings(handle)
            return code
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))))
        }
        cells.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
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
            _ = value.withUTF8 { bytes in
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

/// Cells from typed values, so rows are written without boxing each value (an
/// existential per value cost an eighth of a bulk load's write transactions). nil binds
/// NULL.
extension SQLCell: ExpressibleByNilLiteral, ExpressibleByStringLiteral {
    init(nilLiteral: ()) { self = .null }
    init(stringLiteral value: String) { self = .text(value) }

    static func of(_ value: Int64?) -> SQLCell { value.map { .integer($0) } ?? .null }
    static func of(_ value: Int?) -> SQLCell { value.map { .integer(Int64($0)) } ?? .null }
    static func of(_ value: Double?) -> SQLCell { value.map { .real($0) } ?? .null }
    static func of(_ value: String?) -> SQLCell { value.map { .text($0) } ?? .null }
}
