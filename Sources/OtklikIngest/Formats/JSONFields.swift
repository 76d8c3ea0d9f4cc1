import Foundation

/// Typed reads of a JSON object's fields, with errors that name the field. `JSONFields`
/// reads a decoded `[String: Any]`; `CanonicalLine` reads a canonical line's fields
/// straight from its bytes. `CanonicalFormat.record` takes either, so both give one
/// result through one implementation.
protocol JSONFieldReading {
    /// A string; nil for absent or null.
    func string(_ key: String) -> String?
    func double(_ key: String) -> Double?
    func object(_ key: String) -> Self?
    func array(_ key: String) -> [Any]?
}

extension JSONFieldReading {
    func requiredString(_ key: String) throws -> String {
        guard let value = string(key), !value.isEmpty else { throw JSONFields.Missing(reason: "missing required field \"\(key)\"") }
        return value
    }
}

/// Typed reads of a decoded JSON object (`JSONSerialization`'s `[String: Any]`). Shared
/// by the JSON-based formats.
struct JSONFields: JSONFieldReading {
    let object: [String: Any]

    init(_ object: [String: Any]) { self.object = object }

    struct Missing: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// A string; numbers are accepted and written in decimal (ids are numbers in VK and
    /// Telegram but strings in our format). nil for absent or null.
    func string(_ key: String) -> String? {
        switch object[key] {
        case let s as String: s
        case let n as NSNumber:
            // Integral ids print without a fraction, however Foundation stored them.
            n.doubleValue.rounded() == n.doubleValue && abs(n.doubleValue) < 9e15 ? String(n.int64Value) : n.stringValue
        default: nil
        }
    }

    func int(_ key: String) -> Int? {
        switch object[key] {
        case let n as NSNumber: n.intValue
        case let s as String: Int(s)
        default: nil
        }
    }

    func double(_ key: String) -> Double? {
        switch object[key] {
        case let n as NSNumber: n.doubleValue
        case let s as String: Double(s)
        default: nil
        }
    }

    func object(_ key: String) -> JSONFields? {
        (object[key] as? [String: Any]).map(JSONFields.init)
    }

    func array(_ key: String) -> [Any]? { object[key] as? [Any] }
}

/// `JSONSerialization` with the options every format uses: fragments are not records.
enum JSONDocument {
    static func parse(_ data: Data) throws -> Any {
        try JSONSerialization.jsonObject(with: data, options: [])
    }

    /// The root of a whole-document input (a VK response, an Open311 list, a Telegram
    /// export), or why the whole file cannot be read: empty, not UTF-8, not JSON.
    static func root(of data: Data) -> Result<Any, WholeFileProblem> {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .failure(WholeFileProblem(reason: "empty file"))
        }
        if String(validating: data, as: UTF8.self) == nil {
            return .failure(WholeFileProblem(reason: "invalid UTF-8"))
        }
        do {
            return .success(try parse(data))
        } catch {
            return .failure(WholeFileProblem(reason: reason(error)))
        }
    }

    /// The root of a whole-document input, or nil after emitting why the file cannot be
    /// read (one `.invalid` item for the whole file).
    static func root(of data: Data, emit: (ParsedItem) throws -> Void) rethrows -> Any? {
        switch root(of: data) {
        case .success(let value):
            return value
        case .failure(let problem):
            try emit(.invalid(reason: problem.reason, at: RecordPosition(byteOffset: 0), raw: data))
            return nil
        }
    }

    struct WholeFileProblem: Error {
        let reason: String
    }

    /// A short reason for a JSON syntax error, without Foundation's long wording.
    static func reason(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return "invalid JSON: \(text)"
    }
}
