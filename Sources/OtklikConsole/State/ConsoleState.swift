import Foundation
import OtklikCore

/// Everything the console shows, as a value. `ConsoleUpdate.update` is the only way it
/// changes; rendering reads it.
public struct ConsoleState: Sendable {
    public var width: Int
    public var height: Int
    public var language: Language
    public var keyMap: KeyMap
    /// The center's name for the header.
    public var centerName: String
    /// Who is logged in, e.g. "ivanova · оператор".
    public var operatorLabel: String
    /// The zone of the header clock (the center's).
    public var timeZone: TimeZone
    public var now: Date

    public var counters = InboxCounters()
    /// How many incidents the inbox holds.
    public var total = 0
    /// The loaded window: `rows[i]` is the incident at position `windowOffset + i`.
    public var windowOffset = 0
    public var rows: [IncidentSummary] = []
    /// Whether the first window has arrived.
    public var loaded = false
    /// A window request in flight, to avoid asking twice.
    public var pendingLoad: Int?

    /// The selected position and the first visible one.
    public var cursor = 0
    public var top = 0
    public var helpVisible = false
    public var message: String?

    public init(width: Int, height: Int, language: Language, centerName: String, operatorLabel: String,
                timeZone: TimeZone, now: Date, keyMap: KeyMap = KeyMap()) {
        self.width = width
        self.height = height
        self.language = language
        self.keyMap = keyMap
        self.centerName = centerName
        self.operatorLabel = operatorLabel
        self.timeZone = timeZone
        self.now = now
    }

    public var strings: Strings { language.strings }

    /// The smallest screen the console lays out; below it a notice is shown instead.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Lines for incident rows: the screen less header (2), column titles, status line
    /// and hint bar.
    public var listHeight: Int { max(1, height - 5) }

    /// The incident at a position, if its window is loaded.
    public func row(at position: Int) -> IncidentSummary? {
        let index = position - windowOffset
        return rows.indices.contains(index) ? rows[index] : nil
    }

    public var selected: IncidentSummary? { row(at: cursor) }
}
