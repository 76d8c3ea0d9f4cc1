import Foundation

/// A span of working time inside one local day, in minutes from local midnight.
public struct WorkingInterval: Hashable, Sendable, Codable {
    public let start: Int
    public let end: Int

    public init(start: Int, end: Int) {
        precondition(0 <= start && start < end && end <= 24 * 60, "working interval out of the day")
        self.start = start
        self.end = end
    }

    /// `WorkingInterval(9, 0, 13, 0)` is 09:00–13:00.
    public init(_ startHour: Int, _ startMinute: Int, _ endHour: Int, _ endMinute: Int) {
        self.init(start: startHour * 60 + startMinute, end: endHour * 60 + endMinute)
    }

    public var minutes: Int { end - start }
}

/// How a particular date differs from the ordinary week.
public enum SpecialDay: Hashable, Sendable {
    /// A public or regional holiday: no working time.
    case holiday
    /// A transferred working day (usually a Saturday) with these intervals.
    case working([WorkingInterval])
    /// A pre-holiday day: the ordinary intervals, ending this many minutes earlier.
    case shortened(byMinutes: Int)
}

/// When an agency works: intervals per weekday, holidays, transferred and shortened days,
/// in the agency's own IANA time zone. All arithmetic is in the agency's local time.
public struct WorkingCalendar: Sendable {
    public let timeZone: TimeZone
    /// Index 0 is Monday … 6 is Sunday.
    public let week: [[WorkingInterval]]
    public let specialDays: [CivilDay: SpecialDay]

    public init(timeZone: TimeZone, week: [[WorkingInterval]], specialDays: [CivilDay: SpecialDay] = [:]) {
        precondition(week.count == 7, "a week has seven days")
        self.timeZone = timeZone
        self.week = week
        self.specialDays = specialDays
    }

    /// The common Russian office week: Monday–Thursday 9:00–18:00, Friday 9:00–16:45,
    /// a lunch break 13:00–13:45. (A 40-hour week.)
    public static func russianOfficeWeek(timeZone: TimeZone, specialDays: [CivilDay: SpecialDay] = [:]) -> WorkingCalendar {
        let monThu = [WorkingInterval(9, 0, 13, 0), WorkingInterval(13, 45, 18, 0)]
        let fri = [WorkingInterval(9, 0, 13, 0), WorkingInterval(13, 45, 16, 45)]
        return WorkingCalendar(timeZone: timeZone, week: [monThu, monThu, monThu, monThu, fri, [], []], specialDays: specialDays)
    }

    /// The same calendar with more special days (regional holidays override national ones).
    public func adding(_ more: [CivilDay: SpecialDay]) -> WorkingCalendar {
        WorkingCalendar(timeZone: timeZone, week: week, specialDays: specialDays.merging(more) { _, new in new })
    }

    /// The working intervals of one local date.
    public func intervals(on day: CivilDay) -> [WorkingInterval] {
        let ordinary = week[day.isoWeekday - 1]
        switch specialDays[day] {
        case nil: return ordinary
        case .holiday: return []
        case .working(let intervals): return intervals
        case .shortened(let cut):
            var result = ordinary
            var remaining = cut
            while remaining > 0, let last = result.popLast() {
                if last.minutes > remaining {
                    result.append(WorkingInterval(start: last.start, end: last.end - remaining))
                    remaining = 0
                } else {
                    remaining -= last.minutes
                }
            }
            return result
        }
    }

    public func isWorkingDay(_ day: CivilDay) -> Bool { !intervals(on: day).isEmpty }

    // MARK: Local time

    /// Seconds since 1970 in local wall time.
    func localSeconds(_ date: Date) -> Int {
        let utc = Int(date.timeIntervalSince1970.rounded(.down))
        return utc + timeZone.secondsFromGMT(for: date)
    }

    /// The instant at which local wall time reads `local`.
    func instant(localSeconds local: Int) -> Date {
        let guess = Date(timeIntervalSince1970: TimeInterval(local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))))
        let corrected = local - timeZone.secondsFromGMT(for: guess)
        return Date(timeIntervalSince1970: TimeInterval(corrected))
    }

    /// The local date of an instant.
    public func day(of date: Date) -> CivilDay {
        CivilDay(number: Self.floorDiv(localSeconds(date), 86_400))
    }

    /// The instant when a local date starts (local midnight).
    public func startOfDay(_ day: CivilDay) -> Date {
        instant(localSeconds: day.number * 86_400)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    // MARK: Working-time arithmetic

    /// How far ahead we look for working time before declaring the calendar empty.
    static let searchHorizonDays = 3_700

    /// The instant reached after `minutes` of working time counted from `start`.
    /// Zero minutes from a moment outside working time moves to the next working moment.
    /// Returns nil only for a calendar with no working time in the next ten years.
    public func addingWorkingMinutes(_ minutes: Int, to start: Date) -> Date? {
        precondition(minutes >= 0, "working time is added, not subtracted")
        let local = localSeconds(start)
        var day = CivilDay(number: Self.floorDiv(local, 86_400))
        // Seconds into the day are kept so that a start of 10:00:30 plus 60 min is 11:00:30.
        var cursor = local - day.number * 86_400
        var remaining = minutes * 60
        for _ in 0..<Self.searchHorizonDays {
            for interval in intervals(on: day) {
                let from = max(interval.start * 60, cursor)
                let to = interval.end * 60
                guard from < to else { continue }
                if remaining <= to - from {
                    return instant(localSeconds: day.number * 86_400 + from + remaining)
                }
                remaining -= to - from
            }
            day = day.adding(days: 1)
            cursor = 0
        }
        return nil
    }

    /// Working seconds between two instants (zero when `to` is not after `from`).
    public func workingSeconds(from: Date, to: Date) -> Int {
        guard to > from else { return 0 }
        let start = localSeconds(from)
        let end = localSeconds(to)
        var day = CivilDay(number: Self.floorDiv(start, 86_400))
        var total = 0
        while day.number * 86_400 < end {
            let dayStart = day.number * 86_400
            for interval in intervals(on: day) {
                let a = max(dayStart + interval.start * 60, start)
                let b = min(dayStart + interval.end * 60, end)
                if b > a { total += b - a }
            }
            day = day.adding(days: 1)
        }
        return total
    }

    /// The end of the working time of the `days`-th working day after the day of `start`.
    /// "Within 7 working days" of a Monday-morning message ends when the seventh working
    /// day after Monday ends.
    public func addingWorkingDays(_ days: Int, to start: Date) -> Date? {
        precondition(days >= 0, "working days are added, not subtracted")
        var day = self.day(of: start)
        var counted = 0
        for _ in 0..<Self.searchHorizonDays {
            if counted == days, let last = intervals(on: day).last {
                return instant(localSeconds: day.number * 86_400 + last.end * 60)
            }
            day = day.adding(days: 1)
            if isWorkingDay(day) { counted += 1 }
        }
        return nil
    }

    /// The end of the `days`-th calendar day after the day of `start` (counting from the
    /// next day, as 59-ФЗ does); when that day is not a working day the deadline moves to
    /// the end of the next working day (Civil Code art. 193).
    public func addingCalendarDays(_ days: Int, to start: Date) -> Date? {
        precondition(days >= 0, "calendar days are added, not subtracted")
        var day = self.day(of: start).adding(days: days)
        for _ in 0..<Self.searchHorizonDays {
            if isWorkingDay(day) { return startOfDay(day.adding(days: 1)) }
            day = day.adding(days: 1)
        }
        return nil
    }
}
