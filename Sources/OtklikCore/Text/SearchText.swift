/// Folding for full-text search. SQLite's unicode61 tokenizer folds case (Cyrillic too)
/// but not ё to е, so both the indexed text and every query fold ё/Ё to е/Е. The store's
/// triggers apply the same replacement in SQL.
public enum SearchText {
    public static func foldYo(_ text: String) -> String {
        guard text.contains(where: { $0 == "ё" || $0 == "Ё" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "ё": out.append("е")
            case "Ё": out.append("Е")
            default: out.append(ch)
            }
        }
        return out
    }

    /// Turns what an operator typed into an FTS5 query: every word must occur, the last
    /// one as a prefix (so results appear while typing). Quotes and FTS5 operators are
    /// neutralised by quoting each word. Nil when there is no word to search for.
    public static func ftsQuery(_ input: String) -> String? {
        let words = foldYo(input)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
        guard !words.isEmpty else { return nil }
        return words.enumerated().map { index, word in
            index == words.count - 1 ? "\"\(word)\"*" : "\"\(word)\""
        }.joined(separator: " ")
    }
}
