import Foundation
import OtklikCore
import Testing
@testable import OtklikIngest

/// The fixtures are written by Tests/Fixtures/ingest/email/make_fixtures.py.
@Suite struct EmailFormatTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ingest/email")

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
    }

    func items(_ data: Data) -> [ParsedItem] {
        var out: [ParsedItem] = []
        EmailFormat(options: FormatOptions()).parse(data) { out.append($0) }
        return out
    }

    func items(_ text: String) -> [ParsedItem] { items(Data(text.utf8)) }

    func records(_ all: [ParsedItem]) -> [IngestRecord] {
        all.compactMap { if case .record(let r, _, _) = $0 { r } else { nil } }
    }

    func only(_ data: Data) -> IngestRecord? {
        let all = items(data)
        guard all.count == 1, case .record(let r, _, _) = all[0] else {
            Issue.record("expected one record, got \(all)")
            return nil
        }
        return r
    }

    func reason(_ item: ParsedItem) -> String? {
        if case .invalid(let reason, _, _) = item { reason } else { nil }
    }

    // MARK: - mbox

    @Test func mboxGivesOneRecordPerMessageWithPositionsAndRaw() throws {
        let data = try fixture("inbox.mbox")
        let all = items(data)
        #expect(all.count == 5)
        #expect(all.map(\.position.line) == [2, 22, 33, 49, 58])
        #expect(all.map(\.position.byteOffset) == [55, 705, 1254, 1928, 2258])
        let bytes = [UInt8](data)
        // raw is the message without its From line and the blank line after it.
        guard case .record(_, _, let raw1) = all[0], case .record(_, _, let raw5) = all[4] else {
            Issue.record("expected records")
            return
        }
        #expect(raw1 == Data(bytes[55..<647]))
        #expect(raw1.starts(with: Data("Return-Path: <ivan.petrov@mail.example>\n".utf8)))
        #expect(raw5.count == 226 && raw5.last == 0x0A)
    }

    @Test func plainUTF8MessageWithEscapedFromLines() throws {
        let r = records(items(try fixture("inbox.mbox")))[0]
        #expect(r.source == .email && r.kind == .email)
        #expect(r.externalID == "20261130091500.1234@mail.example")
        #expect(r.parentID == nil && r.threadID == nil)
        #expect(r.author == .init(id: "ivan.petrov@mail.example", name: "Ivan Petrov"))
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_012_100))
        #expect(r.text == """
            Яма на улице Мира

            Здравствуйте!

            Во дворе дома 3 по улице Мира яма глубиной полметра.
            From my window I see cars hitting it every day.
            >From now on I will write every week.

            С уважением,
            Иван Петров
            """)
        #expect(r.attachments.isEmpty)
    }

    @Test func encodedWordSubjectAndFromInUTF8BAndQ() throws {
        let r = records(items(try fixture("inbox.mbox")))[1]
        #expect(r.externalID == "a1b2c3@mail.example")
        #expect(r.author == .init(id: "olga.smirnova@mail.example", name: "Ольга Смирнова"))
        // Folded, Q then B words; the white space between them dropped.
        #expect(r.text == "Нет горячей воды вторую неделю\n\nТретий день нет горячей воды в доме 12 по ул. Ленина.")
        // No weekday.
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_014_931))
    }

    @Test func replyJoinsItsThread() throws {
        let r = records(items(try fixture("inbox.mbox")))[2]
        #expect(r.externalID == "20261201113000.5678@mail.example")
        #expect(r.parentID == "reply-1@ozeretsk.example")
        #expect(r.threadID == "20261130091500.1234@mail.example")
        #expect(r.author == .init(id: "ivan.petrov@mail.example", name: "Петров Иван"))
        // KOI8-R encoded word after plain text; format=flowed unwrapped; a (comment) after the zone.
        #expect(r.text == """
            Re: Яма на улице Мира

            Спасибо за ответ. Яму засыпали щебнем, но после дождя она снова появилась.

            > Яма будет отремонтирована до 5 декабря.
            """)
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_106_600))
    }

    @Test func messageWithoutMessageIDGetsAStableHash() throws {
        let data = try fixture("inbox.mbox")
        let r = records(items(data))[3]
        #expect(r.externalID == "sha:14bc47454c1336a7")
        #expect(records(items(data))[3].externalID == r.externalID)
        #expect(r.author == .init(id: "anna.sidorova@mail.example", name: "Анна Сидорова"))
        // Two-digit year, MSK.
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_187_600))
        // An unescaped "From " line after a text line stays in the body.
        #expect(r.text == "Мусор во дворе\n\nКонтейнеры на ул. Садовой не вывозят.\nFrom the first of December nobody has come.")
    }

    @Test func messageWithoutDateTakesTheFromLineDate() throws {
        let r = records(items(try fixture("inbox.mbox")))[4]
        #expect(r.externalID == "no-date@mail.example")
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_283_900))
        #expect(r.author == .init(id: "sergey@mail.example", name: "Сергей Волков"))
        #expect(r.text == "Не горят фонари\n\nНа улице Гагарина не горят фонари.")
    }

    // MARK: - Charsets and transfer encodings

    @Test func koi8rQuotedPrintableWithCRLF() throws {
        let data = try fixture("koi8r-qp.eml")
        let all = items(data)
        guard let r = only(data) else { return }
        #expect(all[0].position == RecordPosition(line: 1, byteOffset: 0))
        if case .record(_, _, let raw) = all[0] { #expect(raw == data) }
        #expect(r.externalID == "koi8.20261127@mail.example")
        #expect(r.author == .init(id: "m.kuznetsova@mail.example", name: "Мария Кузнецова"))
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_795_778_400))
        #expect(r.text == """
            Протекает крыша

            Добрый день!

            Уже вторую неделю во втором подъезде дома 7 по улице Строителей протекает крыша, вода течёт по стенам до третьего этажа.
            Прошу принять меры.
            """)
    }

    @Test func windows1251Base64() throws {
        guard let r = only(try fixture("cp1251-base64.eml")) else { return }
        #expect(r.externalID == "cp1251.20261126@mail.example")
        #expect(r.author == .init(id: "n.orlov@mail.example", name: "Николай Орлов"))
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_795_694_700))
        #expect(r.text == """
            Холодные батареи

            Жалоба на управляющую компанию «Уют».
            В квартире 45 дома 9 по проспекту Победы батареи холодные, температура +14°.
            Заявку № 1187 не выполняют две недели.
            """)
    }

    // MARK: - MIME structure

    @Test func alternativePrefersThePlainText() throws {
        guard let r = only(try fixture("alternative.eml")) else { return }
        #expect(r.externalID == "alt.20261128@mail.example")
        #expect(r.author == .init(id: "e.morozova@mail.example", name: "Елена Морозова"))
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_795_849_200))
        #expect(r.text == "Детская площадка\n\nПросим проверить детскую площадку у дома 15:\nкачели сломаны, торчат болты.")
        #expect(r.attachments.isEmpty)
    }

    @Test func htmlOnlyMessageIsTurnedIntoText() throws {
        guard let r = only(try fixture("html-only.eml")) else { return }
        #expect(r.externalID == "form-5521@portal.ozeretsk.example")
        #expect(r.author == .init(id: "noreply@portal.ozeretsk.example", name: "Портал обращений"))
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_795_923_900))
        #expect(r.text == """
            Обращение №5521 с сайта

            Обращение № 5521

            Адрес: ул. Мира, д. 3
            Тема: Освещение & дороги

            Не работает светофор на перекрёстке Мира и Ленина — уже третий день.

            Водители «проскакивают» на красный <опасно>, — "нужно срочно".

            Сообщение отправлено с сайта
            ozeretsk.example
            """)
    }

    @Test func mixedWithAttachmentsNamedByRFC2047AndRFC2231() throws {
        guard let r = only(try fixture("attachment.eml")) else { return }
        #expect(r.externalID == "mixed.20261202@mail.example")
        #expect(r.author == .init(id: "ivan.petrov@mail.example", name: "Иван Петров"))
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_213_400))
        #expect(r.text == "Акт осмотра\n\nНаправляю акт осмотра и фото.\nЯма так и не отремонтирована.")
        #expect(r.attachments == [
            .init(type: "file", name: "Акт осмотра.pdf"),
            .init(type: "file", name: "фото ямы.jpg"),
        ])
    }

    @Test func brokenMIMEIsReadAsFarAsItGoes() {
        let text = """
            From: a@example.org
            Date: Mon, 30 Nov 2026 09:15:00 +0500
            Message-ID: <broken@example.org>
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            0J/RgNC40LLQtdGC
            --b1
            Content-Type: application/pdf; name="a.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            """  // no closing boundary, the base64 cut
        let all = items(text)
        guard case .record(let r, _, _) = all.first else { Issue.record("expected a record"); return }
        #expect(r.text == "Привет")
        #expect(r.attachments == [.init(type: "file", name: "a.pdf")])
    }

    @Test func multipartWithoutItsBoundaryIsNotLost() {
        let text = """
            From: a@example.org
            Date: Mon, 30 Nov 2026 09:15:00 +0500
            Content-Type: multipart/alternative

            --zz
            Content-Type: text/plain

            Свет
            --zz--

            """
        guard case .record(let r, _, _) = items(text).first else { Issue.record("expected a record"); return }
        #expect(r.text == "Свет")
    }

    @Test func missingCharsetTriesUTF8ThenWindows1251() {
        var data = Data("From: a@example.org\nDate: Mon, 30 Nov 2026 09:15:00 +0500\nSubject: x\n\n".utf8)
        data.append(contentsOf: [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x0A])  // "Привет" in Windows-1251
        guard let r = only(data) else { return }
        #expect(r.text == "x\n\nПривет")
        #expect(only(Data("From: a@example.org\nDate: Mon, 30 Nov 2026 09:15:00 +0500\n\nПривет\n".utf8))?.text == "Привет")
    }

    // MARK: - What is quarantined

    @Test func noReadableDateIsInvalid() {
        let eml = "From: a@example.org\nSubject: test\nDate: someday soon\n\nbody\n"
        let all = items(eml)
        #expect(all.count == 1)
        #expect(reason(all[0]) == "no readable Date header")
        if case .invalid(_, let at, let raw) = all[0] {
            #expect(at == RecordPosition(line: 1, byteOffset: 0))
            #expect(raw == Data(eml.utf8))
        }
        // An mbox From line without a date does not help either.
        let mbox = "From MAILER-DAEMON\nFrom: a@example.org\nSubject: test\n\nbody\n"
        #expect(items(mbox).map(reason) == ["no readable Date header"])
    }

    @Test func textThatIsNotAnEmailIsInvalid() {
        #expect(items("Dear sirs,\nthe road is broken.\n").map(reason) == ["not an e-mail message: no header fields"])
        #expect(items("Note: this is a memo\n\nnot mail\n").map(reason)
            == ["not an e-mail message: none of From, To, Date, Subject, Message-ID, Received… among its header fields"])
        #expect(items("").isEmpty && items("\n\n  \n").isEmpty)
    }

    @Test func badMessagesInAnMboxDoNotStopTheOthers() {
        let mbox = """
            From a@example.org Mon Nov 30 04:15:00 2026
            From: a@example.org
            Subject: first

            one

            From b@example.org Mon Nov 30 04:16:00 2026

            From c@example.org Mon Nov 30 04:17:00 2026
            garbage without headers

            From d@example.org Mon Nov 30 04:18:00 2026
            From: d@example.org
            Subject: last

            four

            """
        let all = items(mbox)
        #expect(all.map(\.position.line) == [2, 8, 10, 13])
        #expect(all.map { reason($0) ?? "ok" } == ["ok", "empty message", "not an e-mail message: no header fields", "ok"])
        let texts = records(all).map(\.text)
        #expect(texts == ["first\n\none", "last\n\nfour"])
        #expect(records(all).map(\.createdAt) == [Date(timeIntervalSince1970: 1_796_012_100), Date(timeIntervalSince1970: 1_796_012_280)])
    }

    @Test func dateWithoutZoneIsReadInTheCentresZone() {
        let eml = "From: a@example.org\nDate: 30 Nov 2026 09:15:00\n\nx\n"
        var out: [ParsedItem] = []
        EmailFormat(options: FormatOptions(timeZone: TimeZone(identifier: "Asia/Yekaterinburg")!)).parse(Data(eml.utf8)) { out.append($0) }
        guard case .record(let r, _, _) = out.first else { Issue.record("expected a record"); return }
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_012_100))
    }

    @Test func cutAndMangledInputNeverCrashes() throws {
        // Seeded, so a failure reproduces.
        var generator = SeededGenerator(seed: 20261130)
        for name in ["inbox.mbox", "koi8r-qp.eml", "cp1251-base64.eml", "alternative.eml", "html-only.eml", "attachment.eml"] {
            let data = try fixture(name)
            // Every cut: each yields items, one per message found.
            for length in stride(from: 0, through: data.count, by: 7) {
                _ = items(data.prefix(length))
            }
            // Bytes replaced by the ones that matter to the parsers.
            let specials: [UInt8] = Array("\n\r =?<>-\"';:&#".utf8) + [0x00, 0xFF, 0xD0]
            for _ in 0..<200 {
                var bytes = [UInt8](data)
                for _ in 0..<8 {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = specials.randomElement(using: &generator)!
                }
                let all = items(Data(bytes))
                #expect(!all.isEmpty)
            }
        }
    }

    @Test func attachmentOnlyMessageAndNoSubject() {
        let eml = """
            From: <A@Example.org>
            Date: Mon, 30 Nov 2026 09:15:00 +0500
            Content-Type: image/jpeg
            Content-Transfer-Encoding: base64

            /9j/4AAQ
            """
        guard case .record(let r, _, _) = items(eml).first else { Issue.record("expected a record"); return }
        #expect(r.text == "")
        #expect(r.author == .init(id: "a@example.org", name: "A@Example.org"))
        #expect(r.attachments == [.init(type: "file")])
    }
}
