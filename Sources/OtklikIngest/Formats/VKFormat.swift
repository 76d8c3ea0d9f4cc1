import Foundation
import OtklikCore

/// VK API responses of `wall.get` (posts) and `wall.getComments` (comments), requested
/// with `extended=1` so that `profiles` and `groups` name the authors
/// (docs/ingest/vk.md).
///
/// Accepted documents: one response `{"response":{"count","items","profiles","groups"}}`,
/// a bare `{"count","items",…}` object, a JSON array of either (pages saved one after
/// another), and an `execute` result whose `response` is an array of such objects. Every
/// post, comment and nested reply (`thread.items`) is one item, in document order, a
/// comment before its replies. An `{"error":{…}}` response or a document that is not
/// JSON yields one `.invalid` item for the whole file.
public struct VKFormat: RecordFormat {
    public let options: FormatOptions

    public init(options: FormatOptions) { self.options = options }

    public func parse(_ data: Data, emit: (ParsedItem) throws -> Void) rethrows {
        let whole = RecordPosition(byteOffset: 0)
        guard let root = try JSONDocument.root(of: data, emit: emit) else { return }
        switch root {
        case let object as [String: Any]:
            if let reason = Self.errorReason(object) ?? Self.shapeProblem(object) {
                // The whole file is the one response: quarantine it as it came.
                try emit(.invalid(reason: reason, at: RecordPosition(byteOffset: 0, path: object["error"] != nil ? "error" : nil),
                                  raw: data))
                return
            }
            try response(object, path: "", emit: emit)
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                let path = "[\(index)]"
                guard let object = element as? [String: Any] else {
                    try emit(.invalid(reason: "not a VK API response (expected an object with \"response\" or \"items\")",
                                      at: RecordPosition(path: path), raw: vkSerialise(element)))
                    continue
                }
                if let reason = Self.errorReason(object) ?? Self.shapeProblem(object) {
                    try emit(.invalid(reason: reason, at: RecordPosition(path: path), raw: vkSerialise(object)))
                    continue
                }
                try response(object, path: path, emit: emit)
            }
        default:
            try emit(.invalid(reason: "not a VK API response (expected a JSON object or array)", at: whole, raw: data))
        }
    }

    // MARK: Responses

    /// The reason an `{"error":{…}}` response gives, or nil when the object is no error.
    static func errorReason(_ object: [String: Any]) -> String? {
        guard object["response"] == nil, let error = object["error"] else { return nil }
        if let e = error as? [String: Any] {
            let f = JSONFields(e)
            let message = f.string("error_msg") ?? "no error_msg"
            if let code = f.string("error_code") { return "VK API error \(code): \(message)" }
            return "VK API error: \(message)"
        }
        // The OAuth endpoint's shape: {"error":"invalid_token","error_description":"…"}.
        let name = JSONFields(object).string("error") ?? "unknown"
        if let description = JSONFields(object).string("error_description") { return "VK API error: \(name) (\(description))" }
        return "VK API error: \(name)"
    }

    /// Why an object (not an error) is no response we can read; nil when it is one.
    static func shapeProblem(_ object: [String: Any]) -> String? {
        if let body = object["response"] {
            if let b = body as? [String: Any] {
                return b["items"] is [Any] ? nil : "the response has no \"items\" array"
            }
            if body is [Any] { return nil }  // an execute result: checked element by element
            return "\"response\" is not an object"
        }
        if object["items"] is [Any] { return nil }
        return "not a VK API response (expected \"response\", \"error\", or \"count\" and \"items\")"
    }

    /// One response object: `{"response":{…}}`, `{"response":[{…},…]}` or a bare body.
    private func response(_ object: [String: Any], path: String, emit: (ParsedItem) throws -> Void) rethrows {
        let prefix = path.isEmpty ? "" : path + "."
        switch object["response"] {
        case let body as [String: Any]:
            try self.body(body, path: prefix + "response", emit: emit)
        case let bodies as [Any]:
            for (index, element) in bodies.enumerated() {
                let at = prefix + "response[\(index)]"
                guard let body = element as? [String: Any], body["items"] is [Any] else {
                    try emit(.invalid(reason: "not a VK API response body (expected an object with \"items\")",
                                      at: RecordPosition(path: at), raw: vkSerialise(element)))
                    continue
                }
                try self.body(body, path: at, emit: emit)
            }
        default:
            try self.body(object, path: path, emit: emit)
        }
    }

    /// A response body: `{"count","items","profiles","groups"}`.
    private func body(_ body: [String: Any], path: String, emit: (ParsedItem) throws -> Void) rethrows {
        let authors = Authors(body)
        let prefix = path.isEmpty ? "" : path + "."
        for (index, element) in (body["items"] as? [Any] ?? []).enumerated() {
            let at = prefix + "items[\(index)]"
            guard let object = element as? [String: Any] else {
                try emit(.invalid(reason: "an item must be a JSON object", at: RecordPosition(path: at), raw: vkSerialise(element)))
                continue
            }
            if object["post_id"] != nil || object["parents_stack"] != nil {
                try comment(object, path: at, context: CommentContext(), authors: authors, emit: emit)
            } else {
                try emit(post(object, path: at, authors: authors))
            }
        }
    }

    // MARK: Posts

    private func post(_ object: [String: Any], path: String, authors: Authors) -> ParsedItem {
        let position = RecordPosition(path: path)
        let raw = vkSerialise(object)
        let f = JSONFields(object)
        if isSet(f, "is_deleted") || isSet(f, "deleted") {
            return .skipped(reason: "deleted post", at: position, raw: raw)
        }
        do {
            let id = try requiredInt(f, "id")
            let owner = try requiredInt(f, "owner_id")
            let createdAt = try unixTime(f, "date")
            let copies = (f.array("copy_history") ?? []).compactMap { ($0 as? [String: Any]).map(JSONFields.init) }
            var text = f.string("text") ?? ""
            if text.allSatisfy(\.isWhitespace), let copied = copies.lazy.compactMap({ $0.string("text") }).first(where: { !$0.allSatisfy(\.isWhitespace) }) {
                text = copied
            }
            var attachments = Self.attachments(f)
            for copy in copies { attachments += Self.attachments(copy) }
            var geo = Self.geo(f)
            for copy in copies where geo.place == nil && geo.coordinates == nil { geo = Self.geo(copy) }
            let coordinates = geo.coordinates ?? Self.photoCoordinates(f)
            let from = f.int("from_id")
            let record = IngestRecord(
                source: .vk, externalID: "wall\(owner)_\(id)", kind: .post,
                author: from.flatMap { authors.author($0) }, text: text, createdAt: createdAt,
                editedAt: editedAt(f), url: "https://vk.com/wall\(owner)_\(id)", place: geo.place,
                latitude: coordinates?.latitude, longitude: coordinates?.longitude, attachments: attachments,
                fromOrganisation: (from ?? 0) < 0)
            return .record(record, at: position, raw: raw)
        } catch {
            return .invalid(reason: "\(error)", at: position, raw: raw)
        }
    }

    // MARK: Comments

    /// What a nested reply inherits from the comment whose `thread` holds it.
    private struct CommentContext {
        var owner: Int?
        var post: Int?
        /// The top-level comment of the thread, and the comment holding this reply.
        var top: Int?
        var enclosing: Int?
    }

    private func comment(_ object: [String: Any], path: String, context: CommentContext, authors: Authors,
                         emit: (ParsedItem) throws -> Void) rethrows {
        let position = RecordPosition(path: path)
        let f = JSONFields(object)
        let id = positive(f.int("id"))
        let owner = f.int("owner_id").flatMap { $0 == 0 ? nil : $0 } ?? context.owner
        let post = positive(f.int("post_id")) ?? context.post
        let stack = (f.array("parents_stack") ?? []).compactMap { ($0 as? NSNumber)?.intValue ?? Int("\($0)") }.filter { $0 > 0 }
        let top = context.top ?? stack.first

        if isSet(f, "deleted") {
            try emit(.skipped(reason: "deleted comment", at: position, raw: vkSerialise(object)))
        } else {
            try emit(commentItem(f, id: id, owner: owner, post: post, stack: stack, top: top, context: context,
                                 authors: authors, at: position, raw: vkSerialise(object)))
        }
        // Replies go on even when their comment is deleted or unreadable: they are messages
        // of their own, and the thread still names the post.
        guard let replies = f.object("thread")?.array("items"), !replies.isEmpty else { return }
        let inner = CommentContext(owner: owner, post: post, top: top ?? id, enclosing: id)
        for (index, element) in replies.enumerated() {
            let at = path + ".thread.items[\(index)]"
            guard let reply = element as? [String: Any] else {
                try emit(.invalid(reason: "an item must be a JSON object", at: RecordPosition(path: at), raw: vkSerialise(element)))
                continue
            }
            try comment(reply, path: at, context: inner, authors: authors, emit: emit)
        }
    }

    private func commentItem(_ f: JSONFields, id: Int?, owner: Int?, post: Int?, stack: [Int], top: Int?,
                             context: CommentContext, authors: Authors, at position: RecordPosition, raw: Data) -> ParsedItem {
        do {
            let id = try id ?? requiredInt(f, "id")
            guard let owner else { throw Problem(description: "missing required field \"owner_id\"") }
            let post = try post ?? requiredInt(f, "post_id")
            let createdAt = try unixTime(f, "date")
            let thread = "wall\(owner)_\(post)"
            let parent = positive(f.int("reply_to_comment")).flatMap { $0 == id ? nil : $0 }
                ?? context.enclosing ?? stack.last
            var url = "https://vk.com/\(thread)?reply=\(id)"
            if let top, top != id { url += "&thread=\(top)" }
            let geo = Self.geo(f)
            let coordinates = geo.coordinates ?? Self.photoCoordinates(f)
            let from = f.int("from_id")
            let record = IngestRecord(
                source: .vk, externalID: "\(thread)_r\(id)", parentID: parent.map { "\(thread)_r\($0)" } ?? thread,
                threadID: thread, kind: .comment, author: from.flatMap { authors.author($0) }, text: f.string("text") ?? "",
                createdAt: createdAt, editedAt: editedAt(f), url: url, place: geo.place,
                latitude: coordinates?.latitude, longitude: coordinates?.longitude, attachments: Self.attachments(f),
                fromOrganisation: (from ?? 0) < 0)
            return .record(record, at: position, raw: raw)
        } catch {
            return .invalid(reason: "\(error)", at: position, raw: raw)
        }
    }

    // MARK: Fields

    private struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    private func positive(_ value: Int?) -> Int? {
        guard let value, value > 0 else { return nil }
        return value
    }

    /// A flag VK writes as `1`, `true` or (rarely) `"1"`.
    private func isSet(_ f: JSONFields, _ key: String) -> Bool {
        (f.int(key) ?? 0) != 0 || (f.object[key] as? String)?.lowercased() == "true"
    }

    /// A VK id that must be there: a positive one (`id`, `post_id`) or, for `owner_id`,
    /// any but 0 (communities' walls are negative).
    private func requiredInt(_ f: JSONFields, _ key: String) throws -> Int {
        switch f.object[key] {
        case nil, is NSNull: throw Problem(description: "missing required field \"\(key)\"")
        default:
            guard let value = f.int(key), value > 0 || (value < 0 && key == "owner_id") else {
                throw Problem(description: "field \"\(key)\" is not a VK id: \(f.string(key).map { "\"\($0)\"" } ?? "not a number")")
            }
            return value
        }
    }

    private func unixTime(_ f: JSONFields, _ key: String) throws -> Date {
        switch f.object[key] {
        case nil, is NSNull: throw Problem(description: "missing required field \"\(key)\"")
        default:
            guard let seconds = f.int(key), seconds > 0 else {
                throw Problem(description: "field \"\(key)\" is not a Unix time: \(f.string(key).map { "\"\($0)\"" } ?? "not a number")")
            }
            return Timestamp.unix(seconds)
        }
    }

    /// `edited`, the Unix time of the last edit; absent or 0 when the message was never edited.
    private func editedAt(_ f: JSONFields) -> Date? {
        guard let seconds = f.int("edited"), seconds > 0 else { return nil }
        return Timestamp.unix(seconds)
    }

    /// `geo`: `{"type":"point","coordinates":"56.84 60.61","place":{"title":…}}`. Coordinates
    /// out of range or unreadable are dropped, not the record.
    static func geo(_ f: JSONFields) -> (place: String?, coordinates: (latitude: Double, longitude: Double)?) {
        guard let geo = f.object("geo") else { return (nil, nil) }
        var coordinates: (latitude: Double, longitude: Double)?
        switch geo.object["coordinates"] {
        case let text as String:
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if parts.count == 2 { coordinates = validCoordinates(parts[0], parts[1]) }
        case let object as [String: Any]:
            let c = JSONFields(object)
            if let lat = c.double("latitude"), let lon = c.double("longitude") { coordinates = validCoordinates(lat, lon) }
        default: break
        }
        let place = geo.object("place").flatMap { p in
            [p.string("title"), p.string("address")].compactMap { $0 }.first { !$0.allSatisfy(\.isWhitespace) }
        }
        return (place, coordinates)
    }

    static func validCoordinates(_ lat: Double, _ lon: Double) -> (latitude: Double, longitude: Double)? {
        guard (-90...90).contains(lat), (-180...180).contains(lon), lat != 0 || lon != 0 else { return nil }
        return (lat, lon)
    }

    /// Without `geo`: the place the first attached photo was taken at, when VK gives it.
    static func photoCoordinates(_ f: JSONFields) -> (latitude: Double, longitude: Double)? {
        for case let element as [String: Any] in f.array("attachments") ?? [] {
            guard let photo = JSONFields(element).object("photo"), let lat = photo.double("lat"), let lon = photo.double("long")
            else { continue }
            if let c = validCoordinates(lat, lon) { return c }
        }
        return nil
    }

    // MARK: Attachments

    /// `attachments`: `[{"type":"photo","photo":{…}}, …]`, the object under the key its type names.
    static func attachments(_ f: JSONFields) -> [IngestRecord.Attachment] {
        (f.array("attachments") ?? []).compactMap { element in
            guard let a = element as? [String: Any], let type = JSONFields(a).string("type"), !type.isEmpty else { return nil }
            guard let object = a[type] as? [String: Any] else { return IngestRecord.Attachment(type: type) }
            return attachment(type: type, JSONFields(object))
        }
    }

    static func attachment(type: String, _ o: JSONFields) -> IngestRecord.Attachment {
        func nonEmpty(_ key: String) -> String? {
            guard let value = o.string(key), !value.allSatisfy(\.isWhitespace) else { return nil }
            return value
        }
        let owner = o.string("owner_id")
        let id = o.string("id")
        switch type {
        case "photo":
            return .init(type: type, url: largestPhoto(o), name: nonEmpty("text"))
        case "posted_photo", "graffiti":
            return .init(type: type, url: nonEmpty("url") ?? nonEmpty("photo_604") ?? nonEmpty("photo_586") ?? nonEmpty("photo_130"))
        case "video":
            let url = owner.flatMap { o in id.map { "https://vk.com/video\(o)_\($0)" } } ?? nonEmpty("player")
            return .init(type: type, url: url, name: nonEmpty("title"))
        case "audio":
            let name = [nonEmpty("artist"), nonEmpty("title")].compactMap { $0 }.joined(separator: " — ")
            return .init(type: type, url: nonEmpty("url"), name: name.isEmpty ? nil : name)
        case "sticker":
            return .init(type: type, url: largestImage(o.array("images")) ?? largestImage(o.array("images_with_background"))
                         ?? nonEmpty("photo_512") ?? nonEmpty("photo_352") ?? nonEmpty("photo_256") ?? nonEmpty("photo_128"))
        case "poll":
            let url = owner.flatMap { o in id.map { "https://vk.com/poll\(o)_\($0)" } }
            return .init(type: type, url: url, name: nonEmpty("question"))
        case "album":
            let url = owner.flatMap { o in id.map { "https://vk.com/album\(o)_\($0)" } }
            return .init(type: type, url: url, name: nonEmpty("title"))
        case "market":
            let url = owner.flatMap { o in id.map { "https://vk.com/product\(o)_\($0)" } }
            return .init(type: type, url: url, name: nonEmpty("title"))
        case "wall":
            let wallOwner = o.string("owner_id") ?? o.string("to_id") ?? o.string("from_id")
            let url = wallOwner.flatMap { w in id.map { "https://vk.com/wall\(w)_\($0)" } }
            return .init(type: type, url: url, name: nil)
        case "audio_message":
            return .init(type: type, url: nonEmpty("link_mp3") ?? nonEmpty("link_ogg"))
        default:  // doc, link, note, page, article, podcast…: VK gives url (or view_url) and title
            return .init(type: type, url: nonEmpty("url") ?? nonEmpty("view_url"),
                         name: nonEmpty("title") ?? nonEmpty("name") ?? nonEmpty("question"))
        }
    }

    /// The size letters from smallest to largest, for photos whose sizes carry no dimensions.
    private static let sizeRank: [String: Int] = ["s": 1, "m": 2, "o": 3, "p": 4, "q": 5, "r": 6, "x": 7, "y": 8, "z": 9, "w": 10, "base": 11]

    /// The URL of a photo's largest copy: `orig_photo`, then `sizes[]` by area (the size
    /// letter breaks ties), then the old `photo_2560`…`photo_75` fields.
    static func largestPhoto(_ o: JSONFields) -> String? {
        var best: (area: Int, rank: Int, url: String)?
        var candidates = o.array("sizes") ?? []
        if let orig = o.object["orig_photo"] { candidates.append(orig) }
        for case let size as [String: Any] in candidates {
            let s = JSONFields(size)
            guard let url = s.string("url") ?? s.string("src"), !url.isEmpty else { continue }
            let area = max(0, s.int("width") ?? 0) * max(0, s.int("height") ?? 0)
            let rank = s.string("type").flatMap { sizeRank[$0] } ?? (size["type"] == nil ? 12 : 0)
            if best.map({ area > $0.area || (area == $0.area && rank > $0.rank) }) ?? true { best = (area, rank, url) }
        }
        if let best { return best.url }
        for key in ["photo_2560", "photo_1280", "photo_807", "photo_604", "photo_130", "photo_75"] {
            if let url = o.string(key), !url.isEmpty { return url }
        }
        return nil
    }

    static func largestImage(_ images: [Any]?) -> String? {
        var best: (width: Int, url: String)?
        for case let image as [String: Any] in images ?? [] {
            let i = JSONFields(image)
            guard let url = i.string("url"), !url.isEmpty else { continue }
            let width = i.int("width") ?? 0
            if best.map({ width > $0.width }) ?? true { best = (width, url) }
        }
        return best?.url
    }
}

/// The authors a response names: `profiles` (people) and `groups` (communities), by id.
private struct Authors {
    private var people: [Int: JSONFields] = [:]
    private var communities: [Int: JSONFields] = [:]

    init(_ body: [String: Any]) {
        for case let p as [String: Any] in body["profiles"] as? [Any] ?? [] {
            let f = JSONFields(p)
            if let id = f.int("id") { people[id] = f }
        }
        for case let g as [String: Any] in body["groups"] as? [Any] ?? [] {
            let f = JSONFields(g)
            if let id = f.int("id") { communities[abs(id)] = f }
        }
    }

    /// The author of `from_id`: a person (`id42`, https://vk.com/id42) for a positive id, a
    /// community (`club123`, https://vk.com/{screen_name}) for a negative one. An id the
    /// response does not describe is still an author, named by its id.
    func author(_ fromID: Int) -> IngestRecord.Author? {
        if fromID > 0 {
            let id = "id\(fromID)"
            let profile = people[fromID]
            let name = [profile?.string("first_name"), profile?.string("last_name")]
                .compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
            return .init(id: id, name: name.isEmpty ? id : name, profileURL: "https://vk.com/\(id)")
        }
        if fromID < 0 {
            let id = "club\(-fromID)"
            let group = communities[-fromID]
            let name = group?.string("name").map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let screen = group?.string("screen_name").map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            return .init(id: id, name: name.isEmpty ? id : name, profileURL: "https://vk.com/\(screen.isEmpty ? id : screen)")
        }
        return nil
    }
}

/// An element of the input, written back as JSON for the quarantine.
private func vkSerialise(_ value: Any) -> Data {
    if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]) {
        return data
    }
    return Data("\(value)".utf8)
}
