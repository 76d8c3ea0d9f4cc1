import Foundation
import OtklikCore

/// Parsing of the time stamps inputs carry. Hand-written over UTF-8 bytes: the bulk
/// canonical ingest parses a million of them, and Foundation's formatters are slow and
/// not Sendable.
public enum Timestamp {
    /// An ISO 8601 / RFC 3339 date-time with its zone: `2026-11-30T09:15:00+05:00`,
    /// `…Z`, `…+0500`, fractional seconds, a space instead of `T`. Without a zone, the
    /// time is read in `defaultZone`, or nil when none is given (the canonical format
    /// requires a zone). Seconds may be omitted.
    public static func iso8601(_ text: String, defaultZone: TimeZone? = nil) -> Date? {
        var utf8 = Array(text.utf8)
        while let last = utf8.last, last == 0x20 { utf8.removeLast() }
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= utf8.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                let c = utf8[k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            i += count
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < utf8.count, utf8[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2) else { return nil }
        guard i < utf8.count, utf8[i] == 0x54 || utf8[i] == 0x74 || utf8[i] == 0x20 else { return nil }
        i += 1
        guard let hour = digits(2), expect(0x3A), let minute = digits(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if expect(0x3A) {
            guard let s = digits(2) else { return nil }
            second = s
            if i < utf8.count, utf8[i] == 0x2E || utf8[i] == 0x2C {
                i += 1
                var scale = 0.1
                let start = i
                while i < utf8.count, utf8[i] >= 0x30, utf8[i] <= 0x39 {
                    fraction += Double(utf8[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var offset: Int?
        if i < utf8.count {
            let sign = utf8[i]
            if sign == 0x5A || sign == 0x7A {  // Z
                i += 1
                offset = 0
            } else if sign == 0x2B || sign == 0x2D {
                i += 1
                guard let h = digits(2) else { return nil }
                _ = expect(0x3A)
                let m = i < utf8.count ? (digits(2) ?? -1) : 0
                guard m >= 0, h <= 23, m <= 59 else { return nil }
                offset = (h * 3600 + m * 60) * (sign == 0x2D ? -1 : 1)
            } else {
                return nil
            }
            guard i == utf8.count else { return nil }
        }
        let local = localSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second) + fraction
        if let offset { return Date(timeIntervalSince1970: local - Double(offset)) }
        guard let zone = defaultZone else { return nil }
        return instant(localSeconds: local, in: zone)
    }

    /// A Date from Unix seconds, as VK and Telegram give them.
    public static func unix(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// A wall-clock time in `zone` from its parts; nil for impossible dates.
    public static func local(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                             zone: TimeZone) -> Date? {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return instant(localSeconds: localSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second),
                       in: zone)
    }

    /// A wall-clock time as seconds since 1970-01-01 00:00 of the same wall clock.
    static func localSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Double {
        Double(CivilDay(year: year, month: month, day: day).number) * 86_400 + Double(hour * 3600 + minute * 60 + second)
    }

    /// The instant a wall-clock time names in `zone`: the zone's offset taken at the naive
    /// instant, then corrected once (enough for any zone's DST transitions, which Russia
    /// no longer has anyway).
    static func instant(localSeconds local: Double, in zone: TimeZone) -> Date {
        let guess = Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local))))
        return Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: guess)))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
