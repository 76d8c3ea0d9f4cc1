import Foundation

/// The text and attachments of a message's body, by MIME (RFC 2045–2046).
struct MailBody: Equatable {
    var text: String
    var attachments: [IngestRecord.Attachment]
}

/// MIME: multipart bodies, transfer encodings, charsets, and the choice of the text.
///
/// - `multipart/*` (nested, up to `maxDepth`): parts between `--boundary` lines, preamble
///   and epilogue ignored; a missing closing boundary ends the last part at the end of the
///   body; a missing `boundary` parameter is guessed from the first `--` line.
/// - `multipart/alternative`: the first alternative that has plain text, else the first
///   that has any text (HTML turned into text). Other multiparts: the texts of their parts,
///   in order, separated by a blank line.
/// - A part with `Content-Disposition: attachment` or a file name (`filename`, `name`, RFC
///   2231 or RFC 2047 encoded) is an attachment, not text; so are other non-text parts
///   (images, PDFs, `message/rfc822`) and text parts other than plain and HTML. Signatures
///   (`application/pgp-signature`, `application/pkcs7-signature`) are dropped.
/// - Transfer encodings: quoted-printable (soft line breaks, transport padding dropped),
///   base64 (line breaks and junk skipped), 7bit, 8bit, binary.
/// - Charset: the `charset` parameter (any `Charset` name); when missing, unknown or
///   wrong, UTF-8, then Windows-1251. An HTML part without one may name it in a `<meta>`.
/// - `text/plain; format=flowed` (RFC 3676) is unwrapped.
enum MailMIME {
    static let maxDepth = 20

    static func body(headers: MailHeaders, bytes: ArraySlice<UInt8>) -> MailBody {
        let rendered = render(headers: headers, body: bytes, defaultType: "text/plain", depth: 0)
        return MailBody(text: rendered.text ?? "", attachments: rendered.attachments)
    }

    struct Rendered {
        var text: String?
        /// The text is (or holds) a text/plain part, not only HTML.
        var isPlain: Bool
        var attachments: [IngestRecord.Attachment]
    }

    static func render(headers: MailHeaders, body: ArraySlice<UInt8>, defaultType: String, depth: Int) -> Rendered {
        let contentType = MailContentField(headers.text("content-type") ?? "")
        var type = contentType.value
        if !type.contains("/") { type = defaultType }
        let disposition = headers.text("content-disposition").map(MailContentField.init)
        let encoding = (headers.text("content-transfer-encoding") ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let fileName = (disposition?.parameters["filename"] ?? contentType.parameters["name"])
            .map { MailHeaders.singleLine(MailEncodedWords.decode($0)) }
            .flatMap { $0.isEmpty ? nil : $0 }

        if type.hasPrefix("multipart/"), depth < maxDepth {
            let content: ArraySlice<UInt8> = encoding == "base64" || encoding == "quoted-printable"
                ? ArraySlice(transferDecoded(body, encoding: encoding)) : body
            let boundary = contentType.parameters["boundary"].flatMap { $0.isEmpty ? nil : $0 }
            var parts = boundary.flatMap { split(content, boundary: Array($0.utf8)) }
            if parts == nil, let guessed = guessBoundary(content) {
                parts = split(content, boundary: guessed)
            }
            if let parts {
                let childDefault = type == "multipart/digest" ? "message/rfc822" : "text/plain"
                let children = parts.map { part -> Rendered in
                    let (partHeaders, start) = MailHeaders.parse(part)
                    return render(headers: partHeaders, body: part[start...], defaultType: childDefault, depth: depth + 1)
                }
                if type == "multipart/alternative" {
                    // An empty text/plain beside a real HTML one (some clients send that) does not count.
                    func hasText(_ r: Rendered) -> Bool { !(r.text ?? "").allSatisfy(\.isWhitespace) }
                    if let chosen = children.first(where: { $0.isPlain && hasText($0) }) ?? children.first(where: hasText)
                        ?? children.first(where: { $0.text != nil }) {
                        return chosen
                    }
                    return Rendered(text: nil, isPlain: false, attachments: children.flatMap(\.attachments))
                }
                let texts = children.compactMap(\.text).filter { !$0.isEmpty }
                return Rendered(text: texts.isEmpty ? nil : texts.joined(separator: "\n\n"),
                                isPlain: children.contains { $0.isPlain && $0.text != nil },
                                attachments: children.flatMap(\.attachments))
            }
            // No boundary found at all: read the body as plain text rather than lose it.
            type = "text/plain"
        } else if type.hasPrefix("multipart/") {
            return Rendered(text: nil, isPlain: false, attachments: [])
        }

        let isText = type == "text/plain" || type == "text/html"
        if disposition?.value == "attachment" || fileName != nil || !isText {
            if signatureTypes.contains(type) { return Rendered(text: nil, isPlain: false, attachments: []) }
            var name = fileName
            if name == nil, type == "message/rfc822" {
                let inner = MailHeaders.parse(ArraySlice(transferDecoded(body, encoding: encoding))).headers
                name = inner.decoded("subject").flatMap { $0.isEmpty ? nil : $0 }
            }
            return Rendered(text: nil, isPlain: false, attachments: [IngestRecord.Attachment(type: "file", name: name)])
        }

        var bytes = transferDecoded(body, encoding: encoding)
        bytes = normalizedLineBreaks(bytes)
        var charset = contentType.parameters["charset"]
        if type == "text/html", charset.flatMap({ Charset(name: $0) }) == nil {
            charset = metaCharset(bytes) ?? charset
        }
        var text = decodeText(bytes, charset: charset)
        if type == "text/html" {
            text = MailHTML.text(text)
            return Rendered(text: text, isPlain: false, attachments: [])
        }
        if contentType.parameters["format"]?.lowercased() == "flowed" {
            text = unflowed(text, deleteSpace: contentType.parameters["delsp"]?.lowercased() == "yes")
        }
        return Rendered(text: text, isPlain: true, attachments: [])
    }

    static let signatureTypes: Set<String> = [
        "application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature",
    ]

    // MARK: - Multipart

    /// The parts of a multipart body (each with its headers); nil when no delimiter line
    /// `--boundary` is found. The line break before a delimiter belongs to the delimiter.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>]? {
        let delimiter = [0x2D, 0x2D] + boundary
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var found = false
        var i = body.startIndex
        let end = body.endIndex
        while i < end {
            var lineEnd = i
            while lineEnd < end, body[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > i, body[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            if body[i..<contentEnd].starts(with: delimiter) {
                var rest = body[(i + delimiter.count)..<contentEnd]
                let isClose = rest.starts(with: [0x2D, 0x2D])
                if isClose { rest = rest.dropFirst(2) }
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if let s = partStart {
                        var e = i
                        if e > s, body[e - 1] == 0x0A {
                            e -= 1
                            if e > s, body[e - 1] == 0x0D { e -= 1 }
                        }
                        parts.append(body[s..<e])
                    }
                    found = true
                    partStart = nil
                    if isClose { return parts }
                    partStart = next
                }
            }
            i = next
        }
        if let s = partStart { parts.append(body[s..<end]) }
        return found ? parts : nil
    }

    /// The boundary of the first line that looks like a delimiter (`--something`).
    static func guessBoundary(_ body: ArraySlice<UInt8>) -> [UInt8]? {
        var i = body.startIndex
        while i < body.endIndex {
            var lineEnd = i
            while lineEnd < body.endIndex, body[lineEnd] != 0x0A { lineEnd += 1 }
            var line = body[i..<lineEnd]
            while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line = line.dropLast() }
            if line.count > 2, line.starts(with: [0x2D, 0x2D]), !line.dropFirst(2).contains(0x20) {
                return Array(line.dropFirst(2))
            }
            i = lineEnd + 1
        }
        return nil
    }

    // MARK: - Transfer encodings

    static func transferDecoded(_ body: ArraySlice<UInt8>, encoding: String) -> [UInt8] {
        switch encoding {
        case "quoted-printable": quotedPrintable(body)
        case "base64": base64(body)
        default: Array(body)
        }
    }

    /// Quoted-printable: `=XX` is a byte, `=` at a line's end a soft line break; white space
    /// at a line's end is transport padding and dropped; a stray `=` is kept.
    static func quotedPrintable(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var padding = 0  // literal spaces and tabs at the end of `out`
        var i = text.startIndex
        let end = text.endIndex
        while i < end {
            let c = text[i]
            if c == 0x3D {
                if i + 2 < end, let h = hexValue(text[i + 1]), let l = hexValue(text[i + 2]) {
                    out.append(h << 4 | l)
                    padding = 0
                    i += 3
                    continue
                }
                var j = i + 1
                while j < end, text[j] == 0x20 || text[j] == 0x09 { j += 1 }
                if j == end {
                    i = end
                    continue
                }
                if text[j] == 0x0A {
                    i = j + 1
                    continue
                }
                if text[j] == 0x0D, j + 1 < end, text[j + 1] == 0x0A {
                    i = j + 2
                    continue
                }
                out.append(c)
                padding = 0
                i += 1
                continue
            }
            if c == 0x0A || (c == 0x0D && i + 1 < end && text[i + 1] == 0x0A) {
                out.removeLast(padding)
                padding = 0
                if c == 0x0D {
                    out.append(0x0D)
                    i += 1
                }
                out.append(0x0A)
                i += 1
                continue
            }
            out.append(c)
            padding = c == 0x20 || c == 0x09 ? padding + 1 : 0
            i += 1
        }
        out.removeLast(padding)
        return out
    }

    /// Base64, skipping line breaks and any other byte outside the alphabet; padding optional.
    static func base64<Bytes: Collection>(_ text: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for c in text {
            if c == 0x3D { break }
            guard let v = base64Value(c) else { continue }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        return out
    }

    static func base64Value(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x41...0x5A: c - 0x41
        case 0x61...0x7A: c - 0x61 + 26
        case 0x30...0x39: c - 0x30 + 52
        case 0x2B, 0x2D: 62  // + (and the URL-safe -)
        case 0x2F, 0x5F: 63  // / (and the URL-safe _)
        default: nil
        }
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    // MARK: - Text

    /// CRLF and lone CR to LF.
    static func normalizedLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return out
    }

    /// Bytes in the named charset; when the name is missing or unknown, or the bytes are not
    /// valid in it, UTF-8 and then Windows-1251.
    static func decodeText(_ bytes: [UInt8], charset: String?) -> String {
        if let name = charset, let known = Charset(name: name), let text = known.decode(bytes) { return text }
        if let text = Charset.utf8.decode(bytes) { return text }
        return Charset.windows1251.decode(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The charset an HTML document names in a `<meta>` (`charset=…`) in its first 2 KB.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(2048).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let key = Array("charset=".utf8)
        guard head.count >= key.count else { return nil }
        for start in 0...(head.count - key.count) where head[start..<(start + key.count)].elementsEqual(key) {
            var i = start + key.count
            while i < head.count, head[i] == 0x22 || head[i] == 0x27 || head[i] == 0x20 { i += 1 }
            let nameStart = i
            while i < head.count, (head[i] >= 0x61 && head[i] <= 0x7A) || (head[i] >= 0x30 && head[i] <= 0x39) || head[i] == 0x2D || head[i] == 0x5F { i += 1 }
            let name = String(decoding: head[nameStart..<i], as: UTF8.self)
            if Charset(name: name) != nil { return name }
        }
        return nil
    }

    /// RFC 3676 `format=flowed`: a line ending in a space continues on the next line of the
    /// same quote depth; space-stuffing is removed; with `delsp=yes` the space goes too.
    static func unflowed(_ text: String, deleteSpace: Bool) -> String {
        var out: [String] = []
        var pending: (depth: Int, text: String)?
        func prefix(_ depth: Int) -> String { depth == 0 ? "" : String(repeating: ">", count: depth) + " " }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let depth = line.prefix(while: { $0 == ">" }).count
            var content = line.dropFirst(depth)
            if content.hasPrefix(" ") { content = content.dropFirst() }
            let flowed = content.hasSuffix(" ") && content != "-- "
            if flowed, deleteSpace { content = content.dropLast() }
            if let p = pending, p.depth == depth {
                pending = (depth, p.text + content)
            } else {
                if let p = pending { out.append(prefix(p.depth) + p.text) }
                pending = (depth, String(content))
            }
            if !flowed, let p = pending {
                out.append(prefix(p.depth) + p.text)
                pending = nil
            }
        }
        if let p = pending { out.append(prefix(p.depth) + p.text) }
        return out.joined(separator: "\n")
    }
}
