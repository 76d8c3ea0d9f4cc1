import Foundation
import Testing
@testable import OtklikIngest

/// The typed path gives what the dictionary path gives, or declines (then the dictionary
/// path decides): same records, same reasons.
@Suite struct CanonicalLineTests {
    static let position = RecordPosition(line: 1, byteOffset: 0)

    static func typed(_ bytes: [UInt8]) -> ParsedItem? {
        CanonicalFormat.typedItem(raw: Data(bytes), at: position)
    }

    static func reference(_ bytes: [UInt8]) -> ParsedItem {
        CanonicalFormat.dictionaryItem(raw: Data(bytes), at: position)
    }

    /// The same record (every field, by `IngestRecord`'s ==) or the same reason.
    static func same(_ a: ParsedItem, _ b: ParsedItem) -> Bool {
        switch (a, b) {
        case let (.record(x, xAt, xRaw), .record(y, yAt, yRaw)): x == y && xAt == yAt && xRaw == yRaw
        case let (.invalid(x, xAt, xRaw), .invalid(y, yAt, yRaw)): x == y && xAt == yAt && xRaw == yRaw
        case let (.skipped(x, xAt, xRaw), .skipped(y, yAt, yRaw)): x == y && xAt == yAt && xRaw == yRaw
        default: false
        }
    }

    static func agrees(_ bytes: [UInt8]) -> Bool {
        guard let mine = typed(bytes) else { return true }
        return same(mine, reference(bytes))
    }

    static func describe(_ item: ParsedItem?) -> String {
        switch item {
        case .record(let r, _, _)?: "record \(r)"
        case .invalid(let reason, _, _)?: "invalid: \(reason)"
        case .skipped(let reason, _, _)?: "skipped: \(reason)"
        case nil: "declined"
        }
    }

    /// Lines of the shapes real loads carry: the typed path must take each of them.
    static let common: [String] = [
        #"{"source":"vk","external_id":"1","text":"Яма во дворе, ёлка","created_at":"2026-11-30T09:15:00+05:00"}"#,
        #"{"author":{"id":"a306694","name":"Николай Русских"},"created_at":"2026-10-31T05:53:21+05:00","external_id":"bench-1","kind":"post","source":"ok","text":"Дом продан два года назад, а квитанции за ТКО всё ещё приходят мне"}"#,
        #"{"source":"vk","external_id":"r7","kind":"post","author":{"id":"a7","name":"Житель 7"},"text":"Обращение 7: во дворе дома 7 яма, машины бьют колёса","created_at":"2026-11-30T09:15:00+05:00"}"#,
        #"{"source":"telegram","external_id":"stream-1","text":"Не горят фонари на улице Мира, 1","created_at":"2026-11-30T09:15:00+05:00"}"#,
        #"{"source":"vk","external_id":"wall-1_5_c7","parent_id":"wall-1_5","thread_id":"wall-1_5","kind":"comment","author":{"id":"id42","name":"Ольга Петрова","profile_url":"https://vk.com/id42"},"text":"Во дворе яма","created_at":"2026-11-30T09:15:00+05:00","edited_at":"2026-11-30T09:20:30Z","url":"https://vk.com/wall-1_5?reply=7","place":"Озерецк, ул. Мира, 3","coordinates":{"lat":56.8,"lon":60.6},"category":"roads","topic":"roads.potholes","agency":"Дорожное агентство","unknown":"ignored"}"#,
        #"{"source":"email","external_id":"<m1@example.org>","kind":"email","author":{"id":"olga@example.org","name":"Ольга"},"text":"Здравствуйте,\nво дворе яма.\n\u2014 Ольга","created_at":"2026-11-30 09:15:00+0500","url":"https:\/\/example.org\/m1"}"#,
        #"{"source":"pos","external_id":"A-1","kind":"appeal","text":"","created_at":"2026-11-30T09:15:00.250Z","coordinates":{"lat":-90,"lon":180},"attachments":null}"#,
        #"  {  "source" : "VK" ,\#t"external_id" : "1" , "text" : "a" , "created_at" : "2026-11-30T09:15:00Z" }  "#,
        #"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","extra":{"nested":[1,-2.5e3,true,false,null,{"x":"\u0041"}]},"more":[]}"#,
    ]

    /// Hand-written edge cases, each with what the typed path must do.
    static let edges: [(line: String, taken: Bool)] = [
        // Duplicate keys: the last wins, a later null erases.
        (#"{"source":"vk","external_id":"1","text":"a","text":"b","created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","text":null}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","edited_at":"2026-11-30T09:16:00Z","edited_at":null}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","author":{"id":"x"},"author":{"name":"y"}}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","author":{"id":"x"},"author":null}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","author":{"id":"x","id":"z","name":null}}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","text":5,"text":"b"}"#, false),
        // Null fields mean absent.
        (#"{"source":"vk","external_id":"1","text":null,"created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{"source":null,"external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{"source":"vk","external_id":"1","kind":null,"text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":null,"author":null,"place":null}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","author":{"id":null,"name":"n","profile_url":null}}"#, true),
        // Numbers and other types in string fields: JSONFields converts, so declined.
        (#"{"source":"vk","external_id":42,"text":"a","created_at":"2026-11-30T09:15:00Z"}"#, false),
        (#"{"source":"vk","external_id":"1","text":4.5,"created_at":"2026-11-30T09:15:00Z"}"#, false),
        (#"{"source":"vk","external_id":"1","text":true,"created_at":"2026-11-30T09:15:00Z"}"#, false),
        (#"{"source":["vk"],"external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z"}"#, false),
        (#"{"source":"vk","external_id":"1","text":{"t":"a"},"created_at":"2026-11-30T09:15:00Z"}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","author":{"id":7,"name":"x"}}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","author":"x"}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","author":[]}"#, false),
        // Unknown members, nested or not, are validated and dropped.
        (#"{"source":"vk","x":{"a":[1,{"b":null}],"c":"\u0041\n"},"external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","y":[true,false,null,-0,1E-2]}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","author":{"id":"a","extra":{"z":[1]}},"coordinates":{"lat":1,"lon":2,"alt":"x"}}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","x":[1,}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","x":01}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","x":123456789012345678901234567890}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","x":"#
            + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}", false),
        // Escapes in keys decline; in values they are decoded.
        (#"{"source":"vk","external_id":"1","te\u0078t":"a","created_at":"2026-11-30T09:15:00Z"}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","\"x":1}"#, false),
        (#"{"source":"vk","external_id":"1","text":"q \" b \\ s \/ \b\f\n\r\t \u0041\u0451\u20AC\u0000","created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{"source":"vk","external_id":"1","text":"\ud83d\ude00","created_at":"2026-11-30T09:15:00Z"}"#, false),
        (#"{"source":"vk","external_id":"1","text":"\ud83d","created_at":"2026-11-30T09:15:00Z"}"#, false),
        // Empty and missing required fields.
        (#"{"source":"vk","external_id":"1","text":"","created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{"source":"vk","external_id":"","text":"a","created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{"source":"vk","text":"a","created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{"external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a"}"#, true),
        (#"{"source":"vk","external_id":"1","created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{}"#, true),
        (#"{"source":"mail","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{"source":"vk","external_id":"1","kind":"tweet","text":"a","created_at":"2026-11-30T09:15:00Z"}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"30.11.2026 09:15"}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","edited_at":"yesterday"}"#, true),
        // Attachments are left to the dictionary path.
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","attachments":[]}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","attachments":[{"type":"photo","url":"u"},{"name":7},3]}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","attachments":"x"}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","attachments":null}"#, true),
        // Coordinates: plain numbers only; strings and booleans are the dictionary's.
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":{"lat":56,"lon":60}}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":{"lat":-0,"lon":1e1}}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":{"lat":90.000000000000001,"lon":-1.8E+2}}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":{"lat":100,"lon":0}}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":{"lat":56.8}}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":{}}"#, true),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":{"lat":"56.8","lon":"60.6"}}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":{"lat":true,"lon":1}}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":"56.8,60.6"}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","coordinates":{"lat":1e400,"lon":0}}"#, false),
        // Trailing garbage and broken syntax.
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z"} x"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z"}}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z"},"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z",}"#, false),
        (#"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15"#, false),
        (#"{"source":"vk","external_id":"1","text":"a\#ttab","created_at":"2026-11-30T09:15:00Z"}"#, false),
        (#"[{"source":"vk"}]"#, false),
        (#""text""#, false),
        ("", false),
    ]

    @Test(arguments: common) func takesCommonLines(_ line: String) {
        let bytes = Array(line.utf8)
        #expect(Self.typed(bytes) != nil)
        #expect(Self.agrees(bytes), "typed: \(Self.describe(Self.typed(bytes))), reference: \(Self.describe(Self.reference(bytes)))")
    }

    @Test(arguments: edges) func edgeCases(_ line: String, taken: Bool) {
        let bytes = Array(line.utf8)
        #expect((Self.typed(bytes) != nil) == taken)
        #expect(Self.agrees(bytes), "typed: \(Self.describe(Self.typed(bytes))), reference: \(Self.describe(Self.reference(bytes)))")
    }

    @Test func invalidUTF8IsDeclinedAndQuarantinedAsBefore() {
        let base = #"{"source":"vk","external_id":"1","text":"a","created_at":"2026-11-30T09:15:00Z","x":"b"}"#
        for target in [#""a""#, #""x""#, #""b""#, #""vk""#] {
            let range = base.range(of: target)!
            let at = base.utf8.distance(from: base.startIndex, to: range.lowerBound) + 1
            for bad: [UInt8] in [[0xD0], [0xD0, 0x28], [0xFF], [0xED, 0xA0, 0x80]] {
                var bytes = Array(base.utf8)
                bytes.insert(contentsOf: bad, at: at)
                #expect(Self.typed(bytes) == nil)
                guard case .invalid(let reason, _, _) = CanonicalFormat.item(raw: Data(bytes), at: Self.position) else {
                    Issue.record("not quarantined: \(bytes)")
                    continue
                }
                #expect(reason == "invalid UTF-8")
            }
        }
    }

    /// Whole inputs through `parse` give per line what the dictionary path gives.
    @Test func parseGivesTheDictionaryPathsItems() {
        let lines = Self.common + Self.edges.map(\.line)
        let text = lines.joined(separator: "\n")
        var items: [ParsedItem] = []
        CanonicalFormat(options: FormatOptions()).parse(Data(text.utf8)) { items.append($0) }
        let nonBlank = lines.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
        #expect(items.count == nonBlank.count)
        for item in items {
            guard let line = item.position.line else { Issue.record("no line"); continue }
            let reference = CanonicalFormat.dictionaryItem(raw: Data(lines[line - 1].utf8), at: item.position)
            #expect(Self.same(item, reference), "line \(line): \(Self.describe(item)) vs \(Self.describe(reference))")
        }
    }

    /// A seeded generator of canonical lines: mostly well-typed fields, some of the wrong
    /// type, null or absent, some unknown members, in a shuffled order. Values are
    /// written by Foundation; the order is the generator's (a dictionary's order would
    /// change from run to run).
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func pick<T>(_ options: [T]) -> T { options[next(options.count)] }

        mutating func odd() -> Any {
            pick([NSNull(), 42, -7.5, true, false, [1, "x"], ["k": "v"], "", "1e3"] as [Any])
        }

        mutating func string() -> Any {
            next(10) == 0 ? odd() : pick(["vk", "ok", "telegram", "VK", "email", "mail", "post", "comment", "appeal", "x",
                                          "Яма во дворе, ёлка 🚧", "quote \" slash / back \\ tab \t nl \n", "\u{0}",
                                          "2026-11-30T09:15:00+05:00", "2026-11-30T04:15:00.250Z", "2026-11-30T09:15", ""])
        }

        mutating func number() -> Any {
            next(8) == 0 ? odd() : pick([56.8, 60.6, -90, 180, 0, -0.0, 1e-7, 90.5, 12345678901] as [Any])
        }

        mutating func line() throws -> [UInt8] {
            var members: [(key: String, value: Any)] = []
            for key in ["source", "external_id", "kind", "text", "created_at"] where next(12) != 0 {
                members.append((key, key == "external_id" && next(3) == 0 ? "id-\(next(1000))" : string()))
            }
            for key in ["parent_id", "thread_id", "edited_at", "url", "place", "category", "topic", "agency"] where next(4) == 0 {
                members.append((key, string()))
            }
            if next(2) == 0 {
                var author: [String: Any] = [:]
                for key in ["id", "name", "profile_url", "extra"] where next(3) != 0 { author[key] = string() }
                members.append(("author", next(10) == 0 ? odd() : author))
            }
            if next(4) == 0 {
                var coordinates: [String: Any] = [:]
                for key in ["lat", "lon", "alt"] where next(5) != 0 { coordinates[key] = number() }
                members.append(("coordinates", next(10) == 0 ? odd() : coordinates))
            }
            if next(8) == 0 { members.append(("attachments", next(2) == 0 ? NSNull() : [["type": "photo", "url": "u"]])) }
            if next(5) == 0 { members.append((pick(["unknown", "Text", "source ", "extra"]), next(2) == 0 ? odd() : ["deep": [odd(), odd()]])) }
            for i in members.indices.reversed() { members.swapAt(i, next(i + 1)) }
            var bytes = Array("{".utf8)
            for (i, member) in members.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += Array("\"\(member.key)\":".utf8)
                bytes += try JSONSerialization.data(withJSONObject: member.value, options: [.fragmentsAllowed, .sortedKeys])
            }
            return bytes + Array("}".utf8)
        }
    }

    /// Generated lines, and the same lines with seeded byte mutations (a byte dropped,
    /// doubled, or replaced by a JSON metacharacter or a byte that breaks UTF-8): the
    /// typed path either agrees with the dictionary path or declines.
    @Test func generatedAndMutatedLinesNeverDisagree() throws {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        var lines = Self.common.map { Array($0.utf8) }
        for _ in 0..<2000 { lines.append(try generator.line()) }
        let specials = Array(#"{}[]",:\0123456789.eE+-tfnu "#.utf8) + [0xD0, 0x80, 0xFF]
        var disagreements: [String] = []
        var taken = 0
        var checked = 0
        func check(_ bytes: [UInt8]) {
            checked += 1
            guard let mine = Self.typed(bytes) else { return }
            taken += 1
            let reference = Self.reference(bytes)
            if !Self.same(mine, reference) {
                disagreements.append("\(String(decoding: bytes, as: UTF8.self)): \(Self.describe(mine)) vs \(Self.describe(reference))")
            }
        }
        lines.forEach(check)
        for _ in 0..<4000 {
            var bytes = lines[generator.next(lines.count)]
            for _ in 0...generator.next(3) where !bytes.isEmpty {
                let at = generator.next(bytes.count)
                switch generator.next(3) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                default: bytes[at] = specials[generator.next(specials.count)]
                }
            }
            check(bytes)
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(checked): \(disagreements.prefix(5))")
        // The comparison means something only if the typed path takes many of the lines.
        #expect(taken > checked / 4, "taken \(taken) of \(checked)")
    }
}
