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
    /// Who is logged in, e.g. "ivanova · оператор"; `operatorLogin` is "@я" in filters.
    public var operatorLabel: String
    public var operatorLogin: String?
    /// The zone of the header clock and of "today" (the center's).
    public var timeZone: TimeZone
    public var now: Date

    public var counters = InboxCounters()
    /// How many incidents the current view holds.
    public var total = 0
    /// The loaded window: `rows[i]` is the incident at position `windowOffset + i`.
    public var windowOffset = 0
    public var rows: [IncidentSummary] = []
    /// Whether the first window has arrived.
    public var loaded = false
    /// A window request in flight, to avoid asking twice.
    public var pendingLoad: Int?
    /// Incidents that arrived while the console was open, shown as new until looked at.
    public var arrived: Set<Int64> = []
    /// The largest incident id seen so far (anything above it has just arrived).
    public var newestSeen: Int64 = 0

    /// The selected position and the first visible one.
    public var cursor = 0
    public var top = 0

    /// The active filter, its text as typed, and the saved view it came from.
    public var filter = InboxFilter.all
    public var filterText = ""
    public var viewKey: Int?
    /// The words of the last search (`/`), highlighted in rows and detail.
    public var searchWords: [String] = []

    public var detail: IncidentDetail?
    /// The last detail asked for, so each is loaded once (and again when it changes).
    public var requestedDetail: DetailRequest?
    public var detailMode = DetailMode.split
    /// The first line of the detail shown (full-screen detail scrolls).
    public var detailScroll = 0

    public var prompt: Prompt?
    /// A yes/no question on the message line (destructive actions); it takes every key.
    public var confirmation: Confirmation?
    /// The sort menu (`o`) is open on the message line: 1–5 choose, Esc cancels.
    public var sortMenuOpen = false
    /// The order of the list (`o`).
    public var sort = InboxSort.deadline
    /// `;` was pressed: the next incident action applies to every tagged incident.
    public var applyToTagged = false
    public var helpVisible = false
    /// The first help line shown (the list is longer than a small screen).
    public var helpScroll = 0
    /// Live re-sorting paused (`Z`): store changes are not loaded until resumed.
    public var paused = false
    /// A change arrived while paused.
    public var staleWhilePaused = false
    /// Tagged incidents (Space, t), each at the version it had when tagged: an action on
    /// them (`;`) is refused for any that changed since, and that version is then refreshed.
    public var tagged: [Int64: IncidentTarget] = [:]
    public var message: String?
    public var messageIsError = false

    /// Line drawing, ellipsis and arrows: Unicode, or ASCII for terminals without UTF-8.
    public var glyphs = GlyphSet.unicode

    public var themeName = "dark"
    /// Names offered by `:theme` completion.
    public var availableThemes: [String] = ["dark"]

    public init(width: Int, height: Int, language: Language, centerName: String, operatorLabel: String,
                timeZone: TimeZone, now: Date, keyMap: KeyMap = KeyMap(), operatorLogin: String? = nil) {
        self.width = width
        self.height = height
        self.language = language
        self.keyMap = keyMap
        self.centerName = centerName
        self.operatorLabel = operatorLabel
        self.operatorLogin = operatorLogin
        self.timeZone = timeZone
        self.now = now
    }

    public var strings: Strings { language.strings }

    /// The smallest screen the console lays out; below it a notice is shown instead.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var layout: Layout { Layout(width: width, height: height, mode: detailMode) }

    /// Lines for incident rows.
    public var listHeight: Int { max(1, layout.list.height) }

    /// The incident at a position, if its window is loaded.
    public func row(at position: Int) -> IncidentSummary? {
        let index = position - windowOffset
        return rows.indices.contains(index) ? rows[index] : nil
    }

    public var selected: IncidentSummary? { row(at: cursor) }

    /// What the store is asked for.
    public var query: InboxQuery { InboxQuery(filter: filter, operatorLogin: operatorLogin, sort: sort) }
}

/// Which incident's detail, at which version.
public struct DetailRequest: Equatable, Sendable {
    public let id: Int64
    public let version: Int
}

/// Whether the detail shares the screen with the list or fills it.
public enum DetailMode: Equatable, Sendable {
    case split
    case full
}
