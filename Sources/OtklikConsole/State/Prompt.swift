/// A line of text being typed at the bottom of the screen: a search, a filter or a
/// command. Single-key commands (and the Russian-layout aliases) do not apply inside it.
public struct Prompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case search
        case filter
        case command
    }

    public var kind: Kind
    public var text: String
    /// The insertion point, in characters.
    public var cursor: Int

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = text
        cursor = text.count
    }

    /// The prompt's leading character, as in vi and mutt.
    public var sigil: String {
        switch kind {
        case .search: "/"
        case .filter: "\\"
        case .command: ":"
        }
    }

    /// Applies an editing key. Returns false for keys that are not editing.
    public mutating func edit(_ key: Key) -> Bool {
        var characters = Array(text)
        switch key {
        case .character(let c):
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .control("w"):
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        text = String(characters)
        return true
    }
}
