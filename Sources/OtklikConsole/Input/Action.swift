/// Everything a user can do in the console. Each action is declared once, in
/// `Action.declarations`, with its name, default keys and help in both languages; the
/// key map, the hint bar and the help overlay are all built from that table.
public enum Action: String, CaseIterable, Sendable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case first = "move-first"
    case last = "move-last"
    case help = "help"
    case back = "back"
    case quit = "quit"
    case refresh = "refresh"
    case redraw = "redraw"
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
        ActionDeclaration(action: .pageDown, keys: [.pageDown, .character(" ")], helpRU: "Страница вниз", helpEN: "Page down", hint: nil),
        ActionDeclaration(action: .pageUp, keys: [.pageUp], helpRU: "Страница вверх", helpEN: "Page up", hint: nil),
        ActionDeclaration(action: .halfPageDown, keys: [.control("d")], helpRU: "Полстраницы вниз", helpEN: "Half a page down", hint: nil),
        ActionDeclaration(action: .halfPageUp, keys: [.control("u")], helpRU: "Полстраницы вверх", helpEN: "Half a page up", hint: nil),
        ActionDeclaration(action: .first, keys: [.character("g"), .home], helpRU: "В начало списка", helpEN: "First incident", hint: ("начало", "first")),
        ActionDeclaration(action: .last, keys: [.character("G"), .end], helpRU: "В конец списка", helpEN: "Last incident", hint: ("конец", "last")),
        ActionDeclaration(action: .refresh, keys: [.character("R"), .function(5)], helpRU: "Обновить список", helpEN: "Refresh the list", hint: ("обновить", "refresh")),
        ActionDeclaration(action: .redraw, keys: [.control("l")], helpRU: "Перерисовать экран", helpEN: "Redraw the screen", hint: nil),
        ActionDeclaration(action: .help, keys: [.character("?"), .function(1)], helpRU: "Справка по клавишам", helpEN: "Key help", hint: ("справка", "help")),
        ActionDeclaration(action: .back, keys: [.character("q"), .escape], helpRU: "Назад (из списка — выход)", helpEN: "Back (quits from the inbox)", hint: ("выход", "quit")),
        ActionDeclaration(action: .quit, keys: [.character("Q"), .control("c")], helpRU: "Выйти", helpEN: "Quit", hint: nil),
    ]

    public var declaration: ActionDeclaration {
        Action.declarations.first { $0.action == self }!
    }
}
