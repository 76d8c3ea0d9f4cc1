import Foundation

/// The header section of a message or of a MIME part: unfolded fields in their order.
struct MailHeaders {
    struct Field {
        /// Lowercased.
        var name: String
        /// The unfolded value's bytes, without the leading and trailing white space.
        var value: [UInt8]
    }

    var fields: [Field] = []

    /// The raw value of the first field of that name (lowercase).
    func raw(_ name: String) -> [UInt8]? {
        fields.first(where: { $0.name == name })?.value
    }

    /// The first field of that name as text: UTF-8 (RFC 6532) or, failing that, the
    /// Windows-1251 of old Russian clients; RFC 2047 encoded words are left as they are.
    func text(_ name: String) -> String? {
        raw(name).map(Self.string)
    }

    /// The first field of that name, with RFC 2047 encoded words decoded and folding white
    /// space (tabs, line breaks) turned into spaces; nil when absent.
    func decoded(_ name: String) -> String? {
        guard let text = text(name) else { return nil }
        return Self.singleLine(MailEncodedWords.decode(text))
    }

    static func string<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Charset.utf8.decode(bytes) ?? Charset.windows1251.decode(bytes) ?? ""
    }

    /// Tabs and line breaks to spaces, trimmed.
    static func singleLine(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            scalars.append(s == "\t" || s == "\r" || s == "\n" ? " " : s)
        }
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }

    /// Parses the header section at the start of `bytes` and returns it with the index where
    /// the body starts (after the blank line). The section ends at the first blank line, or
    /// at the first line that is neither a field nor a continuation (which then starts the
    /// body). A continuation line (starting with a space or a tab) is unfolded: the line
    /// break before it is removed, its white space kept.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (headers: MailHeaders, bodyStart: Int) {
        var headers = MailHeaders()
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            var lineEnd = i
            while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > i, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            if contentEnd == i {  // the blank line
                i = next
                break
            }
            let first = bytes[i]
            if first == 0x20 || first == 0x09 {
                guard !headers.fields.isEmpty else { break }
                headers.fields[headers.fields.count - 1].value.append(contentsOf: bytes[i..<contentEnd])
                i = next
                continue
            }
            // field-name: printable ASCII but the colon; obsolete syntax allows white space
            // before the colon.
            var colon = i
            while colon < contentEnd, bytes[colon] >= 0x21, bytes[colon] <= 0x7E, bytes[colon] != 0x3A { colon += 1 }
            let nameEnd = colon
            while colon < contentEnd, bytes[colon] == 0x20 || bytes[colon] == 0x09 { colon += 1 }
            guard nameEnd > i, colon < contentEnd, bytes[colon] == 0x3A else { break }
            let name = String(decoding: bytes[i..<nameEnd], as: UTF8.self).lowercased()
            headers.fields.append(Field(name: name, value: Array(bytes[(colon + 1)..<contentEnd])))
            i = next
        }
        for k in headers.fields.indices {
            headers.fields[k].value = trimmed(headers.fields[k].value)
        }
        return (headers, i)
    }

    static func trimmed(_ value: [UInt8]) -> [UInt8] {
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }
        guard let first = value.firstIndex(where: { !isSpace($0) }), let last = value.lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(value[first...last])
    }
}

/// RFC 2047 encoded words: `=?charset?B?…?=` (base64) and `=?charset?Q?…?=` (a
/// quoted-printable where `_` is a space), in UTF-8, KOI8-R and Windows-1251 (`Charset`).
///
/// - White space between two adjacent encoded words is dropped; the bytes of adjacent words
///   in the same charset are joined before decoding, so a character split across two words
///   (as some clients do) survives.
/// - A word in an unknown charset is kept as it was written; a word that is not well formed
///   is ordinary text.
/// - Encoded words are found anywhere, also inside quoted strings and next to other text
///   (`Re:=?utf-8?…`), as the clients that write them do.
/// - An RFC 2231 language (`=?utf-8*ru?Q?…?=`) is ignored.
enum MailEncodedWords {
    static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        let b = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var pending: (charset: Charset, bytes: [UInt8])?
        var lastWasDecoded = false
        var literalStart = 0
        var i = 0

        func flush() {
            guard let p = pending else { return }
            let decoded = p.charset.decode(p.bytes) ?? String(decoding: p.bytes, as: UTF8.self)
            out.append(contentsOf: decoded.utf8)
            pending = nil
        }

        while i + 1 < b.count {
            guard b[i] == 0x3D, b[i + 1] == 0x3F, let word = parseWord(b, at: i) else {
                i += 1
                continue
            }
            let between = b[literalStart..<i]
            let charset = Charset(name: word.charset)
            let onlySpace = between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            if !(charset != nil && lastWasDecoded && onlySpace) {
                flush()
                out.append(contentsOf: between)
            }
            if let charset {
                if let p = pending, p.charset == charset {
                    pending?.bytes.append(contentsOf: word.bytes)
                } else {
                    flush()
                    pending = (charset, word.bytes)
                }
                lastWasDecoded = true
            } else {
                flush()
                out.append(contentsOf: b[i..<word.end])
                lastWasDecoded = false
            }
            i = word.end
            literalStart = i
        }
        flush()
        out.append(contentsOf: b[literalStart...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The encoded word starting at `start` (at `=?`): its charset name, decoded bytes, and
    /// the index after its `?=`; nil when it is not one.
    static func parseWord(_ b: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        var i = start + 2
        let charsetStart = i
        while i < b.count, b[i] != 0x3F, b[i] > 0x20, b[i] < 0x7F, i - charsetStart < 64 { i += 1 }
        guard i > charsetStart, i + 2 < b.count, b[i] == 0x3F, b[i + 2] == 0x3F else { return nil }
        var charset = String(decoding: b[charsetStart..<i], as: UTF8.self)
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        let encoding = b[i + 1] | 0x20
        guard encoding == 0x62 || encoding == 0x71 else { return nil }  // b, q
        i += 3
        let textStart = i
        while i < b.count, b[i] != 0x3F, b[i] > 0x20, b[i] < 0x7F { i += 1 }
        guard i + 1 < b.count, b[i] == 0x3F, b[i + 1] == 0x3D else { return nil }
        let encoded = b[textStart..<i]
        let bytes: [UInt8]
        if encoding == 0x62 {
            guard encoded.allSatisfy({ MailMIME.base64Value($0) != nil || $0 == 0x3D }) else { return nil }
            bytes = MailMIME.base64(encoded)
        } else {
            bytes = qDecode(encoded)
        }
        return (charset, bytes, i + 2)
    }

    /// The Q encoding: `_` is a space, `=XX` a byte.
    static func qDecode(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == 0x5F {
                out.append(0x20)
            } else if c == 0x3D, i + 2 < text.endIndex, let h = MailMIME.hexValue(text[i + 1]), let l = MailMIME.hexValue(text[i + 2]) {
                out.append(h << 4 | l)
                i += 2
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }
}
