import Foundation

/// HTML to plain text, for e-mails that have no text/plain part. Not a browser: enough for
/// the letters mail clients and web forms write.
///
/// - `script`, `style`, `head`, `title`, `template`, `noscript`, comments, `<!…>` and
///   `<?…?>` are dropped;
/// - `<br>` is a line break; block tags (`div`, `li`, `tr`, …) start a new line and
///   paragraph-like ones (`p`, `h1`–`h6`, `blockquote`, `table`, `ul`, …) a new paragraph;
///   table cells are separated by a space;
/// - other tags are removed; white space is collapsed as a browser does, except in `<pre>`;
/// - character references: `&amp; &lt; &gt; &quot; &apos;`, `&nbsp;` (a plain space),
///   `&#NNN;`, `&#xHH;` (the Windows-1252 meaning for 128–159, as browsers do) and the
///   common named ones; a few without their `;`; unknown ones are kept as written;
/// - trailing white space of lines is removed, runs of blank lines become one.
enum MailHTML {
    static func text(_ html: String) -> String {
        let b = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count / 2)
        var pendingSpace = false
        var preDepth = 0
        var unclosed: Set<String> = []
        var i = 0

        func trimTrailingSpaces() {
            while let last = out.last, last == 0x20 || last == 0x09 { out.removeLast() }
        }
        func lineBreak() {
            trimTrailingSpaces()
            out.append(0x0A)
            pendingSpace = false
        }
        /// At least `count` line breaks end the output (none at its start).
        func ensureBreaks(_ count: Int) {
            trimTrailingSpaces()
            pendingSpace = false
            guard !out.isEmpty else { return }
            var have = 0
            var k = out.count - 1
            while k >= 0, out[k] == 0x0A, have < count {
                have += 1
                k -= 1
            }
            for _ in have..<count { out.append(0x0A) }
        }
        func appendText(_ bytes: some Collection<UInt8>) {
            if pendingSpace {
                if let last = out.last, last != 0x0A { out.append(0x20) }
                pendingSpace = false
            }
            out.append(contentsOf: bytes)
        }

        while i < b.count {
            let c = b[i]
            if c == 0x3C {  // <
                if let end = skipSpecial(b, at: i) {
                    i = end
                    continue
                }
                if let tag = parseTag(b, at: i) {
                    i = tag.end
                    let name = tag.name
                    if !tag.closing, skippedElements.contains(name) {
                        // An element without its end tag is not skipped (nor searched again).
                        if !unclosed.contains(name) {
                            if let close = findClosing(b, name: name, from: i) { i = close } else { unclosed.insert(name) }
                        }
                        continue
                    }
                    if name == "br" {
                        lineBreak()
                    } else if name == "pre" {
                        ensureBreaks(2)
                        preDepth = max(0, preDepth + (tag.closing ? -1 : 1))
                    } else if paragraphElements.contains(name) {
                        ensureBreaks(2)
                    } else if lineElements.contains(name) {
                        ensureBreaks(1)
                    } else if (name == "td" || name == "th"), tag.closing {
                        pendingSpace = true
                    }
                    continue
                }
                appendText([c])
                i += 1
                continue
            }
            if c == 0x26, let entity = parseEntity(b, at: i) {  // &
                appendText(Array(String(entity.scalar).utf8))
                i = entity.end
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                if preDepth > 0 {
                    if c == 0x0A { out.append(0x0A) } else if c != 0x0D { out.append(c) }
                } else {
                    pendingSpace = true
                }
                i += 1
                continue
            }
            appendText([c])
            i += 1
        }
        return tidy(String(decoding: out, as: UTF8.self))
    }

    /// Trailing white space of lines removed, blank-line runs to one, no blank lines at the
    /// start or the end.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = true  // no blank lines at the start
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = line
            while let last = l.last, last == " " || last == "\t" { l = l.dropLast() }
            if l.isEmpty {
                if !blank { lines.append("") }
                blank = true
            } else {
                lines.append(l)
                blank = false
            }
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static let skippedElements: Set<String> = ["script", "style", "head", "title", "template", "noscript"]
    static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "hr",
        "address", "figure", "form", "fieldset",
    ]
    static let lineElements: Set<String> = [
        "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "nav", "main",
        "aside", "center", "caption", "figcaption", "option", "legend", "details", "summary",
        "body", "html", "tbody", "thead", "tfoot",
    ]

    /// Comments, `<!DOCTYPE…>`, `<![CDATA[…]]>`, `<?…?>`: the index after them.
    private static func skipSpecial(_ b: [UInt8], at i: Int) -> Int? {
        guard i + 1 < b.count, b[i + 1] == 0x21 || b[i + 1] == 0x3F else { return nil }
        if b[(i + 1)...].starts(with: Array("!--".utf8)) {
            let close = Array("-->".utf8)
            var k = i + 4
            while k + 3 <= b.count {
                if b[k..<(k + 3)].elementsEqual(close) { return k + 3 }
                k += 1
            }
            return b.count
        }
        var k = i + 2
        while k < b.count, b[k] != 0x3E { k += 1 }
        return min(k + 1, b.count)
    }

    /// A start or end tag at `i`: its lowercased name and the index after its `>`, with
    /// quoted attribute values skipped; nil when `<` does not start a tag.
    private static func parseTag(_ b: [UInt8], at i: Int) -> (name: String, closing: Bool, end: Int)? {
        var k = i + 1
        var closing = false
        if k < b.count, b[k] == 0x2F {
            closing = true
            k += 1
        }
        guard k < b.count, isLetter(b[k]) else { return nil }
        let nameStart = k
        while k < b.count, isLetter(b[k]) || (b[k] >= 0x30 && b[k] <= 0x39) || b[k] == 0x2D || b[k] == 0x3A { k += 1 }
        let name = String(decoding: b[nameStart..<k].map { $0 | 0x20 }, as: UTF8.self)
        var quote: UInt8?
        while k < b.count {
            let c = b[k]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == 0x3E {
                return (name, closing, k + 1)
            }
            k += 1
        }
        return nil
    }

    /// The index after `</name…>` from `from`, case-insensitively; nil when there is none.
    private static func findClosing(_ b: [UInt8], name: String, from: Int) -> Int? {
        let pattern = Array(("</" + name).utf8)
        var k = from
        while k + pattern.count <= b.count {
            var match = true
            for (offset, p) in pattern.enumerated() where (b[k + offset] | (offset >= 2 ? 0x20 : 0)) != p {
                match = false
                break
            }
            if match {
                let after = k + pattern.count
                if after == b.count || !isLetter(b[after]) {
                    var e = after
                    while e < b.count, b[e] != 0x3E { e += 1 }
                    return min(e + 1, b.count)
                }
            }
            k += 1
        }
        return nil
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    /// A character reference at `i` (at `&`): the character and the index after it.
    static func parseEntity(_ b: [UInt8], at i: Int) -> (scalar: Unicode.Scalar, end: Int)? {
        var k = i + 1
        guard k < b.count else { return nil }
        if b[k] == 0x23 {  // #
            k += 1
            var hex = false
            if k < b.count, b[k] | 0x20 == 0x78 {
                hex = true
                k += 1
            }
            let start = k
            var value: UInt32 = 0
            while k < b.count, k - start < 8 {
                if let d = hex ? MailMIME.hexValue(b[k]) : (b[k] >= 0x30 && b[k] <= 0x39 ? b[k] - 0x30 : nil) {
                    value = value * (hex ? 16 : 10) + UInt32(d)
                    k += 1
                } else {
                    break
                }
            }
            guard k > start else { return nil }
            if k < b.count, b[k] == 0x3B { k += 1 }
            if (0x80...0x9F).contains(value), let mapped = windows1252[value] { return (mapped, k) }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", k) }
            return (scalar, k)
        }
        let start = k
        while k < b.count, k - start < 32, isLetter(b[k]) || (b[k] >= 0x30 && b[k] <= 0x39) { k += 1 }
        guard k > start else { return nil }
        let name = String(decoding: b[start..<k], as: UTF8.self)
        if k < b.count, b[k] == 0x3B, let scalar = entities[name] { return (scalar, k + 1) }
        // Without the semicolon, as in URLs written by hand: the basic ones only.
        if let scalar = entities[name], ["amp", "lt", "gt", "quot", "nbsp"].contains(name) { return (scalar, k) }
        return nil
    }

    static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
        0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
        0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
        0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    static let entities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "AMP": "&", "LT": "<", "GT": ">", "QUOT": "\"",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›",
        "ldquo": "“", "rdquo": "”", "bdquo": "„", "lsquo": "‘", "rsquo": "’", "sbquo": "‚",
        "ndash": "–", "mdash": "—", "minus": "−", "hellip": "…", "bull": "•", "middot": "·",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "plusmn": "±", "times": "×", "divide": "÷",
        "sect": "§", "para": "¶", "numero": "№", "euro": "€", "cent": "¢", "pound": "£", "yen": "¥",
        "curren": "¤", "frac12": "½", "frac14": "¼", "frac34": "¾", "sup1": "¹", "sup2": "²", "sup3": "³",
        "micro": "µ", "iexcl": "¡", "iquest": "¿", "brvbar": "¦", "uml": "¨", "acute": "´", "cedil": "¸",
        "ordf": "ª", "ordm": "º", "not": "¬", "macr": "¯", "dagger": "†", "Dagger": "‡", "permil": "‰",
        "prime": "′", "Prime": "″", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔",
        "le": "≤", "ge": "≥", "ne": "≠", "asymp": "≈", "infin": "∞",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "shy": "\u{00AD}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}",
    ]
}
