import OtklikCore

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
    /// The header's "порядок: по сроку", and the sort menu (`o`).
    public let sortLabel: String
    public let sortMenu: String
    public let sortNames: [InboxSort: String]
    public let cancelled: String
    /// Incident actions: what happened, and why not.
    public let actionDone: @Sendable (IncidentAction, _ number: Int) -> String
    public let actionDoneTagged: @Sendable (IncidentAction, _ done: Int, _ of: Int) -> String
    public let changedUnderneath: @Sendable (_ number: Int) -> String
    public let changedUnderneathCount: @Sendable (Int) -> String
    public let notApplicableCount: @Sendable (Int) -> String
    public let gone: @Sendable (_ number: Int) -> String
    public let refusal: @Sendable (IncidentAction, IncidentActionRefusal, _ number: Int) -> String
    public let noOperator: String
    /// The confirmation of "no answer owed", for one incident and for the tagged ones.
    public let confirmNoAnswer: @Sendable (_ number: Int) -> String
    public let confirmNoAnswerTagged: @Sendable (_ count: Int) -> String
    /// `;`: armed, cancelled by an action that does not apply, nothing tagged.
    public let applyToTaggedArmed: @Sendable (_ keys: [String]) -> String
    public let applyToTaggedCancelled: String
    public let nothingTagged: String
}

/// "a, A или X".
func listed(_ items: [String], or word: String) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
}

/// "1 обращение", "2 обращения", "5 обращений".
func russianPlural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
    let tens = n % 100, units = n % 10
    if units == 1 && tens != 11 { return one }
    if (2...4).contains(units) && !(12...14).contains(tens) { return few }
    return many
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
        statuses: russianStatuses,
        messageKinds: ["citizen_post": "сообщение", "citizen_followup": "дополнение", "intermediate_reply": "промежуточный ответ",
                       "final_reply": "итоговый ответ", "internal_note": "внутренняя заметка"],
        day: "д", hour: "ч", minute: "мин", overduePrefix: "−",
        sortLabel: "порядок", sortMenu: "Порядок:",
        sortNames: [.deadline: "по сроку", .newest: "сначала новые", .number: "по номеру", .status: "по статусу",
                    .agency: "по ведомству"],
        cancelled: "Отменено",
        actionDone: { action, number in
            switch action {
            case .take: "№\(number) взято в работу"
            case .release: "№\(number) возвращено в очередь"
            case .markNoAnswer: "№\(number) отмечено «без ответа»"
            }
        },
        actionDoneTagged: { action, done, of in
            switch action {
            case .take: "Взято в работу: \(done) из \(of)"
            case .release: "Возвращено в очередь: \(done) из \(of)"
            case .markNoAnswer: "Отмечено «без ответа»: \(done) из \(of)"
            }
        },
        changedUnderneath: { "№\($0) изменено кем-то другим — список обновлён" },
        changedUnderneathCount: { "изменено другими: \($0) (обновлено)" },
        notApplicableCount: { "неприменимо: \($0)" },
        gone: { "№\($0) больше нет" },
        refusal: { action, refusal, number in
            switch refusal {
            case .ended(let status): "№\(number) уже завершено (\(russianStatuses[status.rawValue] ?? status.rawValue))"
            case .alreadyDone:
                switch action {
                case .take: "№\(number) уже у вас в работе"
                case .release: "№\(number) ни за кем не закреплено"
                case .markNoAnswer: "№\(number) уже «без ответа»"
                }
            case .ownedByAnother(let login): "№\(number) закреплено за \(login) — вернуть может только куратор"
            case .unknownOperator(let login): "Оператора «\(login)» нет в базе — действия недоступны"
            }
        },
        noOperator: "Не задан оператор (--operator) — действия недоступны",
        confirmNoAnswer: { "Отметить №\($0) «без ответа» (ответ не требуется)? y/n" },
        confirmNoAnswerTagged: { "Отметить \($0) \(russianPlural($0, "обращение", "обращения", "обращений")) «без ответа»? y/n" },
        applyToTaggedArmed: { "Действие для всех отмеченных: \(listed($0, or: "или")) (Esc — отмена)" },
        applyToTaggedCancelled: "Отменено: это действие не применяется к отмеченным",
        nothingTagged: "Нет отмеченных: Space или t — отметить")

    static let russianStatuses = ["new": "новый", "in_progress": "в работе", "waiting_agency": "у ведомства",
                                  "waiting_citizen": "ждёт автора", "answered": "отвечен", "closed": "закрыт",
                                  "no_answer": "без ответа"]

    static let englishStatuses = ["new": "new", "in_progress": "in work", "waiting_agency": "at agency",
                                  "waiting_citizen": "asked author", "answered": "answered", "closed": "closed",
                                  "no_answer": "no answer"]

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
        statuses: englishStatuses,
        messageKinds: ["citizen_post": "message", "citizen_followup": "follow-up", "intermediate_reply": "intermediate answer",
                       "final_reply": "final answer", "internal_note": "internal note"],
        day: "d", hour: "h", minute: "min", overduePrefix: "−",
        sortLabel: "sort", sortMenu: "Sort:",
        sortNames: [.deadline: "by deadline", .newest: "newest first", .number: "by number", .status: "by status",
                    .agency: "by agency"],
        cancelled: "Cancelled",
        actionDone: { action, number in
            switch action {
            case .take: "No. \(number) taken: yours, in work"
            case .release: "No. \(number) released"
            case .markNoAnswer: "No. \(number) marked no answer owed"
            }
        },
        actionDoneTagged: { action, done, of in
            switch action {
            case .take: "Taken: \(done) of \(of)"
            case .release: "Released: \(done) of \(of)"
            case .markNoAnswer: "Marked no answer owed: \(done) of \(of)"
            }
        },
        changedUnderneath: { "No. \($0) was changed by someone else: refreshed" },
        changedUnderneathCount: { "changed by someone else: \($0) (refreshed)" },
        notApplicableCount: { "not applicable: \($0)" },
        gone: { "No. \($0) no longer exists" },
        refusal: { action, refusal, number in
            switch refusal {
            case .ended(let status): "No. \(number) has ended (\(englishStatuses[status.rawValue] ?? status.rawValue))"
            case .alreadyDone:
                switch action {
                case .take: "No. \(number) is already yours, in work"
                case .release: "No. \(number) has no owner"
                case .markNoAnswer: "No. \(number) is already marked no answer owed"
                }
            case .ownedByAnother(let login): "No. \(number) belongs to \(login): only its owner can release it"
            case .unknownOperator(let login): "Operator «\(login)» is not in the store: actions are unavailable"
            }
        },
        noOperator: "No operator given (--operator): actions are unavailable",
        confirmNoAnswer: { "Mark No. \($0) no answer owed? y/n" },
        confirmNoAnswerTagged: { "Mark \($0) \($0 == 1 ? "incident" : "incidents") no answer owed? y/n" },
        applyToTaggedArmed: { "Next action on all tagged: \(listed($0, or: "or")) (Esc cancels)" },
        applyToTaggedCancelled: "Cancelled: that action does not apply to tagged incidents",
        nothingTagged: "Nothing tagged: Space or t tags")
}
