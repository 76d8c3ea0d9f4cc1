import Foundation

/// A strict reader of one JSON object from bytes, giving what `JSONSerialization` gives
/// (`[String: Any]` of `String`, `NSNumber`, `NSNull`, arrays and objects). Canonical
/// jsonl is a million small objects in a bulk load, where Foundation's reader was a third
/// of the parsing thread.
///
/// It accepts only what it is sure of: anything unusual (a surrogate escape, deep
/// nesting, invalid UTF-8, any syntax error) gives nil, and the caller asks Foundation,
/// whose verdict and error wording stay the reference. Tests compare the two on the
/// fixtures and on generated lines.
///
/// Its pieces (`members`, `string`, `number`, `value`) also serve `CanonicalLine`, which
/// reads a canonical line's fields straight into typed values with the same syntax rules.
struct JSONLineReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The object the bytes hold, or nil when this reader does not vouch for them.
    static func object(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: Any]? {
        read(bytes) { $0.object() }
    }

    /// What `body` reads from the bytes, when it reads all of them but white space, or nil.
    static func read<Value>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (inout JSONLineReader) -> Value?) -> Value? {
        var reader = JSONLineReader(bytes)
        reader.skipSpace()
        guard let value = body(&reader) else { return nil }
        reader.skipSpace()
        return reader.index == bytes.count ? value : nil
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Any JSON value, as Foundation would decode it.
    mutating func value() -> Any? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return consume(word: "true") ? Self.booleans.true : nil
        case UInt8(ascii: "f"): return consume(word: "false") ? Self.booleans.false : nil
        case UInt8(ascii: "n"): return consume(word: "null") ? NSNull() : nil
        default:
            switch number() {
            case .integer(let value)?: return NSNumber(value: value)
            case .decimal(let value)?: return NSNumber(value: value)
            case nil: return nil
            }
        }
    }

    /// Foundation's own true and false (its boolean class, not a plain NSNumber).
    /// (Immutable objects, safe to share between threads.)
    nonisolated(unsafe) private static let booleans: (true: Any, false: Any) = {
        let both = (try? JSONSerialization.jsonObject(with: Data("[true,false]".utf8))) as? [Any]
        return (both?.first ?? NSNumber(value: true), both?.last ?? NSNumber(value: false))
    }()

    private mutating func object() -> [String: Any]? {
        // A canonical record has about ten fields: no rehashing while they are added.
        var result: [String: Any] = Dictionary(minimumCapacity: 12)
        let complete = members { reader, key, _ in
            guard let value = reader.value() else { return false }
            result[key] = value
            return true
        }
        return complete ? result : nil
    }

    /// Walks the object here from `{` to `}`: `member` gets each key (and whether it was
    /// written with an escape) with the reader just after its colon, reads the value and
    /// says whether it was good. False for any syntax error or a declined member.
    mutating func members(_ member: (inout JSONLineReader, _ key: String, _ escaped: Bool) -> Bool) -> Bool {
        guard depth < 32, consume(UInt8(ascii: "{")) else { return false }
        depth += 1
        defer { depth -= 1 }
        skipSpace()
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            let keyStart = index
            guard let key = string() else { return false }
            let escaped = bytes[keyStart..<index].contains(UInt8(ascii: "\\"))
            skipSpace()
            guard consume(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard member(&self, key, escaped) else { return false }
            skipSpace()
            if consume(UInt8(ascii: "}")) { return true }
            guard consume(UInt8(ascii: ",")) else { return false }
        }
    }

    private mutating func array() -> [Any]? {
        guard depth < 32, consume(UInt8(ascii: "[")) else { return nil }
        depth += 1
        defer { depth -= 1 }
        var result: [Any] = []
        skipSpace()
        if consume(UInt8(ascii: "]")) { return result }
        while true {
            guard let value = value() else { return nil }
            result.append(value)
            skipSpace()
            if consume(UInt8(ascii: "]")) { return result }
            guard consume(UInt8(ascii: ",")) else { return nil }
        }
    }

    /// Consumes `word` (a literal: true, false, null) if it comes next.
    mutating func consume(word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// A number as Foundation keeps it: an integer while it fits Int64, else a double.
    enum Number {
        case integer(Int64)
        case decimal(Double)

        /// What `NSNumber.doubleValue` gives for it.
        var doubleValue: Double {
            switch self {
            case .integer(let value): Double(value)
            case .decimal(let value): value
            }
        }
    }

    /// RFC 8259 numbers only; integers that fit stay integers.
    mutating func number() -> Number? {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            return index - from
        }
        _ = consume(UInt8(ascii: "-"))
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != 0x30 else { return nil }
        var integral = true
        if consume(UInt8(ascii: ".")) {
            guard digits() > 0 else { return nil }
            integral = false
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard digits() > 0 else { return nil }
            integral = false
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        // Integers past Int64 become decimals in Foundation; overflowing doubles fail there.
        if integral { return Int64(text).map(Number.integer) }
        guard let value = Double(text), value.isFinite else { return nil }
        return .decimal(value)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    /// A string, its bytes validated as UTF-8.
    mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        // The common case: no escapes, the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { return nil }
            index += 1
        }
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count else { return nil }
                    var code: UInt32 = 0
                    for byte in bytes[index..<index + 4] {
                        guard let digit = Self.hexValue(byte) else { return nil }
                        code = code << 4 | digit
                    }
                    // Surrogate pairs (and lone halves) are left to Foundation.
                    guard !(0xD800...0xDFFF).contains(code), let scalar = Unicode.Scalar(code) else { return nil }
                    index += 4
                    decoded.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    return nil
                }
            default:
                if byte < 0x20 { return nil }
                decoded.append(byte)
            }
        }
        return nil
    }
}
