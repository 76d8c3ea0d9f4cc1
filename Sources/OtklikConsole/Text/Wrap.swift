/// Breaks text into lines of at most `width` cells, at spaces where possible.
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let w = DisplayWidth.of(String(word))
                if lineWidth > 0 && lineWidth + 1 + w > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                var rest = Substring(word)
                // A word longer than the line is cut into pieces.
                while DisplayWidth.of(String(rest)) > width - lineWidth - (lineWidth > 0 ? 1 : 0) && lineWidth == 0 {
                    var piece = ""
                    var pieceWidth = 0
                    while let c = rest.first, pieceWidth + DisplayWidth.of(c) <= width {
                        piece.append(c)
                        pieceWidth += DisplayWidth.of(c)
                        rest = rest.dropFirst()
                    }
                    if piece.isEmpty { break }
                    result.append(piece)
                }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += rest
                lineWidth += DisplayWidth.of(String(rest))
            }
            result.append(line)
        }
        return result
    }
}
