import Testing
@testable import OtklikCore

@Suite struct WordMatcherTests {
    @Test func matchesAtWordStartsCaseAndYoFolded() {
        let matcher = WordMatcher(["ям", "доброе утро", "елк", "ok", "г", "дорог"])
        func found(_ text: String) -> [Int] { matcher.matches(in: .init(text)) }
        #expect(found("Ямы во дворе") == [0])
        #expect(found("пробоям нет") == [])
        #expect(found("Доброе,   утро! Ёлку не убрали") == [1, 2])
        #expect(found("OK, г. Озерецк") == [3, 4])
        #expect(found("Дорога") == [5])
        #expect(found("до") == [])
        #expect(found("") == [])
    }

    /// The same answers as a brute-force search of the normalized text, on seeded texts
    /// of short and long words, Cyrillic and Latin.
    @Test func agreesWithBruteForce() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = ["я", "ям", "яма", "ямы", "дорога", "дорогой", "Ёлка", "елки", "ok", "okey", "да", "добрый", "утро",
                     "свет", "светофор", "х", "42", "ул.", "Мира,", "пробоям"]
        for _ in 0..<200 {
            let patterns = (0..<(1 + next(8))).map { _ -> String in
                let word = words[next(words.count)]
                let prefix = String(word.prefix(1 + next(word.count)))
                return next(4) == 0 ? prefix + " " + words[next(words.count)] : prefix
            }
            let matcher = WordMatcher(patterns)
            for _ in 0..<10 {
                let text = (0..<next(12)).map { _ in words[next(words.count)] }.joined(separator: next(2) == 0 ? " " : ", ")
                let normalized = WordMatcher.Normalized(text).bytes
                let expected = patterns.indices.filter { index in
                    var pattern = WordMatcher.normalize(patterns[index])
                    pattern.removeFirst()
                    if pattern.last == 0x20 { pattern.removeLast() }
                    return normalized.indices.contains { i in
                        normalized[i] == 0x20 && i + 1 + pattern.count <= normalized.count
                            && Array(normalized[(i + 1)..<(i + 1 + pattern.count)]) == pattern
                    }
                }
                #expect(matcher.matches(in: .init(text)) == expected, "\(patterns) in \(text)")
            }
        }
    }
}
