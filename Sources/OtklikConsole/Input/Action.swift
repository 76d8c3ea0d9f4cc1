import OtklikCore

/// Everything a user can do in the console. Each action is declared once, in
/// `Action.declarations`, with its name, default keys and help in both languages; the
/// key map, the hint bar, the help overlay and docs/keys.md all come from that table.
public enum Action: String, CaseIterable, Sendable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case first = "move-first"
    case last = "move-last"
    case toggleDetail = "toggle-detail"
    case search = "search"
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case filter = "filter"
    case command = "command"
    case view1 = "view-1", view2 = "view-2", view3 = "view-3", view4 = "view-4", view5 = "view-5"
    case view6 = "view-6", view7 = "view-7", view8 = "view-8", view9 = "view-9"
    case tag = "tag"
    case applyToTagged = "apply-to-tagged"
    case take = "take"
    case release = "release"
    case noAnswer = "no-answer"
    case sort = "sort"
    case pause = "pause"
    case refresh = "refresh"
    case redraw = "redraw"
    case suspend = "suspend"
    case help = "help"
    case back = "back"
    case close = "close"
    case quit = "quit"

    /// The incident action an action runs, if it is one (these also apply to the tagged
    /// incidents after `;`).
    public var incidentAction: IncidentAction? {
        switch self {
        case .take: .take
        case .release: .release
        case .noAnswer: .markNoAnswer
        default: nil
        }
    }

    /// The saved view a `view-N` action opens.
    public var viewKey: Int? {
        guard rawValue.hasPrefix("view-") else { return nil }
        return Int(rawValue.dropFirst(5))
    }
}

/// One action's declaration.
public struct ActionDeclaration: Sendable {
    public let action: Action
    public let keys: [Key]
    public let helpRU: String
    public let helpEN: String
    /// Shown in the hint bar (with the first key), in this order.
    public let hint: (ru: String, en: String)?

    public func help(_ language: Language) -> String { language == .en ? helpEN : helpRU }
    public func hintLabel(_ language: Language) -> String? { hint.map { language == .en ? $0.en : $0.ru } }
}

extension Action {
    public static let declarations: [ActionDeclaration] = [
        ActionDeclaration(action: .moveDown, keys: [.character("j"), .down], helpRU: "Следующий инцидент", helpEN: "Next incident", hint: ("вниз", "down")),
        ActionDeclaration(action: .moveUp, keys: [.character("k"), .up], helpRU: "Предыдущий инцидент", helpEN: "Previous incident", hint: ("вверх", "up")),
        ActionDeclaration(action: .pageDown, keys: [.pageDown], helpRU: "Страница вниз", helpEN: "Page down", hint: nil),
        ActionDeclaration(action: .pageUp, keys: [.pageUp], helpRU: "Страница вверх", helpEN: "Page up", hint: nil),
        ActionDeclaration(action: .halfPageDown, keys: [.control("d")], helpRU: "Полстраницы вниз", helpEN: "Half a page down", hint: nil),
        ActionDeclaration(action: .halfPageUp, keys: [.control("u")], helpRU: "Полстраницы вверх", helpEN: "Half a page up", hint: nil),
        ActionDeclaration(action: .first, keys: [.character("g"), .home], helpRU: "В начало списка", helpEN: "First incident", hint: nil),
        ActionDeclaration(action: .last, keys: [.character("G"), .end], helpRU: "В конец списка", helpEN: "Last incident", hint: nil),
        ActionDeclaration(action: .toggleDetail, keys: [.enter], helpRU: "Карточка на весь экран / обратно", helpEN: "Detail full screen / back", hint: ("карточка", "detail")),
        ActionDeclaration(action: .search, keys: [.character("/"), .function(3)], helpRU: "Поиск по тексту (ё = е)", helpEN: "Full-text search (ё = е)", hint: ("поиск", "search")),
        ActionDeclaration(action: .searchNext, keys: [.character("n")], helpRU: "Следующее совпадение", helpEN: "Next match", hint: nil),
        ActionDeclaration(action: .searchPrevious, keys: [.character("N")], helpRU: "Предыдущее совпадение", helpEN: "Previous match", hint: nil),
        ActionDeclaration(action: .filter, keys: [.character("\\"), .function(4)], helpRU: "Фильтр: статус:новый тема:дороги @я …", helpEN: "Filter: status:new topic:roads @me …", hint: ("фильтр", "filter")),
        ActionDeclaration(action: .command, keys: [.character(":")], helpRU: "Командная строка (Tab дополняет)", helpEN: "Command line (Tab completes)", hint: nil),
        ActionDeclaration(action: .view1, keys: [.character("1")], helpRU: "Вид 1: Новые", helpEN: "View 1: New", hint: nil),
        ActionDeclaration(action: .view2, keys: [.character("2")], helpRU: "Вид 2: Мои", helpEN: "View 2: Mine", hint: nil),
        ActionDeclaration(action: .view3, keys: [.character("3")], helpRU: "Вид 3: Скоро срок", helpEN: "View 3: Due soon", hint: nil),
        ActionDeclaration(action: .view4, keys: [.character("4")], helpRU: "Вид 4: Просроченные", helpEN: "View 4: Overdue", hint: nil),
        ActionDeclaration(action: .view5, keys: [.character("5")], helpRU: "Вид 5: Ждут ведомство", helpEN: "View 5: At agency", hint: nil),
        ActionDeclaration(action: .view6, keys: [.character("6")], helpRU: "Вид 6: Все открытые", helpEN: "View 6: All open", hint: nil),
        ActionDeclaration(action: .view7, keys: [.character("7")], helpRU: "Вид 7: Все", helpEN: "View 7: All", hint: nil),
        ActionDeclaration(action: .view8, keys: [.character("8")], helpRU: "Вид 8: Закрытые сегодня", helpEN: "View 8: Closed today", hint: nil),
        ActionDeclaration(action: .view9, keys: [.character("9")], helpRU: "Вид 9: Без ответа", helpEN: "View 9: No answer owed", hint: nil),
        ActionDeclaration(action: .tag, keys: [.character(" "), .character("t")], helpRU: "Отметить / снять отметку", helpEN: "Tag / untag", hint: nil),
        ActionDeclaration(action: .applyToTagged, keys: [.character(";")], helpRU: "Следующее действие — для всех отмеченных", helpEN: "Apply the next action to all tagged", hint: nil),
        ActionDeclaration(action: .take, keys: [.character("a")], helpRU: "Взять в работу: куратор — я, новый → в работе", helpEN: "Take: assign to me, new → in work", hint: nil),
        ActionDeclaration(action: .release, keys: [.character("A")], helpRU: "Вернуть: снять себя, в работе → новый", helpEN: "Release: unassign me, in work → new", hint: nil),
        ActionDeclaration(action: .noAnswer, keys: [.character("X")], helpRU: "Без ответа: ответ не требуется (спросит y/n)", helpEN: "No answer owed (asks y/n)", hint: nil),
        ActionDeclaration(action: .sort, keys: [.character("o")], helpRU: "Порядок: срок, новые, номер, статус, ведомство", helpEN: "Sort: deadline, newest, number, status, agency", hint: nil),
        ActionDeclaration(action: .pause, keys: [.character("Z")], helpRU: "Пауза живой пересортировки", helpEN: "Pause live re-sorting", hint: nil),
        ActionDeclaration(action: .refresh, keys: [.character("R"), .function(5)], helpRU: "Обновить список", helpEN: "Refresh the list", hint: nil),
        ActionDeclaration(action: .redraw, keys: [.control("l")], helpRU: "Перерисовать экран", helpEN: "Redraw the screen", hint: nil),
        ActionDeclaration(action: .suspend, keys: [.control("z")], helpRU: "Свернуть в оболочку (fg — вернуться)", helpEN: "Suspend to the shell (fg resumes)", hint: nil),
        ActionDeclaration(action: .help, keys: [.character("?"), .function(1)], helpRU: "Справка по клавишам", helpEN: "Key help", hint: ("справка", "help")),
        ActionDeclaration(action: .back, keys: [.escape, .control("g")], helpRU: "Назад: закрыть окно, поиск, фильтр", helpEN: "Back: close, clear search, filter", hint: nil),
        ActionDeclaration(action: .close, keys: [.character("q")], helpRU: "Назад (из списка — выход)", helpEN: "Back (quits from the inbox)", hint: ("выход", "quit")),
        ActionDeclaration(action: .quit, keys: [.character("Q"), .control("c"), .function(10)], helpRU: "Выйти", helpEN: "Quit", hint: nil),
    ]

    public var declaration: ActionDeclaration {
        Action.declarations.first { $0.action == self }!
    }
}
