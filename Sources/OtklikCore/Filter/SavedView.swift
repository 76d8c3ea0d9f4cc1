import Foundation

/// A named filter on a digit key of the inbox. Built-in views are data: a base filter and
/// whether it is limited to incidents closed since the start of today, which depends on
/// the moment and the center's time zone and is resolved by `filter(now:timeZone:)`.
public struct SavedView: Hashable, Sendable, Identifiable {
    /// The digit key, 1–9.
    public let key: Int
    public let nameRussian: String
    public let nameEnglish: String
    /// The view's conditions, except "closed today".
    public let base: InboxFilter
    /// Only incidents closed (or marked no-answer) since the start of today.
    public let closedToday: Bool

    public var id: Int { key }

    public init(key: Int, nameRussian: String, nameEnglish: String, base: InboxFilter, closedToday: Bool = false) {
        self.key = key
        self.nameRussian = nameRussian
        self.nameEnglish = nameEnglish
        self.base = base
        self.closedToday = closedToday
    }

    public func name(russian: Bool) -> String { russian ? nameRussian : nameEnglish }

    /// The filter this view stands for at `now`; "today" starts at midnight in `timeZone`
    /// (the center's zone).
    public func filter(now: Date, timeZone: TimeZone) -> InboxFilter {
        var filter = base
        if closedToday {
            filter.closedSince = FilterDates.start(of: FilterDates.day(of: now, in: timeZone), in: timeZone)
        }
        return filter
    }

    /// The built-in views, on keys 1–9.
    public static let builtIn: [SavedView] = [
        SavedView(key: 1, nameRussian: "Новые", nameEnglish: "New", base: InboxFilter(statuses: [.new])),
        SavedView(key: 2, nameRussian: "Мои", nameEnglish: "Mine", base: InboxFilter(mine: true, open: true)),
        SavedView(key: 3, nameRussian: "Скоро срок", nameEnglish: "Due soon", base: InboxFilter(atRisk: true)),
        SavedView(key: 4, nameRussian: "Просроченные", nameEnglish: "Overdue", base: InboxFilter(overdue: true)),
        SavedView(key: 5, nameRussian: "Ждут ведомство", nameEnglish: "At agency", base: InboxFilter(statuses: [.waitingAgency])),
        SavedView(key: 6, nameRussian: "Все открытые", nameEnglish: "All open", base: InboxFilter(open: true)),
        SavedView(key: 7, nameRussian: "Все", nameEnglish: "All", base: InboxFilter()),
        SavedView(key: 8, nameRussian: "Закрытые сегодня", nameEnglish: "Closed today", base: InboxFilter(), closedToday: true),
        SavedView(key: 9, nameRussian: "Без ответа", nameEnglish: "No answer owed", base: InboxFilter(statuses: [.noAnswer])),
    ]

    /// The built-in view on digit `key`, if any.
    public static func builtIn(key: Int) -> SavedView? {
        builtIn.first { $0.key == key }
    }
}
