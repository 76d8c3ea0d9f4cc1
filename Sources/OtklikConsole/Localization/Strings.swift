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
    public let columnOwner: String
    public let columnAge: String
    public let columnText: String
    public let loading: String
    public let emptyInbox: String
    public let nothingMatches: String
    public let terminalTooSmall: String
    public let helpTitle: String
    public let helpFooter: String
    public let helpScrollFooter: String
    public let refreshed: String
    public let position: @Sendable (Int, Int) -> String
    public let taggedCount: @Sendable (Int) -> String
    public let pausedMark: String
    public let view: String
    public let filterLabel: String
    public let searchLabel: String
    public let allIncidents: String
    public let searchPrompt: String
    public let filterPrompt: String
    public let detailFullHint: String
    public let fieldAuthor: String
    public let fieldLink: String
    public let fieldPlace: String
    public let fieldTopic: String
    public let fieldAgency: String
    public let fieldOwner: String
    public let fieldPolicy: String
    public let fieldReactionDue: String
    public let fieldAnswerDue: String
    public let fieldFinalDue: String
    public let done: String
    public let late: String
    public let thread: String
    public let history: String
    public let edited: String
    public let sources: [String: String]
    public let statuses: [String: String]
    public let messageKinds: [String: String]
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
        columnAgency: "Ведомство", columnStatus: "Статус", columnOwner: "Куратор", columnAge: "Возр.", columnText: "Текст",
        loading: "загрузка…", emptyInbox: "Входящих нет", nothingMatches: "Ничего не найдено (Esc — сбросить)",
        terminalTooSmall: "Окно слишком мало: нужно не меньше 80×24",
        helpTitle: "Клавиши", helpFooter: "Esc или q — закрыть", helpScrollFooter: "j/k — листать · Esc или q — закрыть",
        refreshed: "Обновлено",
        position: { "\($0) из \($1)" }, taggedCount: { "отмечено: \($0)" }, pausedMark: "ПАУЗА",
        view: "Вид", filterLabel: "фильтр", searchLabel: "поиск", allIncidents: "Все инциденты",
        searchPrompt: "поиск:", filterPrompt: "фильтр:",
        detailFullHint: "Esc/Enter — к списку",
        fieldAuthor: "Автор", fieldLink: "Ссылка", fieldPlace: "Место", fieldTopic: "Тема", fieldAgency: "Ведомство",
        fieldOwner: "Куратор", fieldPolicy: "Регламент", fieldReactionDue: "Реакция до", fieldAnswerDue: "Ответ до",
        fieldFinalDue: "Итоговый ответ до", done: "выполнено", late: "с опозданием",
        thread: "Переписка", history: "История", edited: "изменено",
        sources: ["vk": "ВК", "ok": "ОК", "telegram": "ТГ", "pos": "ПОС", "email": "e-mail", "open311": "311"],
        statuses: ["new": "новый", "in_progress": "в работе", "waiting_agency": "у ведомства",
                   "waiting_citizen": "ждёт автора", "answered": "отвечен", "closed": "закрыт", "no_answer": "без ответа"],
        messageKinds: ["citizen_post": "сообщение", "citizen_followup": "дополнение", "intermediate_reply": "промежуточный ответ",
                       "final_reply": "итоговый ответ", "internal_note": "внутренняя заметка"],
        day: "д", hour: "ч", minute: "мин", overduePrefix: "−")

    public static let english = Strings(
        appName: "Otklik",
        newCount: "new", openCount: "open", atRisk: "at risk", overdue: "overdue",
        columnSLA: "Due", columnNumber: "No.", columnSource: "Src", columnTopic: "Topic",
        columnAgency: "Agency", columnStatus: "Status", columnOwner: "Owner", columnAge: "Age", columnText: "Text",
        loading: "loading…", emptyInbox: "The inbox is empty", nothingMatches: "Nothing matches (Esc clears)",
        terminalTooSmall: "Terminal too small: 80×24 needed",
        helpTitle: "Keys", helpFooter: "Esc or q to close", helpScrollFooter: "j/k to scroll · Esc or q to close",
        refreshed: "Refreshed",
        position: { "\($0) of \($1)" }, taggedCount: { "tagged: \($0)" }, pausedMark: "PAUSED",
        view: "View", filterLabel: "filter", searchLabel: "search", allIncidents: "All incidents",
        searchPrompt: "search:", filterPrompt: "filter:",
        detailFullHint: "Esc/Enter: back to the list",
        fieldAuthor: "Author", fieldLink: "Link", fieldPlace: "Place", fieldTopic: "Topic", fieldAgency: "Agency",
        fieldOwner: "Owner", fieldPolicy: "Policy", fieldReactionDue: "React by", fieldAnswerDue: "Answer by",
        fieldFinalDue: "Final answer by", done: "done", late: "late",
        thread: "Thread", history: "History", edited: "edited",
        sources: ["vk": "VK", "ok": "OK", "telegram": "TG", "pos": "POS", "email": "e-mail", "open311": "311"],
        statuses: ["new": "new", "in_progress": "in work", "waiting_agency": "at agency",
                   "waiting_citizen": "asked author", "answered": "answered", "closed": "closed", "no_answer": "no answer"],
        messageKinds: ["citizen_post": "message", "citizen_followup": "follow-up", "intermediate_reply": "intermediate answer",
                       "final_reply": "final answer", "internal_note": "internal note"],
        day: "d", hour: "h", minute: "min", overduePrefix: "−")
}
