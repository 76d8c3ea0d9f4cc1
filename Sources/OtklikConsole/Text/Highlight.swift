import OtklikCore

/// Where search words occur in a text, for highlighting: ranges of characters whose
/// folded form (lower case, ё → е) starts with a search word at a word boundary.
enum Highlight {
    static func ranges(in text: String, words: [String]) -> [Range<Int>] {
        guard !words.isEmpty else { return [] }
        let characters = Array(text)
        let folded = characters.map { InboxFilter.fold(String($0)).first ?? $0 }
        var result: [Range<Int>] = []
        var index = 0
        while index < folded.count {
            let atBoundary = index == 0 || !(folded[index - 1].isLetter || folded[index - 1].isNumber)
            if atBoundary, let word = words.first(where: { matches(folded, at: index, word: Array($0)) }) {
                result.append(index..<(index + word.count))
                index += word.count
            } else {
                index += 1
            }
        }
        return result
    }

    private static func matches(_ text: [Character], at index: Int, word: [Character]) -> Bool {
        guard index + word.count <= text.count, !word.isEmpty else { return false }
        return Array(text[index..<(index + word.count)]) == word
    }
}
