import Foundation
import Testing
@testable import OtklikIngest

@Suite struct CanonicalFormatTests {
    func items(_ text: String) -> [ParsedItem] {
        var out: [ParsedItem] = []
        CanonicalFormat(options: FormatOptions()).parse(Data(text.utf8)) { out.append($0) }
        return out
    }

    @Test func readsEveryCanonicalField() throws {
        let line = #"{"source":"vk","external_id":"wall-1_5_c7","parent_id":"wall-1_5","thread_id":"wall-1_5","kind":"comment","author":{"id":"id42","name":"Ольга Петрова","profile_url":"https://vk.com/id42"},"text":"Во дворе яма","created_at":"2026-11-30T09:15:00+05:00","edited_at":"2026-11-30T09:20:30Z","url":"https://vk.com/wall-1_5?reply=7","place":"Озерецк, ул. Мира, 3","coordinates":{"lat":56.8,"lon":60.6},"attachments":[{"type":"photo","url":"https://example.org/1.jpg"}],"category":"roads","topic":"roads.potholes","agency":"Дорожное агентство","unknown":"ignored"}"#
        let all = items(line)
        #expect(all.count == 1)
        guard case .record(let r, let at, _) = all[0] else { Issue.record("not a record"); return }
        #expect(at.line == 1)
        #expect(r.source == .vk && r.externalID == "wall-1_5_c7" && r.parentID == "wall-1_5" && r.threadID == "wall-1_5")
        #expect(r.kind == .comment)
        #expect(r.author == .init(id: "id42", name: "Ольга Петрова", profileURL: "https://vk.com/id42"))
        #expect(r.text == "Во дворе яма")
        #expect(r.createdAt == Date(timeIntervalSince1970: 1_796_012_100))
        #expect(r.editedAt == Date(timeIntervalSince1970: 1_796_030_430))
        #expect(r.place == "Озерецк, ул. Мира, 3" && r.latitude == 56.8 && r.longitude == 60.6)
        #expect(r.attachments == [.init(type: "photo", url: "https://example.org/1.jpg")])
        #expect(r.category == "roads" && r.topicCode == "roads.potholes" && r.agencyName == "Дорожное агентство")
    }

    @Test func badLinesAreInvalidWithReasonAndTheRestGoesOn() {
        let text = [
            #"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00+05:00"}"#,
            #"{"source":"vk","external_id":"2","text":"b","created_at":"2026-11-30T09:15"#,  // truncated
            "",
            #"{"source":"vk","text":"c","created_at":"2026-11-30T09:15:00Z"}"#,
            #"{"source":"mail","external_id":"4","text":"d","created_at":"2026-11-30T09:15:00Z"}"#,
            #"{"source":"vk","external_id":"5","text":"e","created_at":"30.11.2026 09:15"}"#,
            #"[1,2]"#,
            #"{"source":"vk","external_id":"7","text":"g","created_at":"2026-11-30T09:15:00Z"}"#,
        ].joined(separator: "\r\n")
        let all = items(text)
        #expect(all.map(\.position.line) == [1, 2, 4, 5, 6, 7, 8])
        let reasons = all.map { item -> String in
            switch item {
            case .record: "ok"
            case .invalid(let reason, _, _): reason
            case .skipped(let reason, _, _): "skipped: \(reason)"
            }
        }
        #expect(reasons[0] == "ok" && reasons[6] == "ok")
        #expect(reasons[1].hasPrefix("invalid JSON"))
        #expect(reasons[2] == #"missing required field "external_id""#)
        #expect(reasons[3].hasPrefix(#"unknown source "mail""#))
        #expect(reasons[4] == #"created_at "30.11.2026 09:15" is not an ISO 8601 time with a zone"#)
        #expect(reasons[5] == "a line must hold one JSON object")
    }

    @Test func invalidUTF8IsQuarantinedNotGuessed() {
        var data = Data(#"{"source":"vk","external_id":"1","text":""#.utf8)
        data.append(contentsOf: [0xD0, 0x28])
        data.append(contentsOf: Array(#"","created_at":"2026-11-30T09:15:00Z"}"#.utf8))
        var out: [ParsedItem] = []
        CanonicalFormat(options: FormatOptions()).parse(data) { out.append($0) }
        guard case .invalid(let reason, _, let raw) = out.first else { Issue.record("expected invalid"); return }
        #expect(reason == "invalid UTF-8")
        #expect(raw == data)
    }
}

@Suite struct TimestampTests {
    @Test func iso8601Forms() {
        let t = Date(timeIntervalSince1970: 1_796_012_100)  // 2026-11-30T04:15:00Z
        #expect(Timestamp.iso8601("2026-11-30T09:15:00+05:00") == t)
        #expect(Timestamp.iso8601("2026-11-30T04:15:00Z") == t)
        #expect(Timestamp.iso8601("2026-11-30 09:15:00+0500") == t)
        #expect(Timestamp.iso8601("2026-11-30T09:15+05:00") == t)
        #expect(Timestamp.iso8601("2026-11-30T04:15:00.250Z") == t.addingTimeInterval(0.25))
        #expect(Timestamp.iso8601("2026-11-30T09:15:00") == nil)
        #expect(Timestamp.iso8601("2026-11-30T07:15:00", defaultZone: TimeZone(identifier: "Europe/Moscow")) == t)
        #expect(Timestamp.iso8601("2026-02-30T09:15:00Z") == nil)
        #expect(Timestamp.iso8601("2026-11-30T09:15:00+05:00junk") == nil)
    }

    @Test func charsetsDecodeCyrillic() {
        #expect(Charset.windows1251.decode([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0xA8, 0xB8]) == "Привет Ёё")
        #expect(Charset.koi8r.decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x20, 0xB3, 0xA3]) == "Привет Ёё")
        #expect(Charset.utf8.decode([0xD0, 0x28]) == nil)
        #expect(Charset(name: "CP1251") == .windows1251 && Charset(name: "KOI8-R") == .koi8r && Charset(name: "latin1") == nil)
    }
}
