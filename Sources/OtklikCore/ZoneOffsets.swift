import Foundation

/// The UTC offsets of one IANA zone as a table of changes, so that turning instants into
/// local time (and back) is integer arithmetic. `TimeZone.secondsFromGMT(for:)` costs
/// about a microsecond on Linux, and deadline arithmetic converts instants millions of
/// times (DECISIONS.md, "SLA engine").
///
/// The table covers 1990–2080, found by sampling the zone every 14 days and bisecting each
/// change to the second; instants outside it ask the zone itself. Russian zones have not
/// changed since 2014–2020, so their table is one or a few rows.
struct ZoneOffsets: Sendable {
    let timeZone: TimeZone
    /// UTC seconds from which `offsets[i]` applies; ascending; `starts[0]` is the range start.
    let starts: [Int]
    let offsets: [Int]

    static let rangeStart = 631_152_000  // 1990-01-01 UTC
    static let rangeEnd = 3_471_292_800  // 2080-01-01 UTC
    static let step = 14 * 86_400

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        func offset(_ utc: Int) -> Int { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))) }
        var starts = [Self.rangeStart]
        var offsets = [offset(Self.rangeStart)]
        var previous = Self.rangeStart
        var sample = Self.rangeStart + Self.step
        while sample <= Self.rangeEnd {
            let current = offset(sample)
            if current != offsets.last! {
                // The change lies in (previous, sample]: bisect to its first second.
                var low = previous, high = sample
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    if offset(middle) == offsets.last! { low = middle } else { high = middle }
                }
                starts.append(high)
                offsets.append(current)
            }
            previous = sample
            sample += Self.step
        }
        self.starts = starts
        self.offsets = offsets
    }

    /// The zone's offset from UTC at a UTC instant, in seconds.
    @inline(__always)
    func offset(utc: Int) -> Int {
        if offsets.count == 1, utc >= Self.rangeStart, utc < Self.rangeEnd { return offsets[0] }
        guard utc >= Self.rangeStart, utc < Self.rangeEnd else {
            return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
        }
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= utc { low = middle } else { high = middle - 1 }
        }
        return offsets[low]
    }

    /// One table per zone identifier, built once per process.
    static func shared(_ timeZone: TimeZone) -> ZoneOffsets {
        cache.offsets(for: timeZone)
    }

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var tables: [String: ZoneOffsets] = [:]

        func offsets(for zone: TimeZone) -> ZoneOffsets {
            lock.lock()
            if let known = tables[zone.identifier] {
                lock.unlock()
                return known
            }
            lock.unlock()
            let table = ZoneOffsets(timeZone: zone)
            lock.lock()
            tables[zone.identifier] = table
            lock.unlock()
            return table
        }
    }
}
