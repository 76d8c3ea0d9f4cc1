/// The fields of one canonical line that `CanonicalFormat.record` reads, taken straight
/// from the line's bytes into typed values. A bulk load is a million such lines, where
/// building and querying a `[String: Any]` per line (hashing, boxing, casts) was a
/// quarter of the parsing thread.
///
/// It reads only what it can give exactly as `JSONFields` would and declines (nil) the
/// rest, so that the dictionary path decides: whatever `JSONLineReader` declines, any key
/// written with an escape, a field `record` reads holding another type than the one
/// taken here (`JSONFields.string` turns numbers into text, `double` parses strings), and
/// any attachments. Members `record` does not read are read with full validation and
/// dropped, as the dictionary keeps them unread. As in the dictionary, a later member
/// replaces an earlier one of the same key, and null is the same as absent.
struct CanonicalLine: JSONFieldReading {
    /// What `record` reads a member as; any other value declines the line.
    enum Shape: Sendable {
        case string
        case number
        case object(Schema)
        /// Attachments: only null is taken (the dictionary path reads the others).
        case null
    }

    /// The members `record` reads of one object: a handful, found by a linear search
    /// (no hashing).
    typealias Schema = [(key: String, shape: Shape)]

    /// The keys `record` reads, the most common first.
    static let line: Schema = [
        ("source", .string), ("external_id", .string), ("kind", .string), ("text", .string),
        ("created_at", .string), ("author", .object(author)), ("parent_id", .string), ("thread_id", .string),
        ("edited_at", .string), ("url", .string), ("place", .string), ("category", .string),
        ("topic", .string), ("agency", .string), ("coordinates", .object(coordinates)), ("attachments", .null),
    ]
    static let author: Schema = [("id", .string), ("name", .string), ("profile_url", .string)]
    static let coordinates: Schema = [("lat", .number), ("lon", .number)]

    /// A member's value, of its schema's shape.
    enum Value {
        case string(String)
        case number(Double)
        case object(CanonicalLine)
    }

    /// The line's schema, or its author's or coordinates' for those objects.
    let schema: Schema
    /// By the position of their key in `schema`; nil for absent or null.
    fileprivate var values: [Value?]

    fileprivate init(schema: Schema) {
        self.schema = schema
        values = Array(repeating: nil, count: schema.count)
    }

    /// The line in `bytes`, or nil when the dictionary path must read it.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let line = JSONLineReader.read(bytes, { $0.canonicalObject(Self.line) }) else { return nil }
        self = line
    }

    private func value(_ key: String) -> Value? {
        guard let slot = schema.firstIndex(where: { $0.key == key }) else {
            assertionFailure("record reads \"\(key)\", which CanonicalLine's schema lacks")
            return nil
        }
        return values[slot]
    }

    func string(_ key: String) -> String? {
        switch value(key) {
        case .string(let text)?: text
        default: nil
        }
    }

    func double(_ key: String) -> Double? {
        switch value(key) {
        case .number(let number)?: number
        default: nil
        }
    }

    func object(_ key: String) -> CanonicalLine? {
        switch value(key) {
        case .object(let object)?: object
        default: nil
        }
    }

    /// Always nil: a line with attachments is declined.
    func array(_ key: String) -> [Any]? { nil }
}

extension JSONLineReader {
    /// The object here read as `schema` says, or nil to decline it.
    fileprivate mutating func canonicalObject(_ schema: CanonicalLine.Schema) -> CanonicalLine? {
        var object = CanonicalLine(schema: schema)
        let complete = members { reader, key, escaped in
            guard !escaped else { return false }
            guard let slot = schema.firstIndex(where: { $0.key == key }) else {
                // Not read by `record`: checked as strictly as the dictionary path would.
                return reader.value() != nil
            }
            if reader.consume(word: "null") {
                object.values[slot] = nil
                return true
            }
            let value: CanonicalLine.Value
            switch schema[slot].shape {
            case .string:
                guard let text = reader.string() else { return false }
                value = .string(text)
            case .number:
                guard let number = reader.number() else { return false }
                value = .number(number.doubleValue)
            case .object(let nested):
                guard let nested = reader.canonicalObject(nested) else { return false }
                value = .object(nested)
            case .null:
                return false
            }
            object.values[slot] = value
            return true
        }
        return complete ? object : nil
    }
}
