import Foundation
import Testing
import OtklikCore
@testable import OtklikIngest

@Suite struct POSFormatTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ingest/pos")

    static let moscow = TimeZone(identifier: "Europe/Moscow")!
    static let yekaterinburg = TimeZone(identifier: "Asia/Yekaterinburg")!

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
    }

    func items(_ data: Data, zone: TimeZone = moscow) -> [ParsedItem] {
        var out: [ParsedItem] = []
        POSFormat(options: FormatOptions(timeZone: zone)).parse(data) { out.append($0) }
        return out
    }

    func items(_ text: String, zone: TimeZone = moscow) -> [ParsedItem] { items(Data(text.utf8), zone: zone) }

    func records(_ items: [ParsedItem]) -> [IngestRecord] {
        items.compactMap { if case .record(let r, _, _) = $0 { r } else { nil } }
    }

    func outcome(_ item: ParsedItem) -> String {
        switch item {
        case .record(let r, _, _): "ok \(r.externalID)"
        case .invalid(let reason, _, _): reason
        case .skipped(let reason, _, _): "skipped: \(reason)"
        }
    }

    func raw(_ item: ParsedItem) -> Data {
        switch item {
        case .record(_, _, let raw), .invalid(_, _, let raw), .skipped(_, _, let raw): raw
        }
    }

    // MARK: Fixtures

    @Test func utf8WithBOMAndCRLF() throws {
        let data = try fixture("appeals-utf8-bom-crlf.csv")
        let all = items(data)
        #expect(all.map(outcome) == ["ok 3125478", "ok 3125480", "ok 3125491", "ok 3125495"])
        #expect(all.map(\.position) == [
            RecordPosition(line: 2, byteOffset: 292), RecordPosition(line: 3, byteOffset: 889),
            RecordPosition(line: 6, byteOffset: 1384), RecordPosition(line: 7, byteOffset: 1592),
        ])
        // raw is the record's bytes as in the file, its inner line break included.
        #expect(raw(all[1]) == data.subdata(in: 889..<1380))
        #expect(raw(all[3]) == data.subdata(in: 1592..<2068))

        let r = records(all)
        #expect(r[0] == IngestRecord(
            source: .pos, externalID: "3125478", kind: .appeal,
            author: .init(id: "u-88213", name: "Петрова Ольга Ивановна"),
            text: "Огромная яма на проезжей части у дома 12, машины объезжают по встречке.",
            createdAt: Date(timeIntervalSince1970: 1_796_036_700),  // 30.11.2026 14:05 MSK
            url: "https://pos.gosuslugi.ru/lkp/appeals/3125478/", place: "г. Озерецк, ул. Мира, 12",
            latitude: 56.8389, longitude: 60.6057,
            attachments: [
                .init(type: "photo", url: "https://pos.gosuslugi.ru/files/3125478/yama1.jpg", name: "yama1.jpg"),
                .init(type: "photo", url: "https://pos.gosuslugi.ru/files/3125478/yama2.jpg", name: "yama2.jpg"),
            ],
            category: "Дороги / Ямы и выбоины на дороге", agencyName: "Администрация г. Озерецка"))
        #expect(r[1] == IngestRecord(
            source: .pos, externalID: "3125480", kind: .appeal,
            author: .init(id: "Сидоров А.", name: "Сидоров А."),
            text: "Нет горячей воды с 28.11; управляющая компания \"УК Комфорт\" трубку не берёт.\nПросим разобраться!",
            createdAt: Date(timeIntervalSince1970: 1_796_041_233),  // 30.11.2026 15:20:33 MSK
            url: "https://pos.gosuslugi.ru/lkp/appeals/3125480/", place: "ул. Ленина, 5; подъезд 2",
            category: "ЖКХ / Отсутствие горячей воды", agencyName: "МУП \"Водоканал\""))
        #expect(r[2] == IngestRecord(
            source: .pos, externalID: "3125491", kind: .appeal,
            text: "Не убран снег во дворе дома 3 по ул. Садовой",
            createdAt: Date(timeIntervalSince1970: 1_796_072_400),  // 01.12.2026 00:00 MSK
            category: "Благоустройство"))
        #expect(r[3] == IngestRecord(
            source: .pos, externalID: "3125495", kind: .appeal,
            author: .init(id: "u-90001", name: "Ким Виктор"),
            text: "Лифт стоит третий день,\nна 9 этаже пожилые люди.",
            createdAt: Date(timeIntervalSince1970: 1_796_099_400),  // 2026-12-01T09:30:00+05:00
            url: "https://pos.gosuslugi.ru/lkp/appeals/3125495/", place: "ул. Победы, 40",
            latitude: nil, longitude: nil,  // 0;0 means no point
            attachments: [
                .init(type: "photo", url: "https://pos.gosuslugi.ru/files/3125495/%D1%84%D0%BE%D1%82%D0%BE.png",
                      name: "фото.png"),
                .init(type: "video", url: "https://pos.gosuslugi.ru/files/3125495/lift.mp4?download=1",
                      name: "lift.mp4"),
            ],
            category: "Лифт неисправен", agencyName: "УК «Победа»"))
    }

    @Test func windows1251WithColumnsInAnotherOrderAndSynonyms() throws {
        let data = try fixture("appeals-cp1251.csv")
        #expect(String(validating: data, as: UTF8.self) == nil)
        let all = items(data)
        #expect(all.map(\.position) == [RecordPosition(line: 2, byteOffset: 81), RecordPosition(line: 3, byteOffset: 333)])
        #expect(raw(all[0]) == data.subdata(in: 81..<332))
        let r = records(all)
        #expect(r.count == 2)
        #expect(r[0] == IngestRecord(
            source: .pos, externalID: "4419021", kind: .appeal,
            author: .init(id: "Кузнецов Пётр", name: "Кузнецов Пётр"),
            text: "Во дворе дома 7 по ул. Гагарина не вывозят мусор уже неделю; контейнеры переполнены.",
            createdAt: Date(timeIntervalSince1970: 1_796_192_100),  // 02.12.2026 9:15 MSK
            place: "ул. Гагарина, 7", latitude: 56.8412, longitude: 60.6123,
            attachments: [.init(type: "photo", url: "https://pos.gosuslugi.ru/files/4419021/musor.jpeg", name: "musor.jpeg")],
            category: "Мусор / ТКО", agencyName: "Региональный оператор ТКО"))
        #expect(r[1] == IngestRecord(
            source: .pos, externalID: "4419022", kind: .appeal,
            text: "Ёлку на площади так и не установили, всё ещё ждём.",
            createdAt: Date(timeIntervalSince1970: 1_796_194_800),  // 2026-12-02T10:00:00, no zone: MSK
            place: "пл. Труда", category: "Благоустройство", agencyName: "Администрация г. Озерецка"))
    }

    @Test func timesWithoutZoneAreReadInTheCentresZone() throws {
        let r = records(items(try fixture("appeals-cp1251.csv"), zone: Self.yekaterinburg))
        #expect(r.map(\.createdAt) == [Date(timeIntervalSince1970: 1_796_184_900), Date(timeIntervalSince1970: 1_796_187_600)])
        // A time with its own zone does not move.
        let bom = records(items(try fixture("appeals-utf8-bom-crlf.csv"), zone: Self.yekaterinburg))
        #expect(bom[3].createdAt == Date(timeIntervalSince1970: 1_796_099_400))
    }

    @Test func badRowsAreInvalidAndTheRestGoesOn() throws {
        let data = try fixture("problems.csv")
        let all = items(data)
        #expect(all.map(outcome) == [
            "ok 501",
            "the row has 3 fields, the header has 5",
            "unreadable date \"31.11.2026 10:00\" in column \"Создано\" (expected 30.11.2026 14:05, 30.11.2026 14:05:33, 30.11.2026 or ISO 8601)",
            "empty number (column \"ID\")",
            "empty text (column \"Сообщение\")",
            "the row has 6 fields, the header has 5",
            "unreadable date \"вчера\" in column \"Создано\" (expected 30.11.2026 14:05, 30.11.2026 14:05:33, 30.11.2026 or ISO 8601)",
            "unterminated quoted field: the quote opened on line 10 never closes",
            "ok 510",
        ])
        // The row of empty cells on line 7 is a blank line.
        #expect(all.map(\.position.line) == [2, 3, 4, 5, 6, 8, 9, 10, 11])
        #expect(all.map(\.position.byteOffset) == [63, 146, 187, 252, 312, 364, 444, 501, 577])
        #expect(raw(all[1]) == Data("502;30.11.2026 10:05;Мало полей".utf8))
        #expect(raw(all[7]) == Data("509;30.11.2026 10:30;\"Незакрытая кавычка;ЖКХ;Мария".utf8))
        let r = records(all)
        #expect(r[0] == IngestRecord(source: .pos, externalID: "501", kind: .appeal, author: .init(id: "Иван", name: "Иван"),
                                     text: "Нормальное сообщение", createdAt: Date(timeIntervalSince1970: 1_796_022_000),
                                     category: "Дороги"))
        #expect(r[1].externalID == "510" && r[1].createdAt == Date(timeIntervalSince1970: 1_796_024_100))
    }

    @Test func missingRequiredColumnQuarantinesEveryRow() throws {
        let data = try fixture("missing-column.csv")
        let all = items(data)
        let reason = "missing required column \"text\" (header names accepted: \"Текст\", \"Текст сообщения\", "
            + "\"Текст обращения\", \"Описание\", \"Сообщение\", \"Суть обращения\", \"Содержание\")"
        // The header itself is quarantined too: without its columns it may be a data row.
        #expect(all.map(outcome) == ["header row: \(reason)", reason, reason])
        #expect(all.map(\.position) == [
            RecordPosition(line: 1, byteOffset: 0), RecordPosition(line: 2, byteOffset: 68),
            RecordPosition(line: 3, byteOffset: 121),
        ])
        #expect(raw(all[1]) == Data("601;30.11.2026 11:00;Дороги;ул. Мира, 1".utf8))
    }

    @Test func theSameFileInBothCharsetsReadsTheSame() throws {
        let text = "Номер;Дата создания;Текст;Заявитель\r\n7;30.11.2026 14:05;\"Шум; «ремонт» ночью\";Ёжиков Семён\r\n"
        let fromUTF8 = records(items(text))
        var cp1251: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                cp1251.append(UInt8(scalar.value))
            } else if let index = Charset.windows1251High.firstIndex(of: UInt16(scalar.value)) {
                cp1251.append(UInt8(0x80 + index))
            }
        }
        let fromCP1251 = records(items(Data(cp1251)))
        var bom = Data([0xEF, 0xBB, 0xBF])
        bom.append(Data(text.utf8))
        let fromBOM = records(items(bom))
        #expect(fromUTF8.count == 1)
        #expect(fromUTF8 == fromCP1251 && fromUTF8 == fromBOM)
        #expect(fromUTF8.first?.text == "Шум; «ремонт» ночью" && fromUTF8.first?.author?.name == "Ёжиков Семён")
    }

    // MARK: Header mapping

    @Test func headerNamesMatchInAnyCaseWithЁAndExtraSpaces() {
        let text = "  СТАТУС ;ТЕКСТ  СООБЩЕНИЯ; дата  приёма ;идентификатор;РУБРИКА;подрубрика;Орган власти;Широта;Долгота;Пользователь;Идентификатор заявителя;Ссылка;Файлы\n"
            + "Новое;Текст;30.11.2026 14:05;A-1;ЖКХ;ЖКХ;Минстрой;56,8;60,6;Ольга;id-5;https://x.example/1;a.pdf, b.docx\n"
        let all = items(text)
        guard case .record(let r, _, _) = all.first else { Issue.record("\(all.map(outcome))"); return }
        #expect(r.externalID == "A-1" && r.text == "Текст" && r.createdAt == Date(timeIntervalSince1970: 1_796_036_700))
        #expect(r.category == "ЖКХ")  // the same category and subcategory are not repeated
        #expect(r.agencyName == "Минстрой" && r.latitude == 56.8 && r.longitude == 60.6)
        #expect(r.author == .init(id: "id-5", name: "Ольга") && r.url == "https://x.example/1")
        #expect(r.attachments == [.init(type: "file", name: "a.pdf"), .init(type: "file", name: "b.docx")])
    }

    @Test func preferredHeaderNameWinsOverAnotherSynonym() {
        // "ID" and "Номер" both name the number: "Номер" is preferred wherever it stands.
        let text = "ID;Описание;Создано;Номер;Текст\n17;служебное;30.11.2026;ПОС-42;Жалоба\n"
        let r = records(items(text))
        #expect(r.map(\.externalID) == ["ПОС-42"] && r.map(\.text) == ["Жалоба"])
    }

    @Test func subcategoryAloneIsTheCategory() {
        let r = records(items("№;Дата подачи;Текст;Подкатегория;Тема\n1;30.11.2026;т;Вывоз мусора;\n"))
        #expect(r.first?.category == "Вывоз мусора")
    }

    @Test func severalMissingColumnsAreAllNamed() {
        let all = items("Статус;Текст\nНовое;Привет\n")
        #expect(all.count == 2)
        guard case .invalid(let reason, let at, _) = all[1] else { Issue.record("expected invalid"); return }
        #expect(at.line == 2)
        #expect(reason.hasPrefix("missing required column \"number\" (header names accepted: \"Номер\", \"№\""))
        #expect(reason.contains("; missing required column \"creation date\" (header names accepted: \"Дата создания\", \"Дата подачи\""))
        #expect(!reason.contains("\"text\""))
    }

    // MARK: Values

    @Test func valuesAreTrimmedOfSpacesAndNoBreakSpaces() {
        let text = "Номер;Создано;Текст;Адрес\n \u{A0}12\t;30.11.2026 ;\" \r\n  Яма\r\nглубокая \u{A0}\n\";\u{A0}\n"
        let fromUTF8 = records(items(text))
        #expect(fromUTF8.map(\.externalID) == ["12"] && fromUTF8.map(\.text) == ["Яма\nглубокая"])
        #expect(fromUTF8.first?.place == nil)
        let cp1251 = POSFormat.Decoding.windows1251
        #expect(cp1251.trimmed([0xA0, 0x20, 0xDF, 0xEC, 0xE0, 0xA0, 0x0D, 0x0A][...]) == [0xDF, 0xEC, 0xE0][...])
        #expect(POSFormat.Decoding.utf8.trimmed([0xC2, 0xA0, 0xD0, 0xAF, 0xC2, 0xA0][...]) == [0xD0, 0xAF][...])
        // A lone A0 is a UTF-8 continuation byte, not a space: it stays.
        #expect(POSFormat.Decoding.utf8.trimmed([0xD0, 0xA0][...]) == [0xD0, 0xA0][...])
    }

    @Test func dateForms() {
        let zone = Self.moscow
        let t = Date(timeIntervalSince1970: 1_796_036_700)  // 2026-11-30T11:05:00Z
        #expect(POSFormat.date("30.11.2026 14:05", zone: zone) == t)
        #expect(POSFormat.date("30.11.2026 14:05:33", zone: zone) == t.addingTimeInterval(33))
        #expect(POSFormat.date("30.11.2026, 14:05", zone: zone) == t)
        #expect(POSFormat.date("1.2.2026 9:05", zone: zone) == Date(timeIntervalSince1970: 1_769_925_900))
        #expect(POSFormat.date("30.11.2026", zone: zone) == Date(timeIntervalSince1970: 1_795_986_000))
        #expect(POSFormat.date("2026-11-30", zone: zone) == Date(timeIntervalSince1970: 1_795_986_000))
        #expect(POSFormat.date("2026-11-30T14:05:00", zone: zone) == t)
        #expect(POSFormat.date("2026-11-30 14:05", zone: zone) == t)
        #expect(POSFormat.date("2026-11-30T16:05:00+05:00", zone: zone) == t)
        #expect(POSFormat.date("2026-11-30T11:05:00Z", zone: zone) == t)
        #expect(POSFormat.date("31.11.2026 14:05", zone: zone) == nil)
        #expect(POSFormat.date("30.11.26 14:05", zone: zone) == nil)
        #expect(POSFormat.date("30.11.2026 25:05", zone: zone) == nil)
        #expect(POSFormat.date("30.11.2026 14:05 junk", zone: zone) == nil)
        #expect(POSFormat.date("30.11.2026 14", zone: zone) == nil)
        #expect(POSFormat.date("", zone: zone) == nil)
    }

    @Test func coordinateForms() {
        for text in ["56.83, 60.6", "56.83,60.6", "56.83 60.6", "56,83; 60,6", "56,83, 60,6", "56,83,60,6"] {
            let pair = POSFormat.coordinatePair(text)
            #expect(pair?.0 == 56.83 && pair?.1 == 60.6, "\(text)")
        }
        #expect(POSFormat.coordinatePair("56.83") == nil)
        #expect(POSFormat.coordinatePair("север") == nil)
        let r = records(items("Номер;Создано;Текст;Координаты\n1;30.11.2026;a;56.83, 60.6\n2;30.11.2026;b;91, 60\n3;30.11.2026;c;\n"))
        #expect(r.map(\.latitude) == [56.83, nil, nil] && r.map(\.longitude) == [60.6, nil, nil])
    }

    @Test func attachmentLists() {
        #expect(POSFormat.attachments("https://a.example/x/1.JPG;https://a.example/doc?id=3\nhttps://a.example/v/clip.mov")
            == [.init(type: "photo", url: "https://a.example/x/1.JPG", name: "1.JPG"),
                .init(type: "file", url: "https://a.example/doc?id=3", name: "doc"),
                .init(type: "video", url: "https://a.example/v/clip.mov", name: "clip.mov")])
        #expect(POSFormat.attachments("https://a.example/") == [.init(type: "file", url: "https://a.example/", name: nil)])
        #expect(POSFormat.attachments(" , \n").isEmpty)
    }

    // MARK: Charsets and oddities

    @Test func invalidUTF8AfterAByteOrderMarkQuarantinesTheRowOnly() {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("Номер;Дата создания;Текст\n1;30.11.2026;ok\n2;30.11.2026;".utf8))
        data.append(contentsOf: [0xCF, 0xF0, 0xE8])  // Windows-1251 "При"
        data.append(Data("\n3;30.11.2026;ещё\n".utf8))
        let all = items(data)
        #expect(all.map(outcome) == ["ok 1", "invalid UTF-8 in a file that starts with a UTF-8 byte order mark", "ok 3"])
    }

    @Test func utf16IsRejectedAsAWhole() {
        var data = Data([0xFF, 0xFE])
        data.append("Номер;Текст".data(using: .utf16LittleEndian)!)
        let all = items(data)
        #expect(all.count == 1)
        guard case .invalid(let reason, let at, let raw) = all[0] else { Issue.record("expected invalid"); return }
        #expect(reason == "the file is UTF-16 text; export the appeals as CSV in UTF-8 or Windows-1251")
        #expect(at == RecordPosition(line: 1, byteOffset: 0) && raw == data)
    }

    @Test func emptyFilesAndHeaderOnlyGiveNothing() {
        #expect(items("").isEmpty)
        #expect(items("\r\n\r\n").isEmpty)
        #expect(items("Номер;Дата создания;Текст\r\n").isEmpty)
        #expect(items("Номер;Дата создания;Текст\r\n;;\r\n  \r\n").isEmpty)
    }

    @Test func unreadableHeaderQuarantinesEverything() {
        let all = items("Номер;\"Текст;Дата\n1;ok;30.11.2026\n")
        #expect(all.map(outcome) == [
            "header row: unterminated quoted field: the quote opened on line 1 never closes",
            "the header row cannot be read: unterminated quoted field: the quote opened on line 1 never closes",
        ])
        #expect(all.map(\.position.line) == [1, 2])
    }

    @Test func parserIsRegisteredForPOS() {
        #expect(InputFormat.pos.parser(options: FormatOptions()) is POSFormat)
        #expect(InputFormat.guess(fileName: "Обращения_ПОС.CSV") == .pos)
    }
}
