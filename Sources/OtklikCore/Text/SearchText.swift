/// Folding for full-text search. SQLite's unicode61 tokenizer folds case (Cyrillic too)
/// but not ё to е, so both the indexed text and every query fold ё/Ё to е/Е. The store's
/// triggers apply the same replacement in SQL.
public enum SearchText {
    public static func foldYo(_ text: String) -> String {
        // Byte-level: ё is D1 91 and Ё is D0 81 in UTF-8; е is D0 B5 and Е is D0 95.
        // (Comparing Characters normalises every one of them: ten times slower, and this
        // runs over every message of a million-incident demo store.)
        let utf8 = text.utf8
        guard utf8.contains(0x91) || utf8.contains(0x81) else { return text }
        var bytes = Array(utf8)
        var changed = false
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0xD1 && bytes[i + 1] == 0x91 {
                bytes[i] = 0xD0; bytes[i + 1] = 0xB5; changed = true
            } else if bytes[i] == 0xD0 && bytes[i + 1] == 0x81 {
                bytes[i + 1] = 0x95; changed = true
            }
            i += 1
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
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
