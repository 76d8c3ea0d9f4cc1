/// Every string the console shows, in one place per language. A new string is a new
/// field, so a language that lacks it does not compile.
public struct Strings: Sendable {
    public let appName: String
    public let newCount: String
    public let openCount: String
    public let atRisk: String
    public let overdue: String
    public let columnSLA: String
    public let columnNumber: String
    public let columnSource: String
    public let columnTopic: String
    public let columnAgency: String
    public let columnStatus: String
    public let columnText: String
    public let loading: String
    public let emptyInbox: String
    public let terminalTooSmall: String
    public let helpTitle: String
    public let helpFooter: String
    public let refreshed: String
    public let position: @Sendable (Int, Int) -> String
    public let sources: [String: String]
    public let statuses: [String: String]
    /// "2 д 3 ч": days, hours, minutes units.
    public let day: String
    public let hour: String
    public let minute: String
    public let overduePrefix: String
}

extension Strings {
    public static let russian = Strings(
        appName: "Отклик",
        newCount: "новые", openCount: "в работе", atRisk: "под угрозой", overdue: "просрочено",
        columnSLA: "Срок", columnNumber: "№", columnSource: "Ист", columnTopic: "Тема",
        columnAgency: "Ведомство", columnStatus: "Статус", columnText: "Текст",
        loading: "загрузка…", emptyInbox: "Входящих нет",
        terminalTooSmall: "Окно слишком мало: нужно не меньше 80×24",
        helpTitle: "Клавиши", helpFooter: "Esc или q — закрыть",
        refreshed: "Обновлено",
        position: { "\($0) из \($1)" },
        sources: ["vk": "ВК", "ok": "ОК", "telegram": "ТГ", "pos": "ПОС", "email": "e-mail", "open311": "311"],
        statuses: ["new": "новый", "in_progress": "в работе", "waiting_agency": "у ведомства",
                   "waiting_citizen": "ждёт автора", "answered": "отвечен", "closed": "закрыт", "no_answer": "без ответа"],
        day: "д", hour: "ч", minute: "мин", overduePrefix: "−")

    public static let english = Strings(
        appName: "Otklik",
        newCount: "new", openCount: "open", atRisk: "at risk", overdue: "overdue",
        columnSLA: "Due", columnNumber: "No.", columnSource: "Src", columnTopic: "Topic",
        columnAgency: "Agency", columnStatus: "Status", columnText: "Text",
        loading: "loading…", emptyInbox: "The inbox is empty",
        terminalTooSmall: "Terminal too small: 80×24 needed",
        helpTitle: "Keys", helpFooter: "Esc or q to close",
        refreshed: "Refreshed",
        position: { "\($0) of \($1)" },
        sources: ["vk": "VK", "ok": "OK", "telegram": "TG", "pos": "POS", "email": "e-mail", "open311": "311"],
        statuses: ["new": "new", "in_progress": "in work", "waiting_agency": "at agency",
                   "waiting_citizen": "asked author", "answered": "answered", "closed": "closed", "no_answer": "no answer"],
        day: "d", hour: "h", minute: "min", overduePrefix: "−")
}
