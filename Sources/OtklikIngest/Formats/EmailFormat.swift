import Foundation
import OtklikCore

/// E-mail: an mbox file (mboxo or mboxrd) or a single `.eml` message, documented in
/// docs/ingest/email.md. Every message is one item: a record of kind `.email`, or an
/// invalid item when it is not an e-mail or has no readable date.
///
/// The pieces: `MailMbox` (splitting), `MailHeaders` and `MailEncodedWords` (header
/// fields, RFC 2047), `MailAddress` (mailboxes, message ids), `MailContentField`
/// (parameters, RFC 2231), `MailMIME` (multipart, transfer encodings, charsets),
/// `MailHTML` (HTML to text), `MailDate` (RFC 5322 and asctime dates).
public struct EmailFormat: RecordFormat {
    public let options: FormatOptions

    public init(options: FormatOptions) { self.options = options }

    public func parse(_ data: Data, emit: (ParsedItem) throws -> Void) rethrows {
        let bytes = [UInt8](data)
        for entry in MailMbox.split(bytes) {
            try emit(item(bytes, entry))
        }
    }

    func item(_ bytes: [UInt8], _ entry: MailEntry) -> ParsedItem {
        let raw = Data(bytes[entry.range])
        let position = RecordPosition(line: entry.line, byteOffset: entry.range.lowerBound)
        let message = entry.isMbox ? MailMbox.unescape(bytes[entry.range]) : Array(bytes[entry.range])
        do {
            return .record(try Self.record(message, envelopeDate: entry.envelopeDate, timeZone: options.timeZone),
                           at: position, raw: raw)
        } catch {
            return .invalid(reason: error.description, at: position, raw: raw)
        }
    }

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// Header fields one of which any e-mail has; a "message" with none of them is some
    /// other text that happens to start with `Word: …`.
    static let mailFields: Set<String> = [
        "from", "to", "cc", "date", "subject", "message-id", "received", "return-path", "sender",
        "reply-to", "mime-version", "content-type", "in-reply-to", "references", "delivered-to",
    ]

    /// One message (mbox-unescaped) as a record; `envelopeDate` is its mbox `From ` line's date.
    static func record(_ message: [UInt8], envelopeDate: Date?, timeZone: TimeZone) throws(Invalid) -> IngestRecord {
        let (headers, bodyStart) = MailHeaders.parse(message[...])
        guard !headers.fields.isEmpty else {
            throw Invalid(description: message.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A })
                ? "empty message" : "not an e-mail message: no header fields")
        }
        guard headers.fields.contains(where: { mailFields.contains($0.name) }) else {
            throw Invalid(description: "not an e-mail message: none of From, To, Date, Subject, Message-ID, Received… among its header fields")
        }
        guard let createdAt = headers.text("date").flatMap({ MailDate.parse($0, defaultZone: timeZone) }) ?? envelopeDate else {
            throw Invalid(description: "no readable Date header")
        }
        let externalID = headers.text("message-id").flatMap { MailAddress.messageIDs($0).first }
            ?? "sha:" + fnv1a(message)
        var parentID = headers.text("in-reply-to").flatMap { MailAddress.messageIDs($0).first }
        var threadID = headers.text("references").flatMap { MailAddress.messageIDs($0).first }
        if parentID == externalID { parentID = nil }
        if threadID == externalID { threadID = nil }

        var author: IngestRecord.Author?
        if let from = headers.text("from"), let mailbox = MailAddress.firstMailbox(from) {
            author = IngestRecord.Author(id: mailbox.address.lowercased(), name: mailbox.displayName ?? mailbox.address)
        }

        let body = MailMIME.body(headers: headers, bytes: message[bodyStart...])
        let subject = headers.decoded("subject") ?? ""
        let bodyText = trimmed(body.text)
        let text: String
        if subject.isEmpty {
            text = bodyText
        } else if bodyText.isEmpty {
            text = subject
        } else {
            text = subject + "\n\n" + bodyText
        }
        return IngestRecord(source: .email, externalID: externalID, parentID: parentID, threadID: threadID,
                            kind: .email, author: author, text: text, createdAt: createdAt,
                            attachments: body.attachments)
    }

    /// Blank lines at the start and white space at the end removed.
    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        // Leading blank lines only: the first line's indentation is the writer's.
        while let newline = scalars.firstIndex(of: "\n"),
              scalars[scalars.startIndex..<newline].allSatisfy({ $0 == " " || $0 == "\t" }) {
            scalars.removeFirst(scalars.distance(from: scalars.startIndex, to: newline) + 1)
        }
        return String(scalars)
    }

    /// The 64-bit FNV-1a hash of the bytes, as 16 lowercase hex digits.
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
