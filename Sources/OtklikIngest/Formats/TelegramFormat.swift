import Foundation
import OtklikCore

/// Telegram Desktop's "Export chat history" in machine-readable JSON (`result.json`),
/// documented in docs/ingest/telegram.md. Two shapes are read:
///
/// - one chat: `{"name":…, "type":…, "id":…, "messages":[…]}`;
/// - the whole account ("Export Telegram data"): `{"chats":{"list":[chat…]},
///   "left_chats":{"list":[chat…]}, …}`; the messages of every listed chat are read.
///
/// Every element of a `messages` array ends as one item: a record, a skipped service
/// message, or an invalid message. A document that is not JSON at all (a truncated
/// export) is one invalid item for the whole file.
public struct TelegramFormat: RecordFormat {
    public let options: FormatOptions

    public init(options: FormatOptions) { self.options = options }

    public func parse(_ data: Data, emit: (ParsedItem) throws -> Void) rethrows {
        let whole = RecordPosition()
        let root: Any
        do {
            root = try JSONDocument.parse(Self.repairingHexEscapes(data))
        } catch {
            try emit(.invalid(reason: JSONDocument.reason(error), at: whole, raw: data))
            return
        }
        guard let object = root as? [String: Any] else {
            try emit(.invalid(reason: Self.notAnExport, at: whole, raw: data))
            return
        }
        if object["messages"] != nil {
            // One chat's export: the document is the chat.
            try parseChat(object, prefix: "", at: whole, rawWhenBroken: data, emit: emit)
            return
        }
        var sawList = false
        for listName in ["chats", "left_chats"] {
            guard let section = object[listName] as? [String: Any], let list = section["list"] as? [Any] else { continue }
            sawList = true
            for (index, element) in list.enumerated() {
                let path = "\(listName).list[\(index)]"
                let position = RecordPosition(path: path)
                guard let chat = element as? [String: Any] else {
                    try emit(.invalid(reason: "a chat must be a JSON object", at: position, raw: Self.serialise(element)))
                    continue
                }
                try parseChat(chat, prefix: path + ".", at: position, rawWhenBroken: nil, emit: emit)
            }
        }
        if !sawList {
            try emit(.invalid(reason: Self.notAnExport, at: whole, raw: data))
        }
    }

    private static let notAnExport =
        "not a Telegram Desktop export: expected a chat with \"messages\" or an account export with \"chats\": {\"list\": […]}"

    /// One chat object: its messages, each as one item. A chat without an id or without a
    /// messages array is one invalid item (its messages cannot be named).
    private func parseChat(_ chat: [String: Any], prefix: String, at position: RecordPosition, rawWhenBroken: Data?,
                           emit: (ParsedItem) throws -> Void) rethrows {
        let fields = JSONFields(chat)
        guard let messages = chat["messages"] as? [Any] else {
            try emit(.invalid(reason: "chat has no \"messages\" array", at: position,
                              raw: rawWhenBroken ?? Self.serialise(chat)))
            return
        }
        guard let chatID = fields.string("id"), !chatID.isEmpty else {
            try emit(.invalid(reason: "chat has no \"id\": its messages cannot be given external ids", at: position,
                              raw: rawWhenBroken ?? Self.serialise(chat)))
            return
        }
        // In a forum supergroup a message posted in a topic (not answering anyone) carries
        // the id of the topic's creation, a service message, as reply_to_message_id.
        var topicStarts = Set<String>()
        for element in messages {
            guard let message = element as? [String: Any], message["type"] as? String == "service",
                  message["action"] as? String == "topic_created",
                  let id = JSONFields(message).string("id") else { continue }
            topicStarts.insert(id)
        }
        for (index, element) in messages.enumerated() {
            let position = RecordPosition(path: "\(prefix)messages[\(index)]")
            try emit(item(element, chatID: chatID, topicStarts: topicStarts, at: position))
        }
    }

    private func item(_ element: Any, chatID: String, topicStarts: Set<String>, at position: RecordPosition) -> ParsedItem {
        let raw = Self.serialise(element)
        guard let object = element as? [String: Any] else {
            return .invalid(reason: "a message must be a JSON object", at: position, raw: raw)
        }
        let fields = JSONFields(object)
        switch fields.string("type") ?? "message" {
        case "message":
            break
        case "service":
            let action = fields.string("action").flatMap { $0.isEmpty ? nil : $0 } ?? "unknown action"
            return .skipped(reason: "service message: \(action)", at: position, raw: raw)
        case "unsupported":
            return .skipped(reason: "unsupported message: the exporting Telegram Desktop could not read it",
                            at: position, raw: raw)
        case let other:
            return .invalid(reason: "unknown message type \"\(other)\"", at: position, raw: raw)
        }
        do {
            return .record(try record(fields, chatID: chatID, topicStarts: topicStarts), at: position, raw: raw)
        } catch {
            return .invalid(reason: "\(error)", at: position, raw: raw)
        }
    }

    private struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    private func record(_ fields: JSONFields, chatID: String, topicStarts: Set<String>) throws -> IngestRecord {
        let id = try fields.requiredString("id")
        guard let createdAt = try time(fields, local: "date", unix: "date_unixtime", required: true) else {
            throw Invalid(description: "missing required field \"date\"")
        }
        // An unreadable edit time is dropped, not the message: the store notices an edit by
        // its changed text anyway.
        let editedAt = (try? time(fields, local: "edited", unix: "edited_unixtime", required: false)) ?? nil

        // The parent: a reply in this chat, or (reply_to_peer_id) a message in another chat.
        var parentID: String?
        if let replyTo = fields.string("reply_to_message_id"), !replyTo.isEmpty {
            if let peer = fields.string("reply_to_peer_id"), let peerID = Self.bareID(peer), peerID != chatID {
                parentID = "\(peerID)/\(replyTo)"
            } else if !topicStarts.contains(replyTo) {
                parentID = "\(chatID)/\(replyTo)"
            }
        }

        var author: IngestRecord.Author?
        let fromID = fields.string("from_id").flatMap { $0.isEmpty ? nil : $0 }
        let fromName = (fields.object["from"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        if let authorID = fromID ?? fromName {
            // A deleted account keeps its from_id but is exported with "from": null.
            author = .init(id: authorID, name: fromName ?? "Удалённый аккаунт")
        }

        let (text, links) = Self.text(fields)
        var attachments: [IngestRecord.Attachment] = []
        if let photo = fields.string("photo") {
            attachments.append(.init(type: "photo", name: Self.fileName(photo)))
        }
        if let file = fields.string("file") {
            let type = fields.string("media_type").flatMap { $0.isEmpty ? nil : $0 } ?? "file"
            let name = fields.string("file_name").flatMap { $0.isEmpty ? nil : $0 } ?? Self.fileName(file)
                ?? (type == "sticker" ? fields.string("sticker_emoji") : nil)
            attachments.append(.init(type: type, name: name))
        }
        if let poll = fields.object("poll") {
            attachments.append(.init(type: "poll", name: poll.string("question")))
        }
        if let contact = fields.object("contact_information") {
            let person = [contact.string("first_name"), contact.string("last_name")]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            let parts = [person, contact.string("phone_number") ?? ""].filter { !$0.isEmpty }
            attachments.append(.init(type: "contact", name: parts.isEmpty ? nil : parts.joined(separator: ", ")))
        }
        attachments += links

        var latitude: Double?
        var longitude: Double?
        if let location = fields.object("location_information"),
           let lat = location.double("latitude"), let lon = location.double("longitude"),
           (-90...90).contains(lat), (-180...180).contains(lon) {
            latitude = lat
            longitude = lon
        }
        let placeParts = [fields.string("place_name"), fields.string("address")].compactMap { $0 }.filter { !$0.isEmpty }

        return IngestRecord(
            source: .telegram, externalID: "\(chatID)/\(id)", parentID: parentID, threadID: nil,
            kind: parentID == nil ? .post : .comment, author: author, text: text, createdAt: createdAt,
            editedAt: editedAt, url: nil, place: placeParts.isEmpty ? nil : placeParts.joined(separator: ", "),
            latitude: latitude, longitude: longitude, attachments: attachments,
            fromOrganisation: fromID?.hasPrefix("channel") ?? false)
    }

    /// A time from its Unix seconds (`date_unixtime`, a string of digits), else from the
    /// local wall time (`date`, no zone) read in the options' zone.
    private func time(_ fields: JSONFields, local: String, unix: String, required: Bool) throws -> Date? {
        if let seconds = fields.string(unix), let value = Int(seconds) {
            return Timestamp.unix(value)
        }
        if let text = fields.string(local) {
            guard let date = Timestamp.iso8601(text, defaultZone: options.timeZone) else {
                throw Invalid(description: "\(local) \"\(text)\" is not a time")
            }
            return date
        }
        if let seconds = fields.string(unix) {
            throw Invalid(description: "\(unix) \"\(seconds)\" is not a number of seconds")
        }
        if required { throw Invalid(description: "missing required field \"\(local)\"") }
        return nil
    }

    /// The message text, flattened: `text` is a string, or an array of strings and entity
    /// objects whose `text` is taken; without it, `text_entities`. Hidden links
    /// (`text_link` entities, whose address is not in the text) become link attachments.
    private static func text(_ fields: JSONFields) -> (String, [IngestRecord.Attachment]) {
        func flatten(_ value: Any?) -> String? {
            switch value {
            case let string as String: return string
            case let parts as [Any]:
                return parts.map { part -> String in
                    switch part {
                    case let string as String: string
                    case let entity as [String: Any]: entity["text"] as? String ?? ""
                    default: ""
                    }
                }.joined()
            default: return nil
            }
        }
        let text = flatten(fields.object["text"]) ?? flatten(fields.object["text_entities"]) ?? ""
        let entities = fields.array("text_entities") ?? fields.array("text") ?? []
        var links: [IngestRecord.Attachment] = []
        for case let entity as [String: Any] in entities where entity["type"] as? String == "text_link" {
            guard let href = entity["href"] as? String, !href.isEmpty else { continue }
            let label = entity["text"] as? String
            links.append(.init(type: "link", url: href, name: label?.isEmpty == false ? label : nil))
        }
        return (text, links)
    }

    /// The name of an exported file from its relative path (`photos/photo_3@30-11-2026_09-15-00.jpg`);
    /// nil for the exporter's notes in place of a path ("(File not included. …)").
    private static func fileName(_ path: String) -> String? {
        guard !path.isEmpty, !path.hasPrefix("(") else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.isEmpty ? nil : name
    }

    /// The bare id of a peer as the exporter writes it (`channel1234567890`, `user42`, `chat7`).
    private static func bareID(_ peer: String) -> String? {
        let digits = peer.drop { !$0.isNumber }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(digits)
    }

    private static func serialise(_ element: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: element, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
    }

    /// Telegram Desktop writes control characters other than \n, \r and \t as `\xHH`,
    /// which JSON does not allow (tdesktop issue #27571): rewritten as `\u00HH` so the
    /// document parses and the character reaches the text as it was sent. Other escapes,
    /// `\\x` among them, are copied as they are.
    private static func repairingHexEscapes(_ data: Data) -> Data {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Data in
            let bytes = buffer.bindMemory(to: UInt8.self)
            let count = bytes.count
            func isHex(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c) }
            var first = -1
            var i = 0
            while i + 3 < count {
                if bytes[i] == 0x5C {
                    if bytes[i + 1] == 0x78, isHex(bytes[i + 2]), isHex(bytes[i + 3]) { first = i; break }
                    i += 2
                } else {
                    i += 1
                }
            }
            guard first >= 0 else { return data }
            var out = [UInt8]()
            out.reserveCapacity(count + 256)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<first]))
            i = first
            while i < count {
                let c = bytes[i]
                if c == 0x5C, i + 1 < count {
                    if bytes[i + 1] == 0x78, i + 3 < count, isHex(bytes[i + 2]), isHex(bytes[i + 3]) {
                        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, bytes[i + 2], bytes[i + 3]])
                        i += 4
                    } else {
                        out.append(c)
                        out.append(bytes[i + 1])
                        i += 2
                    }
                } else {
                    out.append(c)
                    i += 1
                }
            }
            return Data(out)
        }
    }
}
