import Foundation
import Testing
@testable import OtklikIngest

/// VK `wall.get` / `wall.getComments` responses (docs/ingest/vk.md). The fixtures under
/// Tests/Fixtures/ingest/vk/ follow the VK API's object descriptions, with `extended=1`.
@Suite struct VKFormatTests {
    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/ingest/vk/\(name)")
        return try Data(contentsOf: url)
    }

    static func items(_ data: Data) -> [ParsedItem] {
        var out: [ParsedItem] = []
        VKFormat(options: FormatOptions()).parse(data) { out.append($0) }
        return out
    }

    static func items(_ text: String) -> [ParsedItem] { items(Data(text.utf8)) }

    /// "ok", "skipped: reason" or "invalid: reason" for each item, to compare at a glance.
    static func outcomes(_ items: [ParsedItem]) -> [String] {
        items.map { item in
            switch item {
            case .record: "ok"
            case .skipped(let reason, _, _): "skipped: \(reason)"
            case .invalid(let reason, _, _): "invalid: \(reason)"
            }
        }
    }

    static func record(_ item: ParsedItem?) -> IngestRecord? {
        guard case .record(let r, _, _)? = item else { return nil }
        return r
    }

    static func raw(_ item: ParsedItem) -> Data {
        switch item {
        case .record(_, _, let raw), .skipped(_, _, let raw), .invalid(_, _, let raw): raw
        }
    }

    /// The raw bytes decoded.
    static func json(_ data: Data) -> Any? {
        try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// A JSON value written with sorted keys, to compare values whatever their key order.
    static func canonical(_ value: Any?) -> Data? {
        value.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) }
    }

    static let olga = IngestRecord.Author(id: "id512345", name: "Ольга Петрова", profileURL: "https://vk.com/id512345")
    static let igor = IngestRecord.Author(id: "id634512", name: "Игорь Смирнов", profileURL: "https://vk.com/id634512")
    static let anna = IngestRecord.Author(id: "id700100", name: "Анна Кузнецова", profileURL: "https://vk.com/id700100")
    static let administration = IngestRecord.Author(id: "club71234567", name: "Администрация г. Озерецка",
                                                    profileURL: "https://vk.com/ozeretsk_adm")
    static let customer = IngestRecord.Author(id: "club198765", name: "МКУ «Служба заказчика»", profileURL: "https://vk.com/sz_ozeretsk")

    // MARK: wall.get

    @Test func wallGetGivesOneItemPerPostInOrder() throws {
        let all = Self.items(try Self.fixture("wall_get.json"))
        #expect(all.map(\.position.path) == (0...6).map { "response.items[\($0)]" })
        #expect(Self.outcomes(all) == ["ok", "ok", "ok", "ok", "ok", #"invalid: missing required field "id""#, "ok"])
        #expect(all.allSatisfy { $0.position.line == nil })
    }

    @Test func citizenPostWithPhotoGeoAndEdit() throws {
        let all = Self.items(try Self.fixture("wall_get.json"))
        let r = try #require(Self.record(all[0]))
        let expected = IngestRecord(
            source: .vk, externalID: "wall-71234567_2045", parentID: nil, threadID: nil, kind: .post, author: Self.olga,
            text: "Во дворе дома 12 по ул. Ленина яма глубиной полметра, машины бьются. Когда отремонтируете?",
            createdAt: Date(timeIntervalSince1970: 1_796_012_100), editedAt: Date(timeIntervalSince1970: 1_796_013_600),
            url: "https://vk.com/wall-71234567_2045", place: "Озерецк, улица Ленина, 12",
            latitude: 56.838011, longitude: 60.597465,
            // The largest of the sizes (1280×960), not the last one listed.
            attachments: [.init(type: "photo", url: "https://sun9-41.userapi.com/impg/yama/Qw1.jpg?size=1280x960&quality=96&type=album")],
            category: nil, topicCode: nil, agencyName: nil, fromOrganisation: false)
        #expect(r == expected)
    }

    @Test func communityPostWithLinkVideoAndDoc() throws {
        let all = Self.items(try Self.fixture("wall_get.json"))
        let r = try #require(Self.record(all[1]))
        #expect(r.externalID == "wall-71234567_2046" && r.kind == .post)
        #expect(r.author == Self.administration)
        #expect(r.fromOrganisation)
        #expect(r.text == "Уважаемые жители! 1 декабря с 10:00 до 16:00 плановое отключение горячей воды на ул. Мира.")
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_018_400) && r.editedAt == nil)
        #expect(r.place == nil && r.latitude == nil && r.longitude == nil)
        #expect(r.attachments == [
            .init(type: "link", url: "https://ozeretsk.example.ru/news/1234", name: "График отключений горячей воды"),
            .init(type: "video", url: "https://vk.com/video-71234567_456239017", name: "Ремонт теплотрассы на ул. Мира"),
            .init(type: "doc", url: "https://vk.com/doc-71234567_654321?hash=c0ffee&dl=GE3DAMBZ&api=1", name: "График.pdf"),
        ])
    }

    @Test func repostWithoutTextTakesTheCopiedTextAndAttachments() throws {
        let all = Self.items(try Self.fixture("wall_get.json"))
        let r = try #require(Self.record(all[2]))
        #expect(r.externalID == "wall-71234567_2047")
        #expect(r.author == Self.igor && !r.fromOrganisation)
        #expect(r.text == "Сегодня начинается замена труб на ул. Садовой. Возможны перебои с водой.")
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_022_300))
        // orig_photo (2560×1920) beats the sizes.
        #expect(r.attachments == [.init(type: "photo", url: "https://sun9-77.userapi.com/impg/truby/orig.jpg", name: "Ул. Садовая")])
    }

    @Test func repostWithItsOwnTextKeepsIt() throws {
        let all = Self.items(try Self.fixture("wall_get.json"))
        let r = try #require(Self.record(all[6]))
        #expect(r.externalID == "wall-71234567_2050" && r.author == Self.anna)
        #expect(r.text == "Присоединяюсь! У нас на Садовой воды нет уже третий день.")
        #expect(r.attachments == [.init(type: "link", url: "https://sz-ozeretsk.example.ru/remont", name: "План ремонта")])
    }

    @Test func postWithoutTextIsStillARecord() throws {
        let all = Self.items(try Self.fixture("wall_get.json"))
        let r = try #require(Self.record(all[3]))
        #expect(r.externalID == "wall-71234567_2048" && r.author == Self.anna)
        #expect(r.text == "")
        // Sizes without dimensions: the size letter decides (x is larger than m and s).
        #expect(r.attachments == [
            .init(type: "photo", url: "https://sun9-3.userapi.com/c1/x.jpg"),
            .init(type: "audio", url: nil, name: "Дворовый хор — Песня про лужу"),
        ])
        // No geo: the photo's own coordinates.
        #expect(r.latitude == 56.84221 && r.longitude == 60.61402 && r.place == nil)
    }

    @Test func controlCharactersAndEscapesAreKeptAsIs() throws {
        let all = Self.items(try Self.fixture("wall_get.json"))
        let r = try #require(Self.record(all[4]))
        #expect(r.text == "\u{1B}[2J\u{1B}[31mСРОЧНО\u{1B}[0m: прорыв трубы\r\nул. Мира, 3\u{07}\u{202E}конец\ttab")
        #expect(r.externalID == "wall-71234567_2049" && r.author == Self.olga)
    }

    @Test func unknownFieldsAreIgnoredButKeptInRaw() throws {
        let data = try Self.fixture("wall_get.json")
        let all = Self.items(data)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require((root["response"] as? [String: Any])?["items"] as? [Any])
        for (index, item) in all.enumerated() {
            let decoded = Self.canonical(Self.json(Self.raw(item)))
            #expect(decoded != nil && decoded == Self.canonical(items[index]), "raw of items[\(index)]")
        }
        let raw = try #require(Self.json(Self.raw(all[4])) as? [String: Any])
        #expect(raw["future_field"] != nil)
    }

    @Test func postMissingItsIdIsInvalidAndTheRestGoesOn() throws {
        let all = Self.items(try Self.fixture("wall_get.json"))
        guard case .invalid(let reason, let at, let raw) = all[5] else { Issue.record("expected invalid"); return }
        #expect(reason == #"missing required field "id""#)
        #expect(at == RecordPosition(path: "response.items[5]"))
        let object = try #require(Self.json(raw) as? [String: Any])
        #expect(object["text"] as? String == "Нет света в подъезде дома 5 по ул. Садовой")
        #expect(Self.record(all[6]) != nil)
    }

    // MARK: wall.getComments

    @Test func commentsWithNestedRepliesAreEmittedInThreadOrder() throws {
        let all = Self.items(try Self.fixture("wall_getComments.json"))
        #expect(all.map(\.position.path) == [
            "response.items[0]", "response.items[0].thread.items[0]", "response.items[0].thread.items[1]",
            "response.items[1]", "response.items[1].thread.items[0]",
            "response.items[2]", "response.items[3]", "response.items[4]", "response.items[5]",
        ])
        #expect(Self.outcomes(all) == [
            "ok", "ok", "ok", "skipped: deleted comment", "ok", "ok", "ok", #"invalid: missing required field "date""#, "ok",
        ])
        #expect(all.compactMap { Self.record($0)?.externalID } == [
            "wall-71234567_2045_r9001", "wall-71234567_2045_r9003", "wall-71234567_2045_r9005", "wall-71234567_2045_r9004",
            "wall-71234567_2045_r9006", "wall-71234567_2045_r9007", "wall-71234567_2045_r9009",
        ])
    }

    @Test func topLevelCommentAnswersThePost() throws {
        let all = Self.items(try Self.fixture("wall_getComments.json"))
        let r = try #require(Self.record(all[0]))
        let expected = IngestRecord(
            source: .vk, externalID: "wall-71234567_2045_r9001", parentID: "wall-71234567_2045", threadID: "wall-71234567_2045",
            kind: .comment, author: Self.igor, text: "У нас на Садовой такая же яма уже месяц",
            createdAt: Date(timeIntervalSince1970: 1_796_014_320), editedAt: nil,
            url: "https://vk.com/wall-71234567_2045?reply=9001", fromOrganisation: false)
        #expect(r == expected)
    }

    @Test func nestedRepliesAnswerTheCommentTheyReplyTo() throws {
        let all = Self.items(try Self.fixture("wall_getComments.json"))
        let official = try #require(Self.record(all[1]))
        #expect(official.parentID == "wall-71234567_2045_r9001" && official.threadID == "wall-71234567_2045")
        #expect(official.kind == .comment)
        #expect(official.author == Self.administration && official.fromOrganisation)
        #expect(official.text == "Игорь, добрый день! Заявка передана в МКУ «Служба заказчика», ремонт запланирован до 5 декабря.")
        #expect(official.url == "https://vk.com/wall-71234567_2045?reply=9003&thread=9001")
        #expect(official.createdAt == Date(timeIntervalSince1970: 1_796_016_600))

        let thanks = try #require(Self.record(all[2]))
        #expect(thanks.parentID == "wall-71234567_2045_r9003")  // reply_to_comment, not the thread's top
        #expect(thanks.url == "https://vk.com/wall-71234567_2045?reply=9005&thread=9001")
        #expect(thanks.author == Self.igor && !thanks.fromOrganisation)
    }

    @Test func deletedCommentIsSkippedButItsRepliesAreRecords() throws {
        let all = Self.items(try Self.fixture("wall_getComments.json"))
        guard case .skipped(let reason, let at, let raw) = all[3] else { Issue.record("expected skipped"); return }
        #expect(reason == "deleted comment" && at.path == "response.items[1]")
        #expect((Self.json(raw) as? [String: Any])?["id"] as? Int == 9002)
        let reply = try #require(Self.record(all[4]))
        // No reply_to_comment: the reply answers the comment whose thread holds it.
        #expect(reply.parentID == "wall-71234567_2045_r9002" && reply.threadID == "wall-71234567_2045")
        #expect(reply.url == "https://vk.com/wall-71234567_2045?reply=9004&thread=9002")
        #expect(reply.author == Self.anna && reply.text == "Комментарий удалили, но я подтверждаю: яма есть")
    }

    @Test func stickerCommunityAndUnknownAuthors() throws {
        let all = Self.items(try Self.fixture("wall_getComments.json"))
        let sticker = try #require(Self.record(all[5]))
        #expect(sticker.text == "" && sticker.author == Self.olga)
        #expect(sticker.attachments == [.init(type: "sticker", url: "https://vk.com/sticker/1-9012-512")])

        let community = try #require(Self.record(all[6]))
        #expect(community.author == Self.customer && community.fromOrganisation)
        #expect(community.parentID == "wall-71234567_2045")

        let unknown = try #require(Self.record(all[8]))
        #expect(unknown.author == .init(id: "id777", name: "id777", profileURL: "https://vk.com/id777"))
        #expect(unknown.text == "Когда уберут мусор у контейнеров на Мира, 7?")
        #expect(unknown.createdAt == Date(timeIntervalSince1970: 1_796_022_000))
    }

    // MARK: Whole files

    @Test func errorResponseIsOneInvalidItem() throws {
        let data = try Self.fixture("error.json")
        let all = Self.items(data)
        #expect(all.count == 1)
        guard case .invalid(let reason, let at, let raw) = all.first else { Issue.record("expected invalid"); return }
        #expect(reason == "VK API error 15: Access denied: group hide wall")
        #expect(at == RecordPosition(byteOffset: 0, path: "error"))
        #expect(raw == data)
    }

    @Test func truncatedFileIsOneInvalidItem() throws {
        let data = try Self.fixture("truncated.json")
        let all = Self.items(data)
        #expect(all.count == 1)
        guard case .invalid(let reason, let at, let raw) = all.first else { Issue.record("expected invalid"); return }
        #expect(reason.hasPrefix("invalid JSON"))
        #expect(at == RecordPosition(byteOffset: 0))
        #expect(raw == data)
    }

    @Test func arrayOfResponsesAndBareBodies() throws {
        let all = Self.items(try Self.fixture("pages.json"))
        #expect(all.map(\.position.path) == ["[0].response.items[0]", "[1].items[0]", "[2]"])
        #expect(Self.outcomes(all) == ["ok", "ok", "invalid: VK API error 6: Too many requests per second"])
        let post = try #require(Self.record(all[0]))
        #expect(post.externalID == "wall-71234567_2051" && post.author == Self.olga && post.kind == .post)
        let comment = try #require(Self.record(all[1]))
        #expect(comment.externalID == "wall-71234567_2051_r9100" && comment.parentID == "wall-71234567_2051")
        #expect(comment.author == Self.administration && comment.fromOrganisation)
        #expect(comment.text == "Передали в «Горсвет».")
    }

    @Test func bareObjectAndExecuteResult() {
        let bare = Self.items(#"{"count":1,"items":[{"id":7,"owner_id":-5,"from_id":-5,"date":1796012100,"text":"Объявление"}],"groups":[{"id":5,"name":"Город"}]}"#)
        #expect(bare.map(\.position.path) == ["items[0]"])
        let r = Self.record(bare.first)
        #expect(r?.externalID == "wall-5_7" && r?.url == "https://vk.com/wall-5_7")
        // A community without screen_name: its club address.
        #expect(r?.author == .init(id: "club5", name: "Город", profileURL: "https://vk.com/club5"))

        let executed = Self.items(#"{"response":[{"count":1,"items":[{"id":8,"owner_id":1,"from_id":1,"date":1796012100,"text":"a"}]},false]}"#)
        #expect(executed.map(\.position.path) == ["response[0].items[0]", "response[1]"])
        #expect(Self.outcomes(executed)[1].hasPrefix("invalid: not a VK API response body"))
    }

    @Test func badRecordsNameTheField() {
        let text = """
        {"response":{"count":5,"items":[
          {"id":"abc","owner_id":-1,"date":1796012100,"text":"a"},
          {"id":3,"date":1796012100,"text":"b"},
          {"id":4,"owner_id":-1,"date":"вчера","text":"c"},
          {"id":5,"owner_id":-1,"post_id":2,"parents_stack":[],"date":1796012100,"text":"d"},
          {"id":6,"post_id":2,"parents_stack":[],"date":1796012100,"text":"e"},
          {"id":7,"owner_id":-1,"date":1796012100,"is_deleted":true},
          17
        ]}}
        """
        #expect(Self.outcomes(Self.items(text)) == [
            #"invalid: field "id" is not a VK id: "abc""#,
            #"invalid: missing required field "owner_id""#,
            #"invalid: field "date" is not a Unix time: "вчера""#,
            "ok",
            #"invalid: missing required field "owner_id""#,
            "skipped: deleted post",
            "invalid: an item must be a JSON object",
        ])
    }

    @Test func filesThatAreNoResponse() {
        #expect(Self.outcomes(Self.items("")) == ["invalid: empty file"])
        #expect(Self.outcomes(Self.items(Data([0x7B, 0xD0, 0x28, 0x7D]))) == ["invalid: invalid UTF-8"])
        #expect(Self.outcomes(Self.items(#"{"foo":1}"#)) == [#"invalid: not a VK API response (expected "response", "error", or "count" and "items")"#])
        #expect(Self.outcomes(Self.items(#"{"response":{"count":0}}"#)) == [#"invalid: the response has no "items" array"#])
        #expect(Self.outcomes(Self.items(#"{"error":"invalid_token","error_description":"token expired"}"#))
                == ["invalid: VK API error: invalid_token (token expired)"])
        #expect(Self.items(#"{"response":{"count":0,"items":[]}}"#).isEmpty)
    }
}
