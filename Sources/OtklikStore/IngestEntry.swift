import Foundation
import OtklikCore
import OtklikIngest

/// One input record on its way into the store, with what the intake decided about it and
/// where it came from (for the quarantine).
public struct IngestEntry: Sendable {
    public enum Payload: Sendable {
        /// A message to store: a new incident, a follow-up, a comment or an edit.
        case record(IngestRecord, IntakeVerdict)
        /// Deliberately not stored (noise, service messages, the organisation's own posts).
        case filtered(String)
        /// Unreadable or unacceptable: held in the quarantine with the reason.
        case invalid(String)
    }

    public var payload: Payload
    public var format: String
    public var file: String
    public var position: RecordPosition
    public var raw: Data
    /// What the run saw before this record (set by the parsing side of a run); nil when
    /// nothing is known, and the writer looks everything up.
    public var sighting: Sighting?

    public init(payload: Payload, format: String, file: String, position: RecordPosition, raw: Data,
                sighting: Sighting? = nil) {
        self.payload = payload
        self.format = format
        self.file = file
        self.position = position
        self.raw = raw
        self.sighting = sighting
    }
}

/// What became of one entry. Every entry gets exactly one outcome, so that
/// read = stored + duplicates + filtered + quarantined.
public enum IngestOutcome: Equatable, Sendable {
    /// A new incident was registered (its number).
    case registered(Int)
    /// Attached to an existing incident's thread as a follow-up; `reopened` when that
    /// reopened an answered or closed incident.
    case followUp(Int, reopened: Bool)
    /// A known message came with a new text: stored as an edit, the old text kept.
    case edited(Int)
    case duplicate
    case filtered(String)
    case quarantined(String)

    public var isStored: Bool {
        switch self {
        case .registered, .followUp, .edited: true
        default: false
        }
    }
}

/// A followed file's read position, saved in the same transaction as the records before it.
public struct IngestCursor: Equatable, Sendable {
    public var path: String
    public var byteOffset: Int
    public var line: Int

    public init(path: String, byteOffset: Int, line: Int) {
        self.path = path
        self.byteOffset = byteOffset
        self.line = line
    }
}
