import Foundation

// The inbox filter language (docs/filter.md):
//
//     статус:новый,в_работе тема:дороги ведомство:"ДГХ Озерецк" просрочено @я яма
//
// Tokens are separated by white space. `key:value` or `key:"value with spaces"`; a comma
// separates alternatives (OR). Keys and words are case-insensitive and ё = е; Russian and
// English keywords mean the same. Anything that is neither a condition nor a flag is a
// free word searched in the text of the thread.

/// A key of the filter language.
public enum FilterKey: String, CaseIterable, Hashable, Sendable {
    case status, source, priority, topic, agency, owner, closed

    /// The key as written in that language.
    public func name(russian: Bool) -> String {
        guard russian else { return rawValue }
        switch self {
        case .status: return "статус"
        case .source: return "источник"
        case .priority: return "приоритет"
        case .topic: return "тема"
        case .agency: return "ведомство"
        case .owner: return "владелец"
        case .closed: return "закрыто"
        }
    }

    /// Every spelling the parser accepts, folded.
    static let spellings: [String: FilterKey] = {
        var result: [String: FilterKey] = [:]
        for key in allCases {
            result[InboxFilter.fold(key.rawValue)] = key
            result[InboxFilter.fold(key.name(russian: true))] = key
        }
        return result
    }()
}

/// A flag of the filter language: a word that stands for a condition.
public enum FilterFlag: String, CaseIterable, Hashable, Sendable {
    case mine, overdue, atRisk, open, unassigned

    /// The flag as written in that language.
    public func name(russian: Bool) -> String {
        switch self {
        case .mine: return russian ? "@я" : "@me"
        case .overdue: return russian ? "просрочено" : "overdue"
        case .atRisk: return russian ? "подугрозой" : "atrisk"
        case .open: return russian ? "открытые" : "open"
        case .unassigned: return russian ? "неназначенные" : "unassigned"
        }
    }

    /// Every spelling the parser accepts, folded.
    static let spellings: [String: FilterFlag] = [
        "@я": .mine, "@me": .mine,
        "просрочено": .overdue, "просроченные": .overdue, "overdue": .overdue,
        "подугрозой": .atRisk, "под_угрозой": .atRisk, "угроза": .atRisk,
        "atrisk": .atRisk, "at_risk": .atRisk, "risk": .atRisk,
        "открытые": .open, "open": .open,
        "неназначенные": .unassigned, "ничьи": .unassigned, "unassigned": .unassigned,
    ]
}

/// Why a filter text could not be read, and where.
public struct FilterError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// `word:…` where `word` is not a key.
        case unknownKey(String)
        /// A key with nothing after the colon, or an empty item of a comma list.
        case emptyValue(FilterKey)
        /// A status, source or priority that does not exist.
        case unknownValue(FilterKey, String)
        /// A flag written with a value (`просрочено:да`).
        case flagWithValue(FilterFlag, String)
        /// A `"` that is never closed.
        case unterminatedQuote
        /// A date of `закрыто:` that is not a date.
        case badDate(String)
        /// `закрыто:сегодня` parsed without the current time.
        case relativeDateWithoutClock(String)
    }

    public let kind: Kind
    /// Where the bad part starts, in characters from the start of the text (0-based).
    public let offset: Int
    /// How many characters the bad part spans (at least 1).
    public let length: Int

    public init(_ kind: Kind, offset: Int, length: Int) {
        self.kind = kind
        self.offset = offset
        self.length = max(1, length)
    }

    /// What is wrong and what is accepted, for the operator.
    public func message(russian: Bool) -> String {
        switch kind {
        case .unknownKey(let key):
            let keys = FilterKey.allCases.map { $0.name(russian: russian) }.joined(separator: ", ")
            return russian ? "неизвестный ключ «\(key)»: \(keys)" : "unknown key «\(key)»: \(keys)"
        case .emptyValue(let key):
            let name = key.name(russian: russian)
            return russian ? "нет значения после «\(name):»: \(Self.accepted(key, russian: true))"
                : "no value after «\(name):»: \(Self.accepted(key, russian: false))"
        case .unknownValue(let key, let value):
            let what: String = switch key {
            case .status: russian ? "неизвестное значение статуса" : "unknown status"
            case .source: russian ? "неизвестный источник" : "unknown source"
            case .priority: russian ? "неизвестный приоритет" : "unknown priority"
            default: russian ? "неизвестное значение «\(key.name(russian: true))»" : "unknown \(key.rawValue)"
            }
            return "\(what) «\(value)»: \(Self.accepted(key, russian: russian))"
        case .flagWithValue(let flag, let typed):
            return russian ? "«\(typed)» — признак без значения: напишите просто «\(flag.name(russian: true))»"
                : "«\(typed)» is a flag and takes no value: write just «\(flag.name(russian: false))»"
        case .unterminatedQuote:
            return russian ? "кавычка \" не закрыта: добавьте \" в конце значения"
                : "unterminated quote: add a closing \" after the value"
        case .badDate(let value):
            return russian ? "непонятная дата «\(value)»: \(Self.accepted(.closed, russian: true))"
                : "not a date «\(value)»: \(Self.accepted(.closed, russian: false))"
        case .relativeDateWithoutClock(let value):
            return russian ? "«\(value)» зависит от текущего времени, а оно не задано: укажите дату, например 2026-11-29"
                : "«\(value)» depends on the current time, which is not given: write a date, e.g. 2026-11-29"
        }
    }

    public var description: String { "\(message(russian: false)) (at \(offset))" }

    /// What a key accepts, as shown in error messages.
    static func accepted(_ key: FilterKey, russian: Bool) -> String {
        switch key {
        case .status: return IncidentStatus.allCases.map { $0.filterName(russian: russian) }.joined(separator: ", ")
        case .source: return SourceKind.allCases.map { $0.filterName(russian: russian) }.joined(separator: ", ")
        case .priority: return Priority.allCases.map { $0.filterName(russian: russian) }.joined(separator: ", ")
        case .topic: return russian ? "начало названия темы или её код, например тема:дороги"
            : "the start of a topic's name or its code, e.g. topic:roads"
        case .agency: return russian ? "начало краткого названия ведомства, например ведомство:Водоканал"
            : "the start of an agency's short name, e.g. agency:Водоканал"
        case .owner: return russian ? "логин оператора, например владелец:ivanova"
            : "an operator's login, e.g. owner:ivanova"
        case .closed: return russian ? "сегодня, вчера, ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ+05:00"
            : "today, yesterday, YYYY-MM-DD or YYYY-MM-DDTHH:MM+05:00"
        }
    }
}

// MARK: - Values

extension IncidentStatus {
    /// The status as written in the filter language.
    public func filterName(russian: Bool) -> String {
        guard russian else { return rawValue }
        switch self {
        case .new: return "новый"
        case .inProgress: return "в_работе"
        case .waitingAgency: return "у_ведомства"
        case .waitingCitizen: return "ждёт_автора"
        case .answered: return "отвечен"
        case .closed: return "закрыт"
        case .noAnswer: return "без_ответа"
        }
    }

    static let filterSpellings: [String: IncidentStatus] = {
        var result: [String: IncidentStatus] = [:]
        for status in allCases { result[status.rawValue] = status }
        let russian: [IncidentStatus: [String]] = [
            .new: ["новый", "новые"],
            .inProgress: ["вработе", "в_работе", "работа"],
            .waitingAgency: ["уведомства", "у_ведомства", "ведомство"],
            .waitingCitizen: ["ждёт", "ждёт_автора"],
            .answered: ["отвечен", "отвеченные"],
            .closed: ["закрыт", "закрытые"],
            .noAnswer: ["безответа", "без_ответа"],
        ]
        for (status, words) in russian { for word in words { result[InboxFilter.fold(word)] = status } }
        return result
    }()
}

extension SourceKind {
    /// The source as written in the filter language.
    public func filterName(russian: Bool) -> String {
        guard russian else { return rawValue }
        switch self {
        case .vk: return "вк"
        case .ok: return "ок"
        case .telegram: return "тг"
        case .pos: return "пос"
        case .email: return "почта"
        case .open311: return "311"
        }
    }

    static let filterSpellings: [String: SourceKind] = [
        "vk": .vk, "вк": .vk,
        "ok": .ok, "ок": .ok,
        "telegram": .telegram, "tg": .telegram, "тг": .telegram,
        "pos": .pos, "пос": .pos,
        "email": .email, "e-mail": .email, "почта": .email,
        "open311": .open311, "311": .open311,
    ]
}

extension Priority {
    /// The priority as written in the filter language.
    public func filterName(russian: Bool) -> String {
        guard russian else { return rawValue }
        switch self {
        case .low: return "низкий"
        case .normal: return "обычный"
        case .high: return "высокий"
        case .critical: return "критический"
        }
    }

    static let filterSpellings: [String: Priority] = [
        "low": .low, "низкий": .low,
        "normal": .normal, "обычный": .normal,
        "high": .high, "высокий": .high, "важный": .high,
        "critical": .critical, "критический": .critical,
    ]
}

// MARK: - Parsing

extension InboxFilter {
    /// Reads a filter written in the filter language.
    ///
    /// `now` and `timeZone` resolve `закрыто:сегодня` / `вчера` and dates without a time
    /// (the start of that day in `timeZone`, by default UTC); without `now`, relative
    /// dates are an error.
    public static func parse(_ text: String, now: Date? = nil,
                             timeZone: TimeZone = FilterDates.utc) throws(FilterError) -> InboxFilter {
        var parser = FilterParser(text: Array(text), now: now, timeZone: timeZone)
        return try parser.parse()
    }
}

/// One item of a token after quotes are removed, with where it came from.
private struct FilterItem {
    var value: String
    var quoted: Bool
    var offset: Int
    var length: Int
}

private struct FilterParser {
    let text: [Character]
    let now: Date?
    let timeZone: TimeZone
    var filter = InboxFilter()

    init(text: [Character], now: Date?, timeZone: TimeZone) {
        self.text = text
        self.now = now
        self.timeZone = timeZone
    }

    mutating func parse() throws(FilterError) -> InboxFilter {
        var index = 0
        while index < text.count {
            if text[index].isWhitespace { index += 1; continue }
            let start = index
            var inQuote = false
            var quoteStart = 0
            while index < text.count, inQuote || !text[index].isWhitespace {
                let ch = text[index]
                if inQuote, ch == "\\", index + 1 < text.count {
                    index += 2
                    continue
                }
                if ch == "\"" {
                    inQuote.toggle()
                    quoteStart = index
                }
                index += 1
            }
            if inQuote { throw FilterError(.unterminatedQuote, offset: quoteStart, length: text.count - quoteStart) }
            try token(start..<index)
        }
        return filter
    }

    /// The first colon outside quotes, if everything before it is unquoted.
    private func keyColon(in range: Range<Int>) -> Int? {
        for i in range {
            if text[i] == "\"" { return nil }
            if text[i] == ":" { return i }
        }
        return nil
    }

    private mutating func token(_ range: Range<Int>) throws(FilterError) {
        if let colon = keyColon(in: range), colon > range.lowerBound {
            let typedKey = String(text[range.lowerBound..<colon])
            let folded = InboxFilter.fold(typedKey)
            if let flag = FilterFlag.spellings[folded] {
                throw FilterError(.flagWithValue(flag, typedKey), offset: range.lowerBound, length: range.count)
            }
            if let key = FilterKey.spellings[folded] {
                let items = self.items(colon + 1..<range.upperBound)
                for item in items {
                    try value(item, for: key)
                }
                return
            }
            if folded.allSatisfy({ $0.isLetter || $0 == "_" }) {
                throw FilterError(.unknownKey(typedKey), offset: range.lowerBound, length: colon - range.lowerBound)
            }
        }
        let word = unquote(range)
        if !word.quoted, let flag = FilterFlag.spellings[InboxFilter.fold(word.value)] {
            switch flag {
            case .mine: filter.mine = true
            case .overdue: filter.overdue = true
            case .atRisk: filter.atRisk = true
            case .open: filter.open = true
            case .unassigned: filter.unassigned = true
            }
            return
        }
        if !word.value.isEmpty { filter.words.append(word.value) }
    }

    /// The comma-separated items of a value, quotes removed. A comma inside quotes is
    /// part of the value.
    private func items(_ range: Range<Int>) -> [FilterItem] {
        var result: [FilterItem] = []
        var start = range.lowerBound
        var inQuote = false
        var i = range.lowerBound
        while i < range.upperBound {
            let ch = text[i]
            if inQuote, ch == "\\", i + 1 < range.upperBound {
                i += 2
                continue
            }
            if ch == "\"" { inQuote.toggle() }
            if ch == ",", !inQuote {
                result.append(unquote(start..<i))
                start = i + 1
            }
            i += 1
        }
        result.append(unquote(start..<range.upperBound))
        return result
    }

    /// The characters of `range` with quotes removed and escapes inside quotes resolved.
    private func unquote(_ range: Range<Int>) -> FilterItem {
        var value = ""
        var quoted = false
        var inQuote = false
        var i = range.lowerBound
        while i < range.upperBound {
            let ch = text[i]
            if inQuote, ch == "\\", i + 1 < range.upperBound {
                value.append(text[i + 1])
                i += 2
                continue
            }
            if ch == "\"" {
                inQuote.toggle()
                quoted = true
            } else {
                value.append(ch)
            }
            i += 1
        }
        return FilterItem(value: value, quoted: quoted, offset: range.lowerBound, length: range.count)
    }

    private mutating func value(_ item: FilterItem, for key: FilterKey) throws(FilterError) {
        guard !item.value.isEmpty else {
            throw FilterError(.emptyValue(key), offset: item.offset, length: item.length)
        }
        let folded = InboxFilter.fold(item.value)
        switch key {
        case .status:
            guard let status = IncidentStatus.filterSpellings[folded] else {
                throw FilterError(.unknownValue(key, item.value), offset: item.offset, length: item.length)
            }
            filter.statuses.append(status)
        case .source:
            guard let source = SourceKind.filterSpellings[folded] else {
                throw FilterError(.unknownValue(key, item.value), offset: item.offset, length: item.length)
            }
            filter.sources.append(source)
        case .priority:
            guard let priority = Priority.filterSpellings[folded] else {
                throw FilterError(.unknownValue(key, item.value), offset: item.offset, length: item.length)
            }
            filter.priorities.append(priority)
        case .topic:
            filter.topics.append(item.value)
        case .agency:
            filter.agencies.append(item.value)
        case .owner:
            filter.owners.append(item.value)
        case .closed:
            let since = try date(item, folded: folded)
            filter.closedSince = min(filter.closedSince ?? since, since)
        }
    }

    private func date(_ item: FilterItem, folded: String) throws(FilterError) -> Date {
        let back: Int? = switch folded {
        case "сегодня", "today": 0
        case "вчера", "yesterday": 1
        default: nil
        }
        if let back {
            guard let now else {
                throw FilterError(.relativeDateWithoutClock(item.value), offset: item.offset, length: item.length)
            }
            let today = FilterDates.day(of: now, in: timeZone)
            return FilterDates.start(of: today.adding(days: -back), in: timeZone)
        }
        if let day = CivilDay(iso: folded) {
            return FilterDates.start(of: day, in: timeZone)
        }
        if let instant = FilterDates.instant(iso: folded) {
            return instant
        }
        throw FilterError(.badDate(item.value), offset: item.offset, length: item.length)
    }
}

// MARK: - Text

extension InboxFilter: CustomStringConvertible {
    /// The filter in the filter language, in Russian, dates in UTC; `parse` reads it back.
    public var text: String { text(russian: true, timeZone: FilterDates.utc) }

    public var description: String { text }

    /// The filter in the filter language. A `closedSince` at midnight in `timeZone` is
    /// written as a date, which `parse(_:now:timeZone:)` with the same zone reads back;
    /// any other instant is written with its offset.
    public func text(russian: Bool, timeZone: TimeZone) -> String {
        var parts: [String] = []
        func add(_ key: FilterKey, _ values: [String]) {
            guard !values.isEmpty else { return }
            parts.append("\(key.name(russian: russian)):" + values.map(Self.quotedValue).joined(separator: ","))
        }
        add(.status, statuses.map { $0.filterName(russian: russian) })
        add(.source, sources.map { $0.filterName(russian: russian) })
        add(.priority, priorities.map { $0.filterName(russian: russian) })
        add(.topic, topics)
        add(.agency, agencies)
        add(.owner, owners)
        let flags: [(Bool, FilterFlag)] = [(mine, .mine), (overdue, .overdue), (atRisk, .atRisk), (open, .open), (unassigned, .unassigned)]
        for (on, flag) in flags where on { parts.append(flag.name(russian: russian)) }
        if let closedSince { add(.closed, [FilterDates.text(closedSince, in: timeZone)]) }
        for word in words where !word.isEmpty { parts.append(Self.quotedWord(word)) }
        return parts.joined(separator: " ")
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for ch in text {
            if ch == "\"" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + "\""
    }

    private static func quotedValue(_ value: String) -> String {
        value.contains(where: { $0.isWhitespace || $0 == "," || $0 == "\"" }) || value.first == "\\" || value.isEmpty
            ? quoted(value) : value
    }

    private static func quotedWord(_ word: String) -> String {
        let plain = !word.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == ":" })
            && FilterFlag.spellings[fold(word)] == nil
        return plain ? word : quoted(word)
    }
}

// MARK: - Dates

/// Days and instants of the `закрыто:` key, computed without Foundation's calendars.
public enum FilterDates {
    public static let utc = TimeZone(secondsFromGMT: 0)!

    /// The local date of `date` in `zone`.
    public static func day(of date: Date, in zone: TimeZone) -> CivilDay {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        return CivilDay(number: floorDiv(local, 86_400))
    }

    /// The first instant of `day` in `zone`.
    public static func start(of day: CivilDay, in zone: TimeZone) -> Date {
        let local = day.number * 86_400
        let guess = Date(timeIntervalSince1970: TimeInterval(local - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))))
        return Date(timeIntervalSince1970: TimeInterval(local - zone.secondsFromGMT(for: guess)))
    }

    /// `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`, folded to lower case.
    static func instant(iso text: String) -> Date? {
        let chars = Array(text)
        guard chars.count >= 17, chars[10] == "t", let day = CivilDay(iso: String(chars[0..<10])) else { return nil }
        var rest = Array(chars[11...])
        func number(_ count: Int) -> Int? {
            guard rest.count >= count, rest.prefix(count).allSatisfy(\.isASCII), let n = Int(String(rest.prefix(count))) else { return nil }
            rest.removeFirst(count)
            return n
        }
        guard let hour = number(2), hour < 24, rest.first == ":" else { return nil }
        rest.removeFirst()
        guard let minute = number(2), minute < 60 else { return nil }
        var second = 0
        if rest.first == ":" {
            rest.removeFirst()
            guard let s = number(2), s < 60 else { return nil }
            second = s
        }
        var offset = 0
        if rest == ["z"] {
            rest = []
        } else if let sign = rest.first, sign == "+" || sign == "-" {
            rest.removeFirst()
            guard let h = number(2), h < 24, rest.first == ":" else { return nil }
            rest.removeFirst()
            guard let m = number(2), m < 60 else { return nil }
            offset = (h * 3_600 + m * 60) * (sign == "-" ? -1 : 1)
        } else {
            return nil
        }
        guard rest.isEmpty else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(day.number * 86_400 + hour * 3_600 + minute * 60 + second - offset))
    }

    /// A date at local midnight as `YYYY-MM-DD`, any other instant as
    /// `YYYY-MM-DDTHH:MM:SS+HH:MM` (whole seconds, rounded up).
    static func text(_ date: Date, in zone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.up))
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds))
        let day = day(of: whole, in: zone)
        if start(of: day, in: zone) == whole { return day.description }
        let offset = zone.secondsFromGMT(for: whole)
        let local = seconds + offset
        let inDay = local - floorDiv(local, 86_400) * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let zoneText = offset == 0 ? "Z" : "\(offset < 0 ? "-" : "+")\(two(abs(offset) / 3_600)):\(two(abs(offset) % 3_600 / 60))"
        return "\(day)T\(two(inDay / 3_600)):\(two(inDay % 3_600 / 60)):\(two(inDay % 60))\(zoneText)"
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
