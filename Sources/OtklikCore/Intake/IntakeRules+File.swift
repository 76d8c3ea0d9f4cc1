extension IntakeRules {
    /// Rules from an `ingest.toml` file (docs/ingest.md). Each section the file has
    /// replaces the same section of `base`:
    ///
    ///     small_talk_max_words = 10
    ///     important = ["ребенок", "пожар"]
    ///     [noise]                      # reason = patterns
    ///     spam = ["заработок", "без вложений"]
    ///     [small_talk]
    ///     greeting = ["доброе утро"]
    ///     [no_answer]
    ///     threat = ["убью"]
    ///     [[route]]                    # in priority order
    ///     topic = "roads.potholes"
    ///     agency = "Дорожное агентство" # optional; else the topic's default agency
    ///     keywords = ["яма", "выбоин"]
    ///     categories = ["Дороги"]
    public static func parse(_ text: String, path: String, base: IntakeRules = .builtIn) throws(SimpleTOML.ParseError) -> IntakeRules {
        let entries = try SimpleTOML.parse(text, path: path)
        var rules = base
        var replaced: Set<String> = []
        var routes: [Int: Route] = [:]
        func fail(_ entry: SimpleTOML.Entry, _ reason: String) -> SimpleTOML.ParseError {
            SimpleTOML.ParseError(path: path, line: entry.line, reason: reason)
        }
        for entry in entries {
            let table = entry.table
            if table.hasPrefix("route#") {
                let n = Int(table.dropFirst("route#".count))!
                var route = routes[n] ?? Route(topic: "")
                switch (entry.key, entry.value) {
                case ("topic", .string(let v)): route.topic = v
                case ("agency", .string(let v)): route.agency = v
                case ("keywords", .strings(let v)): route.keywords = v
                case ("categories", .strings(let v)): route.categories = v
                default: throw fail(entry, "a [[route]] has topic, agency (strings), keywords and categories (lists)")
                }
                routes[n] = route
                continue
            }
            switch table {
            case "":
                switch (entry.key, entry.value) {
                case ("small_talk_max_words", .integer(let n)) where n >= 0: rules.smallTalkMaxWords = n
                case ("important", .strings(let v)): rules.important = v
                default: throw fail(entry, "unknown setting \"\(entry.key)\" (small_talk_max_words, important, [noise], [small_talk], [no_answer], [[route]])")
                }
            case "noise", "small_talk", "no_answer":
                guard case .strings(let patterns) = entry.value else { throw fail(entry, "\(entry.key) is a list of quoted patterns") }
                let group = Group(entry.key, patterns)
                let first = replaced.insert(table).inserted
                switch table {
                case "noise": rules.noise = (first ? [] : rules.noise) + [group]
                case "small_talk": rules.smallTalk = (first ? [] : rules.smallTalk) + [group]
                default: rules.noAnswer = (first ? [] : rules.noAnswer) + [group]
                }
            default:
                throw fail(entry, "unknown table [\(table)] (noise, small_talk, no_answer, [[route]])")
            }
        }
        if !routes.isEmpty {
            rules.routes = []
            for n in routes.keys.sorted() {
                guard let route = routes[n], !route.topic.isEmpty else {
                    throw SimpleTOML.ParseError(path: path, line: 0, reason: "route \(n) has no topic")
                }
                rules.routes.append(route)
            }
        }
        return rules
    }
}
