import Foundation
import OtklikCore

/// Otklik's canonical `jsonl` format: one JSON object per line, documented in
/// docs/ingest-formats.md. Blank lines are ignored; every other line is one record.
///
/// A line is read first into typed fields (`CanonicalLine`), which covers the common
/// lines of a bulk load without a dictionary; whatever it declines is decoded into a
/// `[String: Any]` (`JSONLineReader`, else Foundation). Both feed the one `record`.
public struct CanonicalFormat: RecordFormat {
    public let options: FormatOptions

    public init(options: FormatOptions) { self.options = options }

    public func parse(_ data: Data, emit: (ParsedItem) throws -> Void) rethrows {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            var line = 0
            while start < bytes.count {
                line += 1
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var contentEnd = end
                if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<contentEnd])
                if !slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    let raw = Data(slice)
                    let position = RecordPosition(line: line, byteOffset: start)
                    try emit(Self.item(raw: raw, at: position))
                }
                start = end + 1
            }
        }
    }

    static func item(raw: Data, at position: RecordPosition) -> ParsedItem {
        typedItem(raw: raw, at: position) ?? dictionaryItem(raw: raw, at: position)
    }

    /// The item from the line's fields read straight into typed values, or nil when
    /// `CanonicalLine` leaves the line to `dictionaryItem`.
    static func typedItem(raw: Data, at position: RecordPosition) -> ParsedItem? {
        guard let line = raw.withUnsafeBytes({ CanonicalLine($0.bindMemory(to: UInt8.self)) }) else { return nil }
        return item(line, raw: raw, at: position)
    }

    /// The item from the line decoded into a `[String: Any]`: the reference for every line.
    static func dictionaryItem(raw: Data, at position: RecordPosition) -> ParsedItem {
        // The fast reader vouches for most lines; the rest go the reference way below,
        // which also words the reasons.
        if let object = raw.withUnsafeBytes({ JSONLineReader.object($0.bindMemory(to: UInt8.self)) }) {
            return item(JSONFields(object), raw: raw, at: position)
        }
        if String(validating: raw, as: UTF8.self) == nil {
            return .invalid(reason: "invalid UTF-8", at: position, raw: raw)
        }
        let decoded: Any
        do {
            decoded = try JSONDocument.parse(raw)
        } catch {
            return .invalid(reason: JSONDocument.reason(error), at: position, raw: raw)
        }
        guard let object = decoded as? [String: Any] else {
            return .invalid(reason: "a line must hold one JSON object", at: position, raw: raw)
        }
        return item(JSONFields(object), raw: raw, at: position)
    }

    private static func item(_ fields: some JSONFieldReading, raw: Data, at position: RecordPosition) -> ParsedItem {
        do {
            return .record(try record(fields), at: position, raw: raw)
        } catch {
            return .invalid(reason: "\(error)", at: position, raw: raw)
        }
    }

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    static func record(_ fields: some JSONFieldReading) throws -> IngestRecord {
        let sourceName = try fields.requiredString("source")
        guard let source = SourceKind(rawValue: sourceName.lowercased()) else {
            throw Invalid(description: "unknown source \"\(sourceName)\" (expected \(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let externalID = try fields.requiredString("external_id")
        let kindName = fields.string("kind") ?? "post"
        guard let kind = IngestRecord.Kind(rawValue: kindName) else {
            throw Invalid(description: "unknown kind \"\(kindName)\" (expected post, comment, appeal, email or request)")
        }
        guard let text = fields.string("text") else { throw Invalid(description: "missing required field \"text\"") }
        let createdText = try fields.requiredString("created_at")
        guard let createdAt = Timestamp.iso8601(createdText) else {
            throw Invalid(description: "created_at \"\(createdText)\" is not an ISO 8601 time with a zone")
        }
        var editedAt: Date?
        if let edited = fields.string("edited_at") {
            guard let date = Timestamp.iso8601(edited) else {
                throw Invalid(description: "edited_at \"\(edited)\" is not an ISO 8601 time with a zone")
            }
            editedAt = date
        }
        var author: IngestRecord.Author?
        if let a = fields.object("author") {
            let id = a.string("id") ?? a.string("name")
            if let id, !id.isEmpty {
                author = .init(id: id, name: a.string("name") ?? id, profileURL: a.string("profile_url"))
            }
        }
        var latitude: Double?
        var longitude: Double?
        if let c = fields.object("coordinates") {
            guard let lat = c.double("lat"), let lon = c.double("lon"), (-90...90).contains(lat), (-180...180).contains(lon) else {
                throw Invalid(description: "coordinates need lat in -90…90 and lon in -180…180")
            }
            latitude = lat
            longitude = lon
        }
        let attachments = (fields.array("attachments") ?? []).compactMap { element -> IngestRecord.Attachment? in
            guard let a = element as? [String: Any] else { return nil }
            let f = JSONFields(a)
            return .init(type: f.string("type") ?? "file", url: f.string("url"), name: f.string("name"))
        }
        return IngestRecord(
            source: source, externalID: externalID, parentID: fields.string("parent_id"),
            threadID: fields.string("thread_id"), kind: kind, author: author, text: text, createdAt: createdAt,
            editedAt: editedAt, url: fields.string("url"), place: fields.string("place"),
            latitude: latitude, longitude: longitude, attachments: attachments,
            category: fields.string("category"), topicCode: fields.string("topic"),
            agencyName: fields.string("agency"), fromOrganisation: false)
    }
}
