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
                        guard i < n else {
                            return unterminated(start: start, startLine: startLine,
                                                quoteOffset: quoteOffset, quoteLine: quoteLine)
                        }
                        let b = bytes[i]
                        if b == Self.quote {
                            if i + 1 < n, bytes[i + 1] == Self.quote {
                                storage.append(Self.quote)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        if b == Self.lf { currentLine += 1 }
                        storage.append(b)
                        i += 1
                    }
                }
                // The unquoted field, or what follows a closing quote.
                while i < n {
                    let b = bytes[i]
                    if b == Self.separator || b == Self.lf { break }
                    if b == Self.cr, i + 1 == n || bytes[i + 1] == Self.lf { break }
                    storage.append(b)
                    i += 1
                }
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
    static func isValidUTF8<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
