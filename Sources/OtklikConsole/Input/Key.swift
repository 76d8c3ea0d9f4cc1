/// A key press, decoded by the terminal adapter.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("d")` for Ctrl-D.
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backspace
    case function(Int)

    /// The key's name as shown in hints and help and written in key maps: `j`, `<Down>`,
    /// `<C-d>`, `<F1>`.
    public var name: String {
        switch self {
        case .character(" "): "<Space>"
        case .character(let c): String(c)
        case .control(let c): "<C-\(c)>"
        case .up: "<Up>"
        case .down: "<Down>"
        case .left: "<Left>"
        case .right: "<Right>"
        case .home: "<Home>"
        case .end: "<End>"
        case .pageUp: "<PgUp>"
        case .pageDown: "<PgDn>"
        case .enter: "<Enter>"
        case .escape: "<Esc>"
        case .tab: "<Tab>"
        case .backspace: "<BS>"
        case .function(let n): "<F\(n)>"
        }
    }

    /// The short form for the hint bar: `↓` rather than `<Down>`.
    public var shortName: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .control(let c): "^\(c.uppercased())"
        case .enter: "Enter"
        case .escape: "Esc"
        default: name
        }
    }
}
