/// How many terminal cells a character occupies, from Unicode properties rather than the
/// C library's `wcwidth`, whose answer depends on the process locale. Wide: East Asian
/// wide/fullwidth ranges and emoji presentation; zero: combining marks and format
/// characters (they join the previous cell).
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        var width = 0
        for (index, scalar) in character.unicodeScalars.enumerated() {
            let w = of(scalar)
            if index == 0 { width = w } else if w == 2 { width = 2 }
            if scalar.value == 0xFE0F { width = 2 }  // emoji presentation selector
        }
        return width
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        if isWide(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// Cells taken by a whole string.
    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    /// `text` cut to at most `width` cells, with `…` marking the cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        out.append(ellipsis)
        return out
    }

    /// `text` truncated or padded with spaces to exactly `width` cells.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let pad = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? pad + cut : cut + pad
    }
}
