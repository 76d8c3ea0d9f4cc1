import Foundation
import Testing
@testable import OtklikIngest

/// The fast reader gives what Foundation gives, or nothing (then Foundation decides).
@Suite struct JSONLineReaderTests {
    func fast(_ text: String) -> [String: Any]? {
        Array(text.utf8).withUnsafeBufferPointer { JSONLineReader.object($0) }
    }

    func foundation(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [])) as? [String: Any]
    }

    /// Never accepts what Foundation rejects; when it answers, it answers the same.
    func agrees(_ text: String) -> Bool {
        guard let mine = fast(text) else { return true }
        guard let reference = foundation(text) else { return false }
        return Self.same(mine, reference)
    }

    /// Deep equality of decoded JSON, types included (a string is not a number).
    static func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as String, y as String): return x == y
        case let (x as [String: Any], y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        case let (x as [Any], y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (is NSNull, is NSNull): return true
        case let (x as NSNumber, y as NSNumber):
            // Booleans are Foundation's boolean class; numbers compare by value as the
            // formats read them (double and integer).
            let boolean = type(of: Self.foundationTrue)
            guard (type(of: x) == boolean) == (type(of: y) == boolean) else { return false }
            return x.doubleValue == y.doubleValue && x.int64Value == y.int64Value
        default: return false
        }
    }

    static let foundationTrue = ((try! JSONSerialization.jsonObject(with: Data("[true]".utf8))) as! [Any])[0] as! NSNumber

    static let valid: [String] = [
        #"{}"#,
        #" { "a" : 1 , "b":[ ] ,"c":{ } } "#,
        #"{"source":"vk","external_id":"1","text":"Яма во дворе, ёлка","created_at":"2026-11-30T09:15:00+05:00"}"#,
        #"{"n":[0,-0,12,-7,3.25,-1e3,2E+2,1.5e-3,9007199254740993,-9223372036854775808]}"#,
        #"{"t":true,"f":false,"z":null,"nested":{"deeper":[{"x":[1,[2,[3]]]}]}}"#,
        #"{"esc":"quote \" back \\ slash \/ \b\f\n\r\t tab","u":"\u0041\u0451\u20AC\u0000"}"#,
        #"{"dup":1,"dup":2}"#,
        #"{"emoji":"🚧 дорога","mixed":"a\u00e9b"}"#,
    ]

    static let invalid: [String] = [
        "", "   ", "[1,2]", #""just a string""#, "42", "null",
        #"{"a":1,}"#, #"{"a" 1}"#, #"{a:1}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":-}"#, #"{"a":1e}"#,
        #"{"a":+1}"#, #"{"a":tru}"#, #"{"a":nul}"#, #"{"a":"x"} extra"#, #"{"a":"unterminated}"#,
        "{\"a\":\"raw\tcontrol\"}", #"{"a":"\x41"}"#, #"{"a":"\u12G4"}"#, #"{"a":"\u+123"}"#, #"{"a":"\u12"}"#,
        #"{"a":[1,2}"#, #"{"a":{"b":1]}"#, #"{"a":1}}"#,
    ]

    @Test(arguments: valid) func readsWhatFoundationReads(_ text: String) {
        #expect(fast(text) != nil)
        #expect(agrees(text))
    }

    @Test(arguments: invalid) func rejectsWhatFoundationRejects(_ text: String) {
        #expect(fast(text) == nil)
    }

    @Test func leavesSurrogatesAndInvalidUTF8ToFoundation() {
        #expect(fast(#"{"a":"\ud83d\ude00"}"#) == nil)
        #expect(fast(#"{"a":"\ud83d"}"#) == nil)
        let bad: [UInt8] = Array(#"{"a":""#.utf8) + [0xD0] + Array(#""}"#.utf8)
        #expect(bad.withUnsafeBufferPointer { JSONLineReader.object($0) } == nil)
        let deep = String(repeating: #"{"a":"#, count: 40) + "1" + String(repeating: "}", count: 40)
        #expect(fast(deep) == nil)
        // Integers past Int64 (Foundation makes decimals of them) and overflowing doubles.
        #expect(fast(#"{"a":123456789012345678901234567890}"#) == nil)
        #expect(fast(#"{"a":1e400}"#) == nil)
    }

    /// Seeded mutations of valid lines (a byte dropped, doubled or replaced by a JSON
    /// metacharacter): the reader either agrees with Foundation or declines.
    @Test func mutatedLinesNeverDisagree() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let specials = Array(#"{}[]",:\0123456789.eE+-tfnu "#.utf8)
        var disagreements: [String] = []
        for _ in 0..<3000 {
            var bytes = Array(Self.valid[next(Self.valid.count)].utf8)
            for _ in 0...next(3) where !bytes.isEmpty {
                let at = next(bytes.count)
                switch next(3) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                default: bytes[at] = specials[next(specials.count)]
                }
            }
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            if !agrees(text) { disagreements.append(text) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}
