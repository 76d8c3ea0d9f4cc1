/// Folding for full-text search. SQLite's unicode61 tokenizer folds case (Cyrillic too)
/// but not ё to е, so both the indexed text and every query fold ё/Ё to е/Е. The store's
/// triggers apply the same replacement in SQL.
public enum SearchText {
    public static func foldYo(_ text: String) -> String {
        // Byte-level: ё is D1 91 and Ё is D0 81 in UTF-8; е is D0 B5 and Е is D0 95.
        // (Comparing Characters normalises every one of them: ten times slower, and this
        // runs over every message of a million-incident demo store.) Most texts have no ё:
        // one pass over the bytes finds the first, and only then is a copy made.
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard let first = firstYo(in: bytes, from: 0) else { return text }
            var folded = Array(bytes)
            var at: Int? = first
            while let i = at {
                folded[i] = 0xD0
                folded[i + 1] = bytes[i] == 0xD1 ? 0xB5 : 0x95
                at = firstYo(in: bytes, from: i + 2)
            }
            return String(decoding: folded, as: UTF8.self)
        }
    }

    /// Where the next ё or Ё starts in UTF-8 bytes.
    private static func firstYo(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            let second = bytes[i + 1]
            if second == 0x91 || second == 0x81 {
                if (bytes[i] == 0xD1 && second == 0x91) || (bytes[i] == 0xD0 && second == 0x81) { return i }
            }
            i += 1
        }
        return nil
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
