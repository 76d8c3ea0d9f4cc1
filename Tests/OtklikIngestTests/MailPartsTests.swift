import Foundation
import Testing
@testable import OtklikIngest

@Suite struct MailDateTests {
    let utc = TimeZone(identifier: "UTC")!
    let t = Date(timeIntervalSince1970: 1_796_012_100)  // 2026-11-30T04:15:00Z

    func date(_ text: String) -> Date? { MailDate.parse(text, defaultZone: nil) }

    @Test func rfc5322Forms() {
        #expect(date("Mon, 30 Nov 2026 09:15:00 +0500") == t)
        #expect(date("30 Nov 2026 09:15:00 +0500") == t)
        #expect(date("Mon,30 Nov 2026 09:15 +0500") == t)
        #expect(date("Mon, 30 Nov 2026 09:15:00 +0500 (YEKT)") == t)
        #expect(date("Mon, 30 Nov 2026 09:15:00 +0500 YEKT") == t)
        #expect(date("Mon, 30 Nov 2026 04:15:00 -0000") == t)
        #expect(date("Monday, 30 November 2026 9:15:00 +05:00") == t)
        #expect(date("Sun, 29 Nov 2026 23:15:00 -0500") == t)
        #expect(date("Mon, 30 Nov 26 09:15:00 +0500") == t)
        #expect(date("Tue, 01 Dec 98 10:00:00 +0000") == Date(timeIntervalSince1970: 912_506_400))
        #expect(date("Tue, 01 Dec 098 10:00:00 +0000") == Date(timeIntervalSince1970: 912_506_400))
    }

    @Test func obsoleteZones() {
        #expect(date("Mon, 30 Nov 2026 04:15:00 GMT") == t)
        #expect(date("Mon, 30 Nov 2026 04:15:00 UT") == t)
        #expect(date("Mon, 30 Nov 2026 07:15:00 MSK") == t)
        #expect(date("Sun, 29 Nov 2026 23:15:00 EST") == t)
        #expect(date("Sun, 29 Nov 2026 21:15:00 PDT") == t)
        #expect(date("Mon, 30 Nov 2026 04:15:00 XYZ") == t)  // unknown: +0000
        #expect(date("Mon, 30 Nov 2026 07:15:00 GMT+3") == t)
    }

    @Test func asctimeAndZonelessForms() {
        #expect(MailDate.parse("Mon Nov 30 04:15:00 2026", defaultZone: utc) == t)
        #expect(MailDate.parse("Mon Nov 30 09:15:00 +0500 2026", defaultZone: utc) == t)
        #expect(date("Mon Nov 30 04:15:00 2026") == nil)  // no zone and no default
        #expect(MailDate.parse("30 Nov 2026 07:15:00", defaultZone: TimeZone(identifier: "Europe/Moscow")) == t)
        #expect(MailDate.envelope(Array("From ivan@example.org Mon Nov 30 04:15:00 2026".utf8)) == t)
        #expect(MailDate.envelope(Array("From ivan@example.org  Mon Nov 30 04:15:00 2026".utf8)) == t)
        #expect(MailDate.envelope(Array("From 1505897234455427899@xxx Mon Nov 30 04:15:00 +0000 2026".utf8)) == t)
        #expect(MailDate.envelope(Array("From MAILER-DAEMON".utf8)) == nil)
        #expect(MailDate.envelope(Array("From the first of December nobody has come.".utf8)) == nil)
    }

    @Test func unreadableDates() {
        for text in ["", "someday soon", "Mon, 31 Nov 2026 09:15:00 +0500", "Mon, 30 Foo 2026 09:15:00 +0500",
                     "Mon, 30 Nov 2026 25:15:00 +0500", "Mon, 30 Nov 2026 +0500", "30 Nov 2026 09:15:00 +0500 and more words",
                     "1796012100", "2026-11-30T09:15:00+05:00"] {
            #expect(date(text) == nil, "\(text)")
        }
    }
}

@Suite struct MailHeadersTests {
    @Test func unfoldsAndFindsTheBody() {
        let text = "Subject: one\r\n two\r\n\tthree\r\nX-Empty:\r\nFrom : a@b\r\n\r\nbody\r\n"
        let bytes = Array(text.utf8)
        let (headers, start) = MailHeaders.parse(bytes[...])
        #expect(headers.fields.map(\.name) == ["subject", "x-empty", "from"])
        #expect(headers.text("subject") == "one two\tthree")
        #expect(headers.decoded("subject") == "one two three")
        #expect(headers.text("x-empty") == "")
        #expect(headers.text("from") == "a@b")
        #expect(Array(bytes[start...]) == Array("body\r\n".utf8))
    }

    @Test func aLineThatIsNotAFieldStartsTheBody() {
        let bytes = Array("From: a@b\nthis is text\nmore\n".utf8)
        let (headers, start) = MailHeaders.parse(bytes[...])
        #expect(headers.fields.count == 1)
        #expect(String(decoding: bytes[start...], as: UTF8.self) == "this is text\nmore\n")
        #expect(MailHeaders.parse(Array(" leading\nFrom: a\n".utf8)[...]).headers.fields.isEmpty)
    }

    @Test func eightBitHeadersAreUTF8OrWindows1251() {
        let utf8 = Array("Subject: Привет\n\n".utf8)
        #expect(MailHeaders.parse(utf8[...]).headers.text("subject") == "Привет")
        let cp1251: [UInt8] = Array("Subject: ".utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x0A, 0x0A]
        #expect(MailHeaders.parse(cp1251[...]).headers.text("subject") == "Привет")
    }
}

@Suite struct MailEncodedWordsTests {
    func decode(_ s: String) -> String { MailEncodedWords.decode(s) }

    @Test func bAndQInTheThreeCharsets() {
        #expect(decode("=?UTF-8?B?0J/RgNC40LLQtdGC?=") == "Привет")
        #expect(decode("=?utf-8?q?=D0=9F=D1=80=D0=B8_=D0=B2=D0=B5=D1=82?=") == "При вет")
        #expect(decode("=?KOI8-R?B?8NLJ18XU?=") == "Привет")
        #expect(decode("=?windows-1251?Q?=CF=F0=E8=E2=E5=F2?=") == "Привет")
        #expect(decode("=?cp1251?B?z/Do4uXy?=") == "Привет")
    }

    @Test func whiteSpaceBetweenAdjacentWordsIsDropped() {
        #expect(decode("=?utf-8?Q?a?= =?utf-8?Q?b?=") == "ab")
        #expect(decode("=?utf-8?Q?a?=\t =?koi8-r?Q?b?=") == "ab")
        #expect(decode("=?utf-8?Q?a?= b =?utf-8?Q?c?=") == "a b c")
        #expect(decode("Re: =?utf-8?Q?a?= (1)") == "Re: a (1)")
        #expect(decode("Re:=?utf-8?Q?a?=") == "Re:a")
    }

    @Test func aCharacterSplitAcrossTwoWordsSurvives() {
        // "Пр" = D0 9F D1 80, cut inside the second character.
        #expect(decode("=?UTF-8?B?0J/R?= =?UTF-8?B?gA==?=") == "Пр")
    }

    @Test func unknownCharsetsAndMalformedWordsStayAsWritten() {
        #expect(decode("=?iso-2022-jp?B?GyRCJEgbKEI=?= x") == "=?iso-2022-jp?B?GyRCJEgbKEI=?= x")
        #expect(decode("=?utf-8?Q?a?= =?x-unknown?Q?b?=") == "a =?x-unknown?Q?b?=")
        #expect(decode("=?utf-8?X?abc?=") == "=?utf-8?X?abc?=")
        #expect(decode("=?utf-8?Q?a b?=") == "=?utf-8?Q?a b?=")
        #expect(decode("a =? b") == "a =? b")
        #expect(decode("=?utf-8*ru?Q?=D0=94=D0=B0?=") == "Да")
    }
}

@Suite struct MailAddressTests {
    func mailbox(_ s: String) -> MailMailbox? { MailAddress.firstMailbox(s) }

    @Test func mailboxForms() {
        #expect(mailbox("Ivan Petrov <ivan@example.org>") == .init(address: "ivan@example.org", displayName: "Ivan Petrov"))
        #expect(mailbox("\"Петров, Иван \\\"Ваня\\\"\" <ivan@example.org>") == .init(address: "ivan@example.org", displayName: "Петров, Иван \"Ваня\""))
        #expect(mailbox("ivan@example.org (Иван Петров)") == .init(address: "ivan@example.org", displayName: "Иван Петров"))
        #expect(mailbox("ivan@example.org") == .init(address: "ivan@example.org", displayName: nil))
        #expect(mailbox("<ivan@example.org>") == .init(address: "ivan@example.org", displayName: nil))
        #expect(mailbox("=?UTF-8?B?0JjQstCw0L0=?= =?UTF-8?B?INCf0LXRgtGA0L7Qsg==?= <ivan@example.org>")
            == .init(address: "ivan@example.org", displayName: "Иван Петров"))
        #expect(mailbox("\"=?utf-8?Q?=D0=98=D0=B2=D0=B0=D0=BD?=\" <ivan@example.org>") == .init(address: "ivan@example.org", displayName: "Иван"))
        #expect(mailbox("Ivan <ivan@example.org>, Olga <olga@example.org>")?.address == "ivan@example.org")
        #expect(mailbox("Жители: ivan@example.org, olga@example.org;") == .init(address: "ivan@example.org", displayName: nil))
        #expect(mailbox("<@relay.example:ivan@example.org>")?.address == "ivan@example.org")
        #expect(mailbox("") == nil && mailbox("Ivan <>") == nil)
    }

    @Test func messageIDs() {
        #expect(MailAddress.messageIDs("<a1@example.org>") == ["a1@example.org"])
        #expect(MailAddress.messageIDs(" <a1@example.org> (comment)") == ["a1@example.org"])
        #expect(MailAddress.messageIDs("<a1@example.org>\t<b2@example.org> <c3@ex\n ample.org>") == ["a1@example.org", "b2@example.org", "c3@example.org"])
        #expect(MailAddress.messageIDs("Your message of Mon, 30 Nov 2026 <a1@example.org>") == ["a1@example.org"])
        #expect(MailAddress.messageIDs("a1@example.org") == ["a1@example.org"])
        #expect(MailAddress.messageIDs("") == [] && MailAddress.messageIDs("<>") == [])
    }
}

@Suite struct MailMIMETests {
    @Test func contentFieldsAndRFC2231() {
        let ct = MailContentField("Multipart/Mixed; boundary=\"=_a b\"; charset=UTF-8 ; Format=flowed")
        #expect(ct.value == "multipart/mixed")
        #expect(ct.parameters == ["boundary": "=_a b", "charset": "UTF-8", "format": "flowed"])
        let cd = MailContentField("attachment; filename*=UTF-8''%D0%90%D0%BA%D1%82.pdf; filename=\"akt.pdf\"")
        #expect(cd.value == "attachment" && cd.parameters["filename"] == "Акт.pdf")
        let continued = MailContentField("inline; filename*0*=windows-1251'ru'%C0%EA; filename*1*=%F2; filename*2=.pdf")
        #expect(continued.parameters["filename"] == "Акт.pdf")
        #expect(MailContentField("attachment; filename=my file.pdf").parameters["filename"] == "my file.pdf")
        #expect(MailContentField("").value == "")
    }

    @Test func quotedPrintable() {
        func qp(_ s: String) -> String { String(decoding: MailMIME.quotedPrintable(Array(s.utf8)[...]), as: UTF8.self) }
        #expect(qp("=D0=9F=d1=80=D0=B8=\r\n=D0=B2=D0=B5=D1=82") == "Привет")
        #expect(qp("soft =  \nbreak") == "soft break")
        #expect(qp("padding   \nnext=20\n") == "padding\nnext \n")
        #expect(qp("a=3Db =XY = c=") == "a=b =XY = c")
    }

    @Test func base64ToleratesLineBreaksAndMissingPadding() {
        func b64(_ s: String) -> String { String(decoding: MailMIME.base64(Array(s.utf8)), as: UTF8.self) }
        #expect(b64("0J/RgNC4\r\n0LLQtdGC") == "Привет")
        #expect(b64("0J/RgNC40LLQtdGC0YM") == "Привету")
        #expect(b64("0J/RgNC40LLQtdGC0YM=") == "Привету")
        #expect(b64("") == "")
    }

    @Test func multipartSplitting() {
        let body = Array("preamble\r\n--b\r\nA\r\n--b  \r\n\r\nB\r\n\r\n--bb\r\n--b--\r\nepilogue\r\n--b\r\nC".utf8)
        let parts = MailMIME.split(body[...], boundary: Array("b".utf8))?.map { String(decoding: $0, as: UTF8.self) }
        #expect(parts == ["A", "\r\nB\r\n\r\n--bb"])
        let open = Array("--b\nA\n--b\nB\n".utf8)
        #expect(MailMIME.split(open[...], boundary: Array("b".utf8))?.map { String(decoding: $0, as: UTF8.self) } == ["A", "B\n"])
        #expect(MailMIME.split(Array("no parts".utf8)[...], boundary: Array("b".utf8)) == nil)
    }

    @Test func charsetFallbacksAndMeta() {
        let cp1251: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        #expect(MailMIME.decodeText(cp1251, charset: nil) == "Привет")
        #expect(MailMIME.decodeText(cp1251, charset: "utf-8") == "Привет")  // mislabelled
        #expect(MailMIME.decodeText(cp1251, charset: "x-unknown") == "Привет")
        #expect(MailMIME.decodeText(Array("Привет".utf8), charset: "us-ascii") == "Привет")
        let koi8: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        #expect(MailMIME.decodeText(koi8, charset: "KOI8-R") == "Привет")
        let html = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"></head><body>".utf8) + koi8
        let headers = MailHeaders.parse(Array("Content-Type: text/html\n\n".utf8)[...]).headers
        #expect(MailMIME.body(headers: headers, bytes: html[...]).text == "Привет")
    }

    @Test func formatFlowed() {
        #expect(MailMIME.unflowed("one \ntwo\n\n> quoted \n> more\n-- \nsig", deleteSpace: false) == "one two\n\n> quoted more\n-- \nsig")
        #expect(MailMIME.unflowed("long\u{20}\nword", deleteSpace: true) == "longword")
        #expect(MailMIME.unflowed(" From stuffed", deleteSpace: false) == "From stuffed")
    }

    @Test func nonTextPartsAndSignatures() {
        let text = """
            Content-Type: multipart/signed; boundary=s

            --s
            Content-Type: multipart/related; boundary=r

            --r
            Content-Type: text/html; charset=utf-8

            <p>Фото во вложении</p>
            --r
            Content-Type: image/png
            Content-ID: <img1>

            iVBORw0KGgo=
            --r--
            --s
            Content-Type: application/pgp-signature; name="signature.asc"

            -----BEGIN PGP SIGNATURE-----
            --s--
            """
        let bytes = Array(text.utf8)
        let (headers, start) = MailHeaders.parse(bytes[...])
        let body = MailMIME.body(headers: headers, bytes: bytes[start...])
        #expect(body == MailBody(text: "Фото во вложении", attachments: [.init(type: "file")]))
    }

    @Test func deepNestingDoesNotCrash() {
        var text = "Content-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1...200 {
            text += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n"
        }
        text += "--b200\nContent-Type: text/plain\n\ndeep\n"
        let bytes = Array(text.utf8)
        let (headers, start) = MailHeaders.parse(bytes[...])
        #expect(MailMIME.body(headers: headers, bytes: bytes[start...]).text == "")
    }
}

@Suite struct MailHTMLTests {
    @Test func blocksBreaksAndWhiteSpace() {
        #expect(MailHTML.text("<p>one</p><p>two</p>") == "one\n\ntwo")
        #expect(MailHTML.text("<div>one</div><div>two</div>") == "one\ntwo")
        #expect(MailHTML.text("a<br>b<br/><br />c") == "a\nb\n\nc")
        #expect(MailHTML.text("  many \n\t spaces <b>bold</b>x  ") == "many spaces boldx")
        #expect(MailHTML.text("<pre>  keep\n    this</pre>after") == "  keep\n    this\n\nafter")
        #expect(MailHTML.text("<p>a</p>\n\n\n<p></p><p></p><p>b</p>") == "a\n\nb")
        #expect(MailHTML.text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == "a b\nc")
    }

    @Test func droppedElements() {
        let html = "<HTML><HEAD><TITLE>t</TITLE><STYLE>p{}</STYLE></HEAD><BODY><script>x<y</SCRIPT>text<!-- c -->!<?xml x?></BODY></HTML>"
        #expect(MailHTML.text(html) == "text!")
        #expect(MailHTML.text("<head><meta charset=utf-8>no closing head") == "no closing head")
        #expect(MailHTML.text("<a href=\"x>y\" title='>'>link</a>") == "link")
        #expect(MailHTML.text("1 < 2 and <3 <unclosed") == "1 < 2 and <3 <unclosed")
    }

    @Test func entities() {
        #expect(MailHTML.text("&amp; &lt; &gt; &quot; &apos; a&nbsp;b") == "& < > \" ' a b")
        #expect(MailHTML.text("&#1055;&#x440;&#X438; &#150; &#0; &#xD800;") == "При – \u{FFFD} \u{FFFD}")
        #expect(MailHTML.text("&laquo;&raquo; &mdash; &ndash; &hellip; &numero; &copy; &euro;") == "«» — – … № © €")
        #expect(MailHTML.text("a=1&amp b=2 &unknown; &") == "a=1& b=2 &unknown; &")
    }
}

@Suite struct MailMboxTests {
    @Test func splitsOnFromLines() {
        let text = "From a Mon Nov 30 04:15:00 2026\nA: 1\n\nx\n\nFrom b Mon Nov 30 04:16:00 2026\r\nB: 2\r\n\r\ny\r\n\r\n"
        let bytes = Array(text.utf8)
        let entries = MailMbox.split(bytes)
        #expect(entries.count == 2)
        #expect(entries.map(\.line) == [2, 7])
        #expect(entries.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["A: 1\n\nx\n", "B: 2\r\n\r\ny\r\n"])
        #expect(entries.map(\.envelopeDate) == [Date(timeIntervalSince1970: 1_796_012_100), Date(timeIntervalSince1970: 1_796_012_160)])
    }

    @Test func fromLinesInBodies() {
        // Without a blank line before it and without a date, a From line is text.
        let text = "From a Mon Nov 30 04:15:00 2026\nA: 1\n\nline\nFrom here on\n\nFrom nobody\nB: 2\n"
        let entries = MailMbox.split(Array(text.utf8))
        #expect(entries.map(\.line) == [2, 8])
        // With a date it separates even without a blank line.
        let dated = "From a Mon Nov 30 04:15:00 2026\nA: 1\n\nline\nFrom b Mon Nov 30 04:16:00 2026\nB: 2\n"
        #expect(MailMbox.split(Array(dated.utf8)).map(\.line) == [2, 6])
    }

    @Test func unescapesMboxrd() {
        let text = ">From a\n>>From b\n>>>From c\n> From d\nx>From e\n>Fromage\n"
        #expect(String(decoding: MailMbox.unescape(Array(text.utf8)[...]), as: UTF8.self)
            == "From a\n>From b\n>>From c\n> From d\nx>From e\n>Fromage\n")
    }

    @Test func singleMessages() {
        let eml = Array("\u{FEFF}\n\nFrom: a@b\n\nx".utf8)
        #expect(MailMbox.split(eml) == [MailEntry(range: 5..<eml.count, line: 3, envelopeDate: nil, isMbox: false)])
        #expect(MailMbox.split(Array(" \r\n\n".utf8)).isEmpty)
    }
}
