/// A reader of `;`-separated CSV as spreadsheet programs and the feedback platform write
/// it: RFC 4180 quoting with `;` as the separator. Works on bytes and knows no charset:
/// `;`, `"`, CR and LF are the same bytes in UTF-8 and Windows-1251, so fields are
/// returned undecoded and the caller decodes the ones it needs.
///
/// - A record ends at LF or CRLF outside quotes; the terminator is not part of it. A CR
///   that is not followed by LF (or the end of the input) is data.
/// - A field that starts with `"` is quoted: it may hold `;`, line breaks and `""` (one
///   quote). Bytes after its closing quote, up to the next `;` or line end, are kept as
///   they are (`"ab"cd` reads `abcd`, as Excel and Python's csv module read it). A `"`
///   inside an unquoted field is data.
/// - Lines that are empty or hold only spaces and tabs are skipped.
/// - A UTF-8 byte order mark at the start of the input is skipped; offsets still count it.
/// - A quoted field whose closing quote never comes (the input ends inside it) makes an
///   error record that covers the record's lines up to the end of the line where the
///   quote opened; reading resumes on the next line, so one stray quote costs one record,
///   not the rest of the file.
struct SemicolonCSV {
    /// One record: its fields, where it starts, and where its bytes are in the input.
    struct Record: Equatable {
        /// The fields' unquoted bytes, one after another; `fieldRanges` cut them apart.
        var storage: [UInt8]
        var fieldRanges: [Range<Int>]
        /// The 1-based line the record starts on (lines counted by LF).
        var line: Int
        /// The offset of the record's first byte in the input.
        var byteOffset: Int
        /// The record's bytes in the input: from its first byte up to, not including, its
        /// line terminator.
        var byteRange: Range<Int>
        /// Why the record cannot be read (an unterminated quoted field); `fields` is then
        /// empty.
        var error: String?

        var count: Int { fieldRanges.count }

        subscript(index: Int) -> ArraySlice<UInt8> { storage[fieldRanges[index]] }

        /// Each field's bytes, copied (for tests and diagnostics).
        var fields: [[UInt8]] { fieldRanges.map { Array(storage[$0]) } }
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether bytes start with a UTF-8 byte order mark.
    static func hasUTF8BOM<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        bytes.starts(with: bom)
    }

    /// Iterates the records of an input.
    struct Reader: IteratorProtocol {
        let bytes: [UInt8]
        /// Where the next record may start, and the line it is on.
        private(set) var offset: Int
        private(set) var line: Int

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            self.offset = SemicolonCSV.hasUTF8BOM(bytes) ? 3 : 0
            self.line = 1
        }

        private static let quote: UInt8 = 0x22
        private static let separator: UInt8 = 0x3B
        private static let lf: UInt8 = 0x0A
        private static let cr: UInt8 = 0x0D

        mutating func next() -> Record? {
            let n = bytes.count
            skipBlankLines()
            guard offset < n else { return nil }
            let start = offset
            let startLine = line
            var currentLine = line
            var i = start
            var storage: [UInt8] = []
            var ranges: [Range<Int>] = []
            var fieldStart = 0

            while true {
                // At the start of a field.
                if i < n, bytes[i] == Self.quote {
                    let quoteOffset = i
                    let quoteLine = currentLine
                    i += 1
                    while true {
                        // A run up to the next quote, copied at once.
                        let run = i
                        while i < n, bytes[i] != Self.quote {
                            if bytes[i] == Self.lf { currentLine += 1 }
                            i += 1
                        }
                        storage.append(contentsOf: bytes[run..<i])
                        guard i < n else {
                            return unterminated(start: start, startLine: startLine,
                                                quoteOffset: quoteOffset, quoteLine: quoteLine)
                        }
                        if i + 1 < n, bytes[i + 1] == Self.quote {
                            storage.append(Self.quote)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                }
                // The unquoted field, or what follows a closing quote.
                let run = i
                while i < n {
                    let b = bytes[i]
                    if b == Self.separator || b == Self.lf { break }
                    if b == Self.cr, i + 1 == n || bytes[i + 1] == Self.lf { break }
                    i += 1
                }
                storage.append(contentsOf: bytes[run..<i])
                ranges.append(fieldStart..<storage.count)
                fieldStart = storage.count
                if i < n, bytes[i] == Self.separator {
                    i += 1
                    continue
                }
                break
            }
            let end = i
            if i < n, bytes[i] == Self.cr { i += 1 }
            if i < n, bytes[i] == Self.lf {
                i += 1
                currentLine += 1
            }
            offset = i
            line = currentLine
            return Record(storage: storage, fieldRanges: ranges, line: startLine, byteOffset: start,
                          byteRange: start..<end, error: nil)
        }

        /// Skips lines that are empty or hold only spaces and tabs.
        private mutating func skipBlankLines() {
            let n = bytes.count
            while offset < n {
                var i = offset
                while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
                if i == n {
                    offset = n
                    return
                }
                if bytes[i] == Self.cr, i + 1 == n {
                    offset = n
                    return
                }
                if bytes[i] == Self.cr, bytes[i + 1] == Self.lf { i += 1 }
                guard bytes[i] == Self.lf else { return }
                offset = i + 1
                line += 1
            }
        }

        /// The error record for a quoted field that never closes: it ends with the line
        /// the quote opened on, and reading resumes on the line after.
        private mutating func unterminated(start: Int, startLine: Int, quoteOffset: Int, quoteLine: Int) -> Record {
            let n = bytes.count
            var lineEnd = quoteOffset
            while lineEnd < n, bytes[lineEnd] != Self.lf { lineEnd += 1 }
            var end = lineEnd
            if end > start, bytes[end - 1] == Self.cr { end -= 1 }
            if lineEnd < n {
                offset = lineEnd + 1
                line = quoteLine + 1
            } else {
                offset = n
                line = quoteLine
            }
            return Record(storage: [], fieldRanges: [], line: startLine, byteOffset: start, byteRange: start..<end,
                          error: "unterminated quoted field: the quote opened on line \(quoteLine) never closes")
        }
    }

    /// Whether bytes are valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool { isValidUTF8(bytes[...]) }

    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            func continuation(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    i += 1
                    continue
                }
                if b < 0xC2 { return false }
                if b < 0xE0 {
                    guard continuation(i + 1) else { return false }
                    i += 2
                } else if b < 0xF0 {
                    guard continuation(i + 1), continuation(i + 2) else { return false }
                    let b1 = p[i + 1]
                    if b == 0xE0, b1 < 0xA0 { return false }  // overlong
                    if b == 0xED, b1 > 0x9F { return false }  // surrogate
                    i += 3
                } else if b < 0xF5 {
                    guard continuation(i + 1), continuation(i + 2), continuation(i + 3) else { return false }
                    let b1 = p[i + 1]
                    if b == 0xF0, b1 < 0x90 { return false }  // overlong
                    if b == 0xF4, b1 > 0x8F { return false }  // past U+10FFFF
                    i += 4
                } else {
                    return false
                }
            }
            return true
        }
    }
}
