import Foundation

/// What the inbox shows: conditions AND-ed across keys, OR-ed within one key.
///
/// An empty list or a `false` flag means "no condition". Terms that the store resolves
/// against its reference data (topics, agencies, owners) are kept as typed; the store
/// folds case and ё/е when it matches them. The filter language (`parse`, `text`) is
/// described in docs/filter.md.
public struct InboxFilter: Hashable, Sendable {
    /// The incident is in one of these statuses.
    public var statuses: [IncidentStatus]
    /// It arrived through one of these channels.
    public var sources: [SourceKind]
    /// It has one of these priorities.
    public var priorities: [Priority]
    /// Its topic, or an ancestor of it, has a name that starts with one of these terms
    /// (case-insensitive, ё = е) or a code equal to one (case-insensitive): a parent topic
    /// includes its subtopics.
    public var topics: [String]
    /// Its agency's short name starts with one of these terms (case-insensitive, ё = е).
    public var agencies: [String]
    /// It is owned by one of these operators (logins, case-insensitive).
    public var owners: [String]
    /// It is owned by the operator at the console (given at query time).
    public var mine: Bool
    /// Its deadline has passed: `due_at <= now`.
    public var overdue: Bool
    /// Its deadline is at risk but has not passed: `warn_at <= now < due_at`.
    public var atRisk: Bool
    /// It is not closed and not `no_answer`.
    public var open: Bool
    /// Nobody owns it.
    public var unassigned: Bool
    /// It was closed (or marked `no_answer`) at or after this instant.
    public var closedSince: Date?
    /// Every one of these words occurs in its thread (full text, ё = е, the last word
    /// matches as a prefix).
    public var words: [String]

    public init(statuses: [IncidentStatus] = [], sources: [SourceKind] = [], priorities: [Priority] = [],
                topics: [String] = [], agencies: [String] = [], owners: [String] = [],
                mine: Bool = false, overdue: Bool = false, atRisk: Bool = false, open: Bool = false,
                unassigned: Bool = false, closedSince: Date? = nil, words: [String] = []) {
        self.statuses = statuses
        self.sources = sources
        self.priorities = priorities
        self.topics = topics
        self.agencies = agencies
        self.owners = owners
        self.mine = mine
        self.overdue = overdue
        self.atRisk = atRisk
        self.open = open
        self.unassigned = unassigned
        self.closedSince = closedSince
        self.words = words
    }

    /// The filter that lets every incident through.
    public static let all = InboxFilter()

    /// True when the filter has no condition at all.
    public var isEmpty: Bool { self == InboxFilter() }

    /// The free words as a full-text query (`SearchText.ftsQuery`); nil when there are
    /// no words to search for.
    public var fullTextQuery: String? {
        words.isEmpty ? nil : SearchText.ftsQuery(words.joined(separator: " "))
    }
}

extension InboxFilter {
    /// How the filter language and the store compare typed terms with names: lower case,
    /// ё → е. Names and terms are folded the same way before comparing.
    public static func fold(_ text: some StringProtocol) -> String {
        SearchText.foldYo(text.lowercased())
    }
}
