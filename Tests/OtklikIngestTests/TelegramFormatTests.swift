import Foundation
import Testing
@testable import OtklikIngest

/// Telegram Desktop "Export chat history" JSON. The fixtures under
/// Tests/Fixtures/ingest/telegram/ follow the exporter's own output (key names, `text`
/// as a string or an array of strings and entity objects, `text_entities`, local `date`
/// next to `date_unixtime`, "(File not included…)" in place of a skipped file).
@Suite struct TelegramFormatTests {
    static let moscow = TimeZone(identifier: "Europe/Moscow")!

    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/ingest/telegram/\(name)")
        return try Data(contentsOf: url)
    }

    func items(_ data: Data, zone: TimeZone = moscow) -> [ParsedItem] {
        var out: [ParsedItem] = []
        TelegramFormat(options: FormatOptions(timeZone: zone)).parse(data) { out.append($0) }
        return out
    }

    func items(fixture name: String) throws -> [ParsedItem] { items(try Self.fixture(name)) }

    /// "ok", "skipped: …" or the invalid reason, one per item.
    func outcomes(_ items: [ParsedItem]) -> [String] {
        items.map { item in
            switch item {
            case .record: "ok"
            case .skipped(let reason, _, _): "skipped: \(reason)"
            case .invalid(let reason, _, _): reason
            }
        }
    }

    func records(_ items: [ParsedItem]) -> [String: IngestRecord] {
        var out: [String: IngestRecord] = [:]
        for case .record(let r, _, _) in items { out[r.externalID] = r }
        return out
    }

    static func at(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    static let notIncluded = "(File not included. Change data exporting settings to download.)"

    // MARK: - One chat

    @Test func supergroupExportGivesOneItemPerMessageInOrder() throws {
        let all = try items(fixture: "supergroup_result.json")
        #expect(all.count == 19)
        #expect(all.map(\.position.path) == (0..<19).map { "messages[\($0)]" })
        #expect(all.allSatisfy { $0.position.line == nil })
        let outcome = outcomes(all)
        #expect(outcome[0] == "skipped: service message: join_group_by_link")
        #expect(outcome[7] == "skipped: service message: pin_message")
        #expect(outcome[18] == "skipped: service message: invite_members")
        #expect(outcome.enumerated().filter { ![0, 7, 18].contains($0.offset) }.allSatisfy { $0.element == "ok" })
        #expect(records(all).keys.sorted() == (4502...4518).filter { $0 != 4508 }.map { "1987654321/\($0)" })
    }

    @Test func plainCitizenMessage() throws {
        let r = try #require(records(items(fixture: "supergroup_result.json"))["1987654321/4502"])
        #expect(r == IngestRecord(
            source: .telegram, externalID: "1987654321/4502", parentID: nil, threadID: nil, kind: .post,
            author: .init(id: "user384756102", name: "Ольга Петрова", profileURL: nil),
            text: "Во дворе дома №3 по ул. Мира третий день не вывозят мусор. Контейнеры переполнены, запах на весь двор.",
            createdAt: Self.at(1_796_019_300), editedAt: nil, url: nil, place: nil, latitude: nil, longitude: nil,
            attachments: [], category: nil, topicCode: nil, agencyName: nil, fromOrganisation: false))
    }

    @Test func entityArrayIsFlattenedAndHiddenLinksKept() throws {
        let r = try #require(records(items(fixture: "supergroup_result.json"))["1987654321/4503"])
        #expect(r.text == "На ул. Ленина, 14 снова прорыв трубы, вода заливает подъезд! #ЖКХ @ozeretsk_admin фото тут: https://disk.yandex.ru/i/AbC123, схема — на карте")
        #expect(r.attachments == [.init(type: "link", url: "https://yandex.ru/maps/?pt=60.6122,56.8519", name: "на карте")])
        #expect(r.kind == .post && r.parentID == nil)
        #expect(r.author == .init(id: "user502938475", name: "Сергей Кузнецов"))
        #expect(r.createdAt == Self.at(1_796_020_272))
    }

    @Test func editedReplyIsACommentOnItsParent() throws {
        let r = try #require(records(items(fixture: "supergroup_result.json"))["1987654321/4504"])
        #expect(r == IngestRecord(
            source: .telegram, externalID: "1987654321/4504", parentID: "1987654321/4502", kind: .comment,
            author: .init(id: "user611223344", name: "Марина Соколова | ЦУР"),
            text: "Ольга, здравствуйте! Передали в управляющую компанию «Уют-Сервис», вывоз запланирован на сегодня до 18:00.",
            createdAt: Self.at(1_796_020_805), editedAt: Self.at(1_796_020_930)))
    }

    @Test func photosAndFilesBecomeAttachments() throws {
        let all = records(try items(fixture: "supergroup_result.json"))
        // A photo sent without a caption, in reply.
        let photo = try #require(all["1987654321/4505"])
        #expect(photo.text == "")
        #expect(photo.attachments == [.init(type: "photo", url: nil, name: "photo_12@30-11-2026_10-02-11.jpg")])
        #expect(photo.kind == .comment && photo.parentID == "1987654321/4504")
        // A photo the export left out: no name, the caption is the text.
        let captioned = try #require(all["1987654321/4506"])
        #expect(captioned.text == "Яма на перекрёстке Садовой и Гагарина, уже два колеса пробили")
        #expect(captioned.attachments == [.init(type: "photo")])
        // A voice message: media_type is the attachment type.
        let voice = try #require(all["1987654321/4511"])
        #expect(voice.text == "")
        #expect(voice.attachments == [.init(type: "voice_message", name: "audio_3@30-11-2026_11-20-45.ogg")])
        // A document left out of the export but named by file_name.
        let document = try #require(all["1987654321/4512"])
        #expect(document.text == "Акт осмотра кровли во вложении, просим принять меры до наступления морозов.")
        #expect(document.attachments == [.init(type: "file", name: "Акт_осмотра_кровли.pdf")])
        #expect(document.author == .init(id: "user845566778", name: "ТСЖ «Мира, 3»"))
        #expect(document.parentID == "1987654321/4502")
        // A sticker without its file: named by its emoji.
        let sticker = try #require(all["1987654321/4513"])
        #expect(sticker.text == "" && sticker.attachments == [.init(type: "sticker", name: "😡")])
    }

    @Test func forwardedMessageIsTheForwardersPost() throws {
        let r = try #require(records(items(fixture: "supergroup_result.json"))["1987654321/4507"])
        #expect(r.text == "Внимание! 1 декабря с 9:00 до 17:00 отключение холодной воды по ул. Ленина, дома 10–20.")
        #expect(r.author == .init(id: "user502938475", name: "Сергей Кузнецов"))
        #expect(r.kind == .post && r.parentID == nil && r.attachments.isEmpty && !r.fromOrganisation)
    }

    @Test func deletedAccountKeepsItsIdWithAPlaceholderName() throws {
        let r = try #require(records(items(fixture: "supergroup_result.json"))["1987654321/4509"])
        #expect(r.author == .init(id: "user5550001", name: "Удалённый аккаунт", profileURL: nil))
        #expect(r.text == "Когда наконец починят освещение в парке? Вечером идти страшно.")
        #expect(r.createdAt == Self.at(1_796_024_899))
    }

    @Test func venueGivesPlaceAndCoordinates() throws {
        let r = try #require(records(items(fixture: "supergroup_result.json"))["1987654321/4510"])
        #expect(r.text == "")
        #expect(r.place == "Детская поликлиника №2, ул. Гагарина, 27, Озерецк")
        #expect(r.latitude == 56.838011 && r.longitude == 60.597465)
        #expect(r.attachments.isEmpty)
    }

    @Test func anonymousAdminPostsAreTheOrganisations() throws {
        let all = records(try items(fixture: "supergroup_result.json"))
        let r = try #require(all["1987654321/4514"])
        #expect(r.fromOrganisation)
        #expect(r.author == .init(id: "channel1987654321", name: "Озерецк — обращения жителей"))
        #expect(r.text == "Уважаемые жители! Обращения принимаются круглосуточно, ответ — в течение рабочего дня.")
        #expect(all.values.filter(\.fromOrganisation).map(\.externalID) == ["1987654321/4514"])
    }

    @Test func pollAndContactBecomeAttachments() throws {
        let all = records(try items(fixture: "supergroup_result.json"))
        let poll = try #require(all["1987654321/4515"])
        #expect(poll.text == "" && poll.attachments == [.init(type: "poll", name: "Какой двор благоустроить первым в 2027 году?")])
        let contact = try #require(all["1987654321/4516"])
        #expect(contact.text == "")
        #expect(contact.attachments == [.init(type: "contact", name: "Управляющая компания «Уют-Сервис», +7 343 555 12 34")])
    }

    @Test func unknownFieldsAreIgnoredAndRawIsTheReserialisedElement() throws {
        let data = try Self.fixture("supergroup_result.json")
        let all = items(data)
        guard case .record(let r, let at, let raw) = all[16] else { Issue.record("expected a record"); return }
        #expect(at.path == "messages[16]")
        #expect(r == IngestRecord(
            source: .telegram, externalID: "1987654321/4517", kind: .post,
            author: .init(id: "user733445566", name: "Анна Волкова"),
            text: "Заявка №1234 на вывоз крупногабаритного мусора", createdAt: Self.at(1_796_031_051)))
        // raw is the element itself, re-serialised: unknown fields survive for the quarantine.
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let element = try #require((document["messages"] as? [Any])?[16])
        #expect(raw == (try JSONSerialization.data(withJSONObject: element, options: [.sortedKeys, .fragmentsAllowed])))
        let reread = try #require(try JSONSerialization.jsonObject(with: raw) as? [String: Any])
        #expect(reread["via_bot"] as? String == "@ozeretsk_help_bot")
        #expect(((reread["future_field"] as? [String: Any])?["nested"] as? [Any])?.count == 3)
        // A skipped service message carries its element too.
        guard case .skipped(_, _, let serviceRaw) = all[7] else { Issue.record("expected skipped"); return }
        let service = try #require(try JSONSerialization.jsonObject(with: serviceRaw) as? [String: Any])
        #expect(service["action"] as? String == "pin_message" && (service["message_id"] as? NSNumber)?.intValue == 4504)
    }

    @Test func replyToAnotherChatNamesThatChat() throws {
        let r = try #require(records(items(fixture: "supergroup_result.json"))["1987654321/4518"])
        #expect(r.parentID == "1700000001/318" && r.kind == .comment)
        #expect(r.text == "Это про наш дом? Когда дадут отопление?")
    }

    @Test func channelExportGivesTheOrganisationsPosts() throws {
        let all = try items(fixture: "channel_result.json")
        #expect(outcomes(all) == ["skipped: service message: create_channel", "ok", "ok"])
        let posts = records(all)
        #expect(posts["1700000001/318"] == IngestRecord(
            source: .telegram, externalID: "1700000001/318", kind: .post,
            author: .init(id: "channel1700000001", name: "Администрация Озерецка"),
            text: "Отопление в домах по ул. Ленина, 10–20 дадут до 2 декабря. Подробности: сайт администрации #отопление",
            createdAt: Self.at(1_795_964_400), editedAt: Self.at(1_795_964_730),
            attachments: [.init(type: "photo", name: "photo_318@29-11-2026_18-00-00.jpg"),
                          .init(type: "link", url: "https://ozeretsk.example.ru/news/318", name: "сайт администрации")],
            fromOrganisation: true))
        #expect(posts["1700000001/319"]?.text == "Приём граждан главой города — 3 декабря с 10:00, каб. 204.")
        #expect(posts["1700000001/319"]?.fromOrganisation == true && posts["1700000001/319"]?.url == nil)
    }

    // MARK: - Whole-account export

    @Test func accountExportReadsEveryChatIncludingLeftOnes() throws {
        let all = try items(fixture: "account_result.json")
        #expect(all.map(\.position.path) == [
            "chats.list[0].messages[0]", "chats.list[0].messages[1]",
            "chats.list[1].messages[0]", "chats.list[1].messages[1]",
            "left_chats.list[0].messages[0]",
        ])
        #expect(outcomes(all) == ["ok", "ok", "skipped: service message: create_group", "ok", "ok"])
        let byID = records(all)
        #expect(byID.keys.sorted() == ["1600000002/77", "384756102/90211", "384756102/90212", "4400112233/2"])
        #expect(byID["384756102/90212"]?.parentID == "384756102/90211")
        #expect(byID["384756102/90212"]?.kind == .comment)
        #expect(byID["1600000002/77"] == IngestRecord(
            source: .telegram, externalID: "1600000002/77", kind: .post,
            author: .init(id: "user123450987", name: "Павел Зайцев"),
            text: "На набережной третий месяц не работает фонтан.", createdAt: Self.at(1_781_543_520)))
    }

    @Test func forumTopicMessagesStartThreads() throws {
        let all = try items(fixture: "forum_result.json")
        #expect(outcomes(all) == ["skipped: service message: topic_created", "ok", "ok", "ok"])
        let byID = records(all)
        // Posted in the topic "Отопление": its reply_to_message_id is the topic's creation.
        #expect(byID["2100000003/3"]?.kind == .post && byID["2100000003/3"]?.parentID == nil)
        #expect(byID["2100000003/4"]?.kind == .comment && byID["2100000003/4"]?.parentID == "2100000003/3")
        #expect(byID["2100000003/5"]?.kind == .post && byID["2100000003/5"]?.parentID == nil)
    }

    // MARK: - Bad input

    @Test func badMessagesAreInvalidAndTheRestGoesOn() throws {
        let all = try items(fixture: "broken_messages_result.json")
        #expect(all.map(\.position.path) == (0..<10).map { "messages[\($0)]" })
        #expect(outcomes(all) == [
            "ok",
            #"missing required field "id""#,
            #"missing required field "date""#,
            #"date "30.11.2026 09:18" is not a time"#,
            "a message must be a JSON object",
            "skipped: unsupported message: the exporting Telegram Desktop could not read it",
            #"unknown message type "story""#,
            "ok",
            "ok",
            "ok",
        ])
        guard case .invalid(_, _, let raw) = all[4] else { Issue.record("expected invalid"); return }
        #expect(raw == Data("42".utf8))
        guard case .invalid(_, _, let missingID) = all[1] else { Issue.record("expected invalid"); return }
        let element = try #require(try JSONSerialization.jsonObject(with: missingID) as? [String: Any])
        #expect(element["text"] as? String == "Без id.")
        let byID = records(all)
        #expect(byID.keys.sorted() == ["1987654321/10", "1987654321/17", "1987654321/18", "1987654321/19"])
        // date_unixtime unreadable: the local date, read in the centre's zone.
        #expect(byID["1987654321/17"]?.createdAt == Self.at(1_796_019_660))
        // An unreadable edit time is dropped, the message kept.
        #expect(byID["1987654321/18"]?.editedAt == nil && byID["1987654321/18"]?.text == "Правка без времени.")
    }

    @Test func localDateIsReadInTheOptionsZone() throws {
        let all = items(try Self.fixture("broken_messages_result.json"), zone: TimeZone(identifier: "Asia/Yekaterinburg")!)
        // 2026-11-30T09:21:00 at +05:00.
        #expect(records(all)["1987654321/17"]?.createdAt == Self.at(1_796_012_460))
        // date_unixtime wins over the local date whatever the zone.
        #expect(records(all)["1987654321/10"]?.createdAt == Self.at(1_796_019_300))
    }

    @Test func truncatedFileIsOneInvalidItem() throws {
        let data = try Self.fixture("truncated_result.json")
        let all = items(data)
        #expect(all.count == 1)
        guard case .invalid(let reason, let at, let raw) = all.first else { Issue.record("expected invalid"); return }
        #expect(reason.hasPrefix("invalid JSON"))
        #expect(at == RecordPosition())
        #expect(raw == data)
    }

    @Test func documentsThatAreNotExportsAreOneInvalidItem() {
        let notAnExport = "not a Telegram Desktop export: expected a chat with \"messages\" or an account export with \"chats\": {\"list\": […]}"
        #expect(outcomes(items(Data(#"[{"id":1}]"#.utf8))) == [notAnExport])
        #expect(outcomes(items(Data(#"{"response":{"items":[]}}"#.utf8))) == [notAnExport])
        let empty = outcomes(items(Data()))
        #expect(empty.count == 1 && empty[0].hasPrefix("invalid JSON"))
        let notUTF8 = outcomes(items(Data([0x7B, 0x22, 0xD0, 0x28, 0x22, 0x3A, 0x31, 0x7D])))
        #expect(notUTF8.count == 1 && notUTF8[0].hasPrefix("invalid JSON"))
    }

    @Test func chatWithoutIdIsOneInvalidItem() {
        let single = #"{"name":"Без id","type":"private_group","messages":[{"id":1,"type":"message","date":"2026-11-30T09:15:00","date_unixtime":"1796019300","from":"А","from_id":"user1","text":"x"}]}"#
        let one = items(Data(single.utf8))
        #expect(outcomes(one) == [#"chat has no "id": its messages cannot be given external ids"#])
        #expect(one[0].position == RecordPosition())
        let account = #"{"chats":{"about":"","list":[{"name":"Без id","type":"private_group","messages":[]},{"name":"Есть","type":"private_group","id":5,"messages":[{"id":1,"type":"message","date":"2026-11-30T09:15:00","date_unixtime":"1796019300","from":"А","from_id":"user1","text":"x"}]},7]}}"#
        let many = items(Data(account.utf8))
        #expect(many.map(\.position.path) == ["chats.list[0]", "chats.list[1].messages[0]", "chats.list[2]"])
        #expect(outcomes(many) == [#"chat has no "id": its messages cannot be given external ids"#, "ok", "a chat must be a JSON object"])
    }

    @Test func textFallsBackToTextEntities() {
        let json = #"{"name":"Ч","type":"private_group","id":9,"messages":[{"id":3,"type":"message","date_unixtime":"1796019300","from":"Ольга","from_id":"user1","text_entities":[{"type":"plain","text":"Нет "},{"type":"italic","text":"света"},{"type":"text_link","text":" в подъезде","href":"https://example.org/a"}]}]}"#
        let r = records(items(Data(json.utf8)))["9/3"]
        #expect(r?.text == "Нет света в подъезде")
        #expect(r?.attachments == [.init(type: "link", url: "https://example.org/a", name: " в подъезде")])
        #expect(r?.createdAt == Self.at(1_796_019_300))
    }

    // MARK: - Escape sequences

    @Test func escapeSequencesInTextAreKeptAsSent() throws {
        // The exporter writes control characters as \xHH, which is not JSON; the parser
        // reads them as the characters they stand for. The console shows them inert.
        let all = try items(fixture: "escapes_result.json")
        #expect(outcomes(all) == ["ok", "ok", "ok"])
        let byID = records(all)
        #expect(byID["1987654321/4601"]?.text == "\u{1B}[2J\u{1B}[31mВНИМАНИЕ\u{1B}[0m: звонок\u{07}")
        #expect(byID["1987654321/4601"]?.author == .init(id: "user900000001", name: "\u{1B}[1mАдминистратор"))
        #expect(byID["1987654321/4602"]?.text == "\u{1B}]0;взлом\u{07} окно\r\nвторая строка\tс табуляцией \u{202E}перевёрнуто")
        // Escaped backslashes stay backslashes: "\\x41" is not a \x escape.
        #expect(byID["1987654321/4603"]?.text == #"путь C:\x41\033 и \x1B — это просто обратные косые"#)
        guard case .record(_, _, let raw) = all[0] else { Issue.record("expected a record"); return }
        let element = try #require(try JSONSerialization.jsonObject(with: raw) as? [String: Any])
        #expect(element["text"] as? String == "\u{1B}[2J\u{1B}[31mВНИМАНИЕ\u{1B}[0m: звонок\u{07}")
    }
}
