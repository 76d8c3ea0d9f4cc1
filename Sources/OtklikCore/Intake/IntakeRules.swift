import Foundation

/// How arriving messages are sorted before they become incidents: noise that is not an
/// incident (ads, spam, greetings, thanks), messages that owe no answer (obscenity,
/// threats: stored, marked "no answer owed", never dropped), words that make an incident
/// important (shorter deadlines), and routing rules that pick the topic and agency.
///
/// Patterns are Russian stems or phrases matched at word starts, case-insensitively, with
/// ё = е (see `WordMatcher`). The built-in rules suit the demo rubricator; a center's own
/// rules come from `ingest.toml` (docs/ingest.md).
public struct IntakeRules: Sendable {
    /// A named list of patterns: the name is the reason reported ("spam", "threat").
    public struct Group: Sendable, Equatable {
        public var reason: String
        public var patterns: [String]

        public init(_ reason: String, _ patterns: [String]) {
            self.reason = reason
            self.patterns = patterns
        }
    }

    /// A routing rule: the first rule that matches sets the topic (and the agency, when
    /// given; else the topic's default agency).
    public struct Route: Sendable, Equatable {
        public var topic: String
        public var agency: String?
        /// Stems or phrases in the text.
        public var keywords: [String]
        /// The channel's own categories (an Open311 service code, a platform rubric), compared
        /// whole, case-insensitively.
        public var categories: [String]

        public init(topic: String, agency: String? = nil, keywords: [String] = [], categories: [String] = []) {
            self.topic = topic
            self.agency = agency
            self.keywords = keywords
            self.categories = categories
        }
    }

    /// Not incidents, wherever they occur.
    public var noise: [Group]
    /// Not incidents when the whole message is short (greetings, thanks, congratulations).
    public var smallTalk: [Group]
    public var smallTalkMaxWords: Int
    /// Incidents that owe no answer.
    public var noAnswer: [Group]
    /// Words that raise the priority to high.
    public var important: [String]
    public var routes: [Route]

    public init(noise: [Group] = [], smallTalk: [Group] = [], smallTalkMaxWords: Int = 10, noAnswer: [Group] = [],
                important: [String] = [], routes: [Route] = []) {
        self.noise = noise
        self.smallTalk = smallTalk
        self.smallTalkMaxWords = smallTalkMaxWords
        self.noAnswer = noAnswer
        self.important = important
        self.routes = routes
    }
}

/// What the intake makes of one message.
public struct IntakeVerdict: Equatable, Sendable {
    public enum Disposition: Equatable, Sendable {
        case incident
        /// Not an incident; the reason is the rule group's name.
        case noise(String)
        /// Stored as an incident with status "no answer owed".
        case noAnswer(String)
    }

    public var disposition: Disposition
    public var important: Bool
    /// The topic code of the first matching route, if any.
    public var topic: String?
    /// The agency (short name) the route names, if any.
    public var agency: String?
}

/// `IntakeRules` compiled for fast matching; one per ingest run.
public struct IntakeClassifier: Sendable {
    public let rules: IntakeRules
    /// Every pattern of every list in one matcher: a text is scanned once.
    private let matcher: WordMatcher
    private let roles: [Role]
    private let categories: [String: Int]

    private enum Role {
        case noAnswer(String)
        case noise(String)
        case smallTalk(String)
        case important
        case route(Int)
    }

    public init(_ rules: IntakeRules) {
        self.rules = rules
        var patterns: [String] = []
        var roles: [Role] = []
        // The order is the priority: no-answer before noise, then small talk.
        for g in rules.noAnswer { for p in g.patterns { patterns.append(p); roles.append(.noAnswer(g.reason)) } }
        for g in rules.noise { for p in g.patterns { patterns.append(p); roles.append(.noise(g.reason)) } }
        for g in rules.smallTalk { for p in g.patterns { patterns.append(p); roles.append(.smallTalk(g.reason)) } }
        for p in rules.important { patterns.append(p); roles.append(.important) }
        var categories: [String: Int] = [:]
        for (index, route) in rules.routes.enumerated() {
            for k in route.keywords { patterns.append(k); roles.append(.route(index)) }
            for c in route.categories where categories[Self.categoryKey(c)] == nil { categories[Self.categoryKey(c)] = index }
        }
        matcher = WordMatcher(patterns)
        self.roles = roles
        self.categories = categories
    }

    public func classify(text: String, category: String? = nil) -> IntakeVerdict {
        let normalized = WordMatcher.Normalized(text)
        var noAnswer: String?
        var noise: String?
        var smallTalk: String?
        var important = false
        var route: Int?
        for hit in matcher.matches(in: normalized) {
            switch roles[hit] {
            case .noAnswer(let reason): noAnswer = noAnswer ?? reason
            case .noise(let reason): noise = noise ?? reason
            case .smallTalk(let reason): smallTalk = smallTalk ?? reason
            case .important: important = true
            // The earliest route among the keywords found: rules are listed in priority order.
            case .route(let index): route = min(route ?? index, index)
            }
        }
        var disposition = IntakeVerdict.Disposition.incident
        if let noAnswer {
            disposition = .noAnswer(noAnswer)
        } else if let noise {
            disposition = .noise(noise)
        } else if let smallTalk, normalized.wordCount <= rules.smallTalkMaxWords, route == nil {
            // Small talk only when nothing in it names a problem a route knows.
            disposition = .noise(smallTalk)
        }
        if let category, let byCategory = categories[Self.categoryKey(category)] {
            route = byCategory
        }
        let chosen = route.map { rules.routes[$0] }
        return IntakeVerdict(disposition: disposition, important: important, topic: chosen?.topic, agency: chosen?.agency)
    }

    /// How names are compared: trimmed, lower case, ё = е.
    public static func categoryKey(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "ё", with: "е")
    }
}
