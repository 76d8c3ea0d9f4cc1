/// Whitespace trimming at byte speed. Foundation's `trimmingCharacters(in:)` bridges
/// through NSString and cost a quarter of the bulk ingest's parsing time; inputs' edges
/// are ASCII spaces and line breaks (and the odd no-break space) in practice.
public enum PlainText {
    /// `text` without leading and trailing spaces, tabs, line breaks and no-break spaces.
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// Whether `text` has nothing but whitespace.
    public static func isBlank(_ text: String) -> Bool {
        !text.unicodeScalars.contains { !isSpace($0) }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2007, 0x202F, 0xFEFF: true
        default: false
        }
    }
}
