/// A calendar date without a time zone, counted as days since 1970-01-01.
///
/// Deadline arithmetic runs millions of times (demo generation, recomputation), so it
/// works on integers instead of Foundation's `Calendar`.
public struct CivilDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let number: Int

    public init(number: Int) { self.number = number }

    /// Builds a day from a proleptic Gregorian date (H. Hinnant's days_from_civil).
    public init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(iso text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
        guard self.components == (y, m, d) else { return nil }
    }

    public init?(iso text: String) { self.init(iso: Substring(text)) }

    /// (year, month, day) of this date (H. Hinnant's civil_from_days).
    public var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday.
    public var isoWeekday: Int {
        let w = (number + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> CivilDay { CivilDay(number: number + days) }

    public var description: String {
        let c = components
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
    }

    public static func < (a: CivilDay, b: CivilDay) -> Bool { a.number < b.number }
}
