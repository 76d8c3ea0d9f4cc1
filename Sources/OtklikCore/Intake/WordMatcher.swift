/// Finds word-start matches of many Russian stems and phrases in a text, fast enough to
/// run over every record of a bulk ingest. Matching is case-insensitive and folds ё to е;
/// a pattern matches where a word starts ("ям" matches "ямы", not "пробоям"), and a phrase
/// ("доброе утро") matches across any run of spaces and punctuation.
public struct WordMatcher: Sendable {
    private var patterns: [[UInt8]] = []
    /// Patterns sorted by their first two bytes (one Cyrillic letter, or two ASCII ones);
    /// `buckets[key]..<buckets[key + 1]` are the positions in `order` of those starting
    /// with `key`. An array, not a dictionary: hashing at every word start was a tenth of
    /// the bulk ingest's time.
    private var order: [Int32] = []
    private var buckets: [Int32] = []

    /// `patterns[i]` matching reports `i`.
    public init(_ patterns: [String]) {
        for pattern in patterns {
            var bytes = Self.normalize(pattern)
            bytes.removeFirst()  // the leading separator
            if bytes.last == 0x20 { bytes.removeLast() }
            self.patterns.append(bytes)
        }
        let keys = self.patterns.map { Int(Self.key($0, 0)) }
        order = (0..<self.patterns.count).sorted { keys[$0] < keys[$1] }.map(Int32.init)
        buckets = Array(repeating: 0, count: 65_537)
        for key in keys { buckets[key + 1] += 1 }
        for k in 1..<buckets.count { buckets[k] += buckets[k - 1] }
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// The indices of every pattern found, in pattern order.
    public func matches(in text: Normalized) -> [Int] {
        var found: [Int] = []
        guard !patterns.isEmpty else { return found }
        text.bytes.withUnsafeBufferPointer { bytes in
            var i = 0
            while i + 1 < bytes.count {
                if bytes[i] == 0x20 {
                    let key = Int(bytes[i + 1]) << 8 | Int(i + 2 < bytes.count ? bytes[i + 2] : 0)
                    var slot = Int(buckets[key])
                    let end = Int(buckets[key + 1])
                    while slot < end {
                        let p = Int(order[slot])
                        if Self.matches(patterns[p], in: bytes, at: i + 1) && !found.contains(p) { found.append(p) }
                        slot += 1
                    }
                }
                i += 1
            }
        }
        return found.sorted()
    }

    /// The first pattern (in pattern order) found, if any.
    public func firstMatch(in text: Normalized) -> Int? { matches(in: text).first }

    /// A text prepared once for any number of matchers: lower case, ё→е, words separated
    /// by single spaces, with a space before the first word.
    public struct Normalized: Sendable {
        public let bytes: [UInt8]
        public let wordCount: Int

        public init(_ text: String) {
            bytes = WordMatcher.normalize(text)
            var words = 0
            for (i, b) in bytes.enumerated() where b == 0x20 && i + 1 < bytes.count { words += 1 }
            wordCount = words
        }
    }

    private static func key(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at < bytes.count else { return 0 }
        let second = at + 1 < bytes.count ? bytes[at + 1] : 0
        return UInt16(bytes[at]) << 8 | UInt16(second)
    }

    private static func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[start + k] != pattern[k] { return false }
        return true
    }

    static func normalize(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x20]
        out.reserveCapacity(text.utf8.count + 1)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            var lower: UInt32
            switch v {
            case 0x41...0x5A: lower = v + 0x20
            case 0x61...0x7A, 0x30...0x39: lower = v
            case 0x410...0x42F: lower = v + 0x20
            case 0x430...0x44F: lower = v
            case 0x401, 0x451: lower = 0x435  // Ё, ё → е
            case 0x400...0x4FF: lower = v
            default:
                guard v >= 0x80, scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                    if out.last != 0x20 { out.append(0x20) }
                    continue
                }
                lower = scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
            }
            appendUTF8(lower, to: &out)
        }
        if out.last != 0x20 { out.append(0x20) }
        return out
    }

    private static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
