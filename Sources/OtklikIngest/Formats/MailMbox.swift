import Foundation

/// One message cut out of an input file: an mbox entry or a whole `.eml` file.
struct MailEntry: Equatable {
    /// The message's bytes in the file: from its first header line to its end, without the
    /// mbox `From ` line before it and the blank line that separates it from the next one.
    var range: Range<Int>
    /// The 1-based line of the message's first line in the file.
    var line: Int
    /// The date of the mbox `From ` line, when it has a readable one.
    var envelopeDate: Date?
    /// From an mbox: body lines `>From `, `>>From `… are escaped and are unescaped on reading.
    var isMbox: Bool
}

/// Splitting of the input into messages.
///
/// Input that starts with `From ` (after blank lines and a UTF-8 byte order mark) is an
/// mbox: a line starting with `From ` begins a new message when it is preceded by a blank
/// line or carries a readable asctime date (`From ivan@example.org Mon Nov 30 04:15:00
/// 2026`). Any other `From ` line stays in the body: writers escape them as `>From `, but
/// some do not, and a citizen may well start a paragraph with "From". Any other input is
/// one message (an `.eml` file).
enum MailMbox {
    static func split(_ bytes: [UInt8]) -> [MailEntry] {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var line = 1
        // Leading blank lines.
        var probe = start
        while probe < bytes.count {
            var end = probe
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0D { end += 1 }
            guard end < bytes.count, bytes[end] == 0x0A else { break }
            probe = end + 1
            start = probe
            line += 1
        }
        guard start < bytes.count else { return [] }
        if !bytes[start...].starts(with: fromPrefix) {
            // A single message; nothing but whitespace is no message at all.
            guard bytes[start...].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }) else { return [] }
            return [MailEntry(range: start..<bytes.count, line: line, envelopeDate: nil, isMbox: false)]
        }

        var entries: [MailEntry] = []
        var current: MailEntry?
        var pos = start
        var lineNumber = line
        var previousBlank = true
        while pos < bytes.count {
            var lineEnd = pos
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > pos, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let next = lineEnd < bytes.count ? lineEnd + 1 : bytes.count
            if bytes[pos..<contentEnd].starts(with: fromPrefix) {
                let date = MailDate.envelope(bytes[pos..<contentEnd])
                if pos == start || previousBlank || date != nil {
                    if var entry = current {
                        entry.range = entry.range.lowerBound..<withoutSeparator(bytes, entry.range.lowerBound, pos)
                        entries.append(entry)
                    }
                    current = MailEntry(range: next..<next, line: lineNumber + 1, envelopeDate: date, isMbox: true)
                }
            }
            previousBlank = contentEnd == pos
            pos = next
            lineNumber += 1
        }
        if var entry = current {
            entry.range = entry.range.lowerBound..<withoutSeparator(bytes, entry.range.lowerBound, bytes.count)
            entries.append(entry)
        }
        return entries
    }

    private static let fromPrefix = Array("From ".utf8)

    /// The end of a message whose bytes run to `end`, without the one blank line that ends it.
    private static func withoutSeparator(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        guard end > start, bytes[end - 1] == 0x0A else { return end }
        var blankStart = end - 1
        if blankStart > start, bytes[blankStart - 1] == 0x0D { blankStart -= 1 }
        // The blank line is the whole message, or follows a line break.
        if blankStart == start || bytes[blankStart - 1] == 0x0A { return blankStart }
        return end
    }

    /// mboxrd unescaping (also right for mboxo): a line `>From `, `>>From `… loses one `>`.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var atLineStart = true
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if atLineStart, bytes[i] == 0x3E {  // >
                var j = i
                while j < bytes.endIndex, bytes[j] == 0x3E { j += 1 }
                if bytes[j...].starts(with: fromPrefix) {
                    out.append(contentsOf: bytes[(i + 1)..<j])
                    i = j
                    atLineStart = false
                    continue
                }
            }
            let c = bytes[i]
            out.append(c)
            atLineStart = c == 0x0A
            i += 1
        }
        return out
    }
}
