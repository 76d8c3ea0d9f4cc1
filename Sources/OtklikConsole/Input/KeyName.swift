extension Key {
    /// Parses a key as written in the config file and shown in help: `j`, `G`, `<Down>`,
    /// `<C-d>`, `<F5>`, `<Space>`, `<Enter>`, `<Esc>`, `<PgDn>`… Nil when unknown.
    public init?(name: String) {
        if name.count == 1, let c = name.first {
            self = .character(c)
            return
        }
        guard name.hasPrefix("<"), name.hasSuffix(">") else { return nil }
        let inner = String(name.dropFirst().dropLast())
        let named: [String: Key] = [
            "Up": .up, "Down": .down, "Left": .left, "Right": .right, "Home": .home, "End": .end,
            "PgUp": .pageUp, "PgDn": .pageDown, "PageUp": .pageUp, "PageDown": .pageDown,
            "Enter": .enter, "CR": .enter, "Esc": .escape, "Tab": .tab, "BS": .backspace, "Space": .character(" "),
            "lt": .character("<"),
        ]
        if let key = named[inner] { self = key; return }
        if inner.hasPrefix("C-"), inner.count == 3, let c = inner.last?.lowercased().first, c.isLetter {
            self = .control(c)
            return
        }
        if inner.hasPrefix("F"), let n = Int(inner.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }
}
