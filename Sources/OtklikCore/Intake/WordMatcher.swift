/// Finds word-start matches of many Russian stems and phrases in a text, fast enough to
/// run over every record of a bulk ingest. Matching is case-insensitive and folds ё to е;
/// a pattern matches where a word starts ("ям" matches "ямы", not "пробоям"), and a phrase
/// ("доброе утро") matches across any run of spaces and punctuation.
public struct WordMatcher: Sendable {
    private var patterns: [[UInt8]] = []
    /// Every pattern's bytes end to end (`starts[i]..<starts[i + 1]`), and each one's
    /// first four bytes as a number (zeros past its end) with the mask of those it has:
    /// most candidates fail that one comparison, and none of it retains an array.
    private var flat: [UInt8] = []
    private var starts: [Int32] = [0]
    private var heads: [UInt32] = []
    private var headMasks: [UInt32] = []
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
        for bytes in self.patterns {
            flat += bytes
            starts.append(Int32(flat.count))
            var head: UInt32 = 0
            var mask: UInt32 = 0
            for k in 0..<4 where k < bytes.count {
                head |= UInt32(bytes[k]) << (8 * k)
                mask |= 0xFF << (8 * k)
            }
            heads.append(head)
            headMasks.append(mask)
        }
        // A one-byte pattern (a Latin letter or a digit) is a candidate whatever byte
        // follows it, so it goes into all 256 buckets of its first byte.
        var entries: [(key: Int, pattern: Int32)] = []
        for (index, bytes) in self.patterns.enumerated() {
            let key = Int(Self.key(bytes, 0))
            if bytes.count == 1 {
                entries += (0..<256).map { (key: key | $0, pattern: Int32(index)) }
            } else {
                entries.append((key: key, pattern: Int32(index)))
            }
        }
        entries.sort { ($0.key, $0.pattern) < ($1.key, $1.pattern) }
        order = entries.map(\.pattern)
        buckets = Array(repeating: 0, count: 65_537)
        for entry in entries { buckets[entry.key + 1] += 1 }
        for k in 1..<buckets.count { buckets[k] += buckets[k - 1] }
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// The indices of every pattern found, in pattern order.
    public func matches(in text: Normalized) -> [Int] {
        var found: [Int] = []
        guard !patterns.isEmpty else { return found }
        text.bytes.withUnsafeBufferPointer { bytes in
        flat.withUnsafeBufferPointer { flat in
        starts.withUnsafeBufferPointer { starts in
        heads.withUnsafeBufferPointer { heads in
        headMasks.withUnsafeBufferPointer { masks in
        order.withUnsafeBufferPointer { order in
        buckets.withUnsafeBufferPointer { buckets in
            var i = 0
            while i + 1 < bytes.count {
                defer { i += 1 }
                guard bytes[i] == 0x20 else { continue }
                let at = i + 1
                let key = Int(bytes[at]) << 8 | Int(at + 1 < bytes.count ? bytes[at + 1] : 0)
                var slot = Int(buckets[key])
                let end = Int(buckets[key + 1])
                guard slot < end else { continue }
                // The text's next four bytes (zeros past its end), compared under each
                // pattern's mask.
                var window: UInt32 = 0
                for k in 0..<4 where at + k < bytes.count { window |= UInt32(bytes[at + k]) << (8 * k) }
                while slot < end {
                    let p = Int(order[slot])
                    slot += 1
                    guard window & masks[p] == heads[p] else { continue }
                    let from = Int(starts[p])
                    let count = Int(starts[p + 1]) - from
                    guard at + count <= bytes.count else { continue }
                    var same = true
                    var k = 4
                    while k < count {
                        if bytes[at + k] != flat[from + k] { same = false; break }
                        k += 1
                    }
                    if same && !found.contains(p) { found.append(p) }
                }
            }
        } } } } } } }
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
