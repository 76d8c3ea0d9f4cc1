import Foundation

/// Where in an input file a record was found: a line (text formats), a byte offset, and
/// for JSON documents the path of the element (`response.items[3]`).
public struct RecordPosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var byteOffset: Int?
    public var path: String?

    public init(line: Int? = nil, byteOffset: Int? = nil, path: String? = nil) {
        self.line = line
        self.byteOffset = byteOffset
        self.path = path
    }

    public var description: String {
        var parts: [String] = []
        if let line { parts.append("line \(line)") }
        if let path { parts.append(path) }
        if line == nil, let byteOffset { parts.append("byte \(byteOffset)") }
        return parts.joined(separator: ", ")
    }
}

/// What a parser makes of one input record. Every record read ends as exactly one item,
/// so the ingest can account for each: stored, duplicate, filtered, or quarantined.
public enum ParsedItem: Sendable {
    /// A record in canonical form; `raw` is its input bytes, kept for the quarantine in
    /// case the store rejects it.
    case record(IngestRecord, at: RecordPosition, raw: Data)
    /// A record that is deliberately not an incident (a Telegram service message, a
    /// deleted comment): counted as filtered with the reason.
    case skipped(reason: String, at: RecordPosition, raw: Data)
    /// A record that cannot be read: quarantined with the reason and its raw bytes.
    case invalid(reason: String, at: RecordPosition, raw: Data)

    public var position: RecordPosition {
        switch self {
        case .record(_, let at, _), .skipped(_, let at, _), .invalid(_, let at, _): at
        }
    }
}

/// Settings every parser may need.
public struct FormatOptions: Sendable {
    /// For times written without a zone (a platform CSV's "30.11.2026 14:05", a Telegram
    /// export's local `date`): the center's zone.
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = TimeZone(identifier: "Europe/Moscow")!) {
        self.timeZone = timeZone
    }
}

/// An input format: turns one input file's bytes into items. Parsers do no I/O; a bad
/// record yields `.invalid` and parsing goes on with the next one. A file that cannot be
/// read at all (a truncated JSON document) yields one `.invalid` item for the whole file.
public protocol RecordFormat: Sendable {
    func parse(_ data: Data, emit: (ParsedItem) throws -> Void) rethrows
}
