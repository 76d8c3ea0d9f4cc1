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
///
/// A value with one reference inside: the definition and flat tables built from it once
/// (each day's working intervals as seconds of the day, found by array index rather than
/// by hashing), so copies are cheap and the arithmetic touches no dictionary.
public struct WorkingCalendar: Sendable, Hashable {
    let storage: Storage

    public var timeZone: TimeZone { storage.timeZone }
    /// Index 0 is Monday … 6 is Sunday.
    public var week: [[WorkingInterval]] { storage.week }
    public var specialDays: [CivilDay: SpecialDay] { storage.specialDays }
    /// What the calendar is, for explanations: "ru-2026", "ru-2026 + ru-ba-2026".
    public var name: String { storage.name }
    /// Why a day is special ("День народного единства"), for explanations.
    public var notes: [CivilDay: String] { storage.notes }
    /// The zone's offsets as a table (instants to local time without Foundation calls).
    var offsets: ZoneOffsets { storage.offsets }

    public init(timeZone: TimeZone, week: [[WorkingInterval]], specialDays: [CivilDay: SpecialDay] = [:], name: String = "",
                notes: [CivilDay: String] = [:]) {
        precondition(week.count == 7, "a week has seven days")
        storage = Storage(timeZone: timeZone, week: week, specialDays: specialDays, name: name, notes: notes)
    }

    public static func == (a: WorkingCalendar, b: WorkingCalendar) -> Bool {
        a.storage === b.storage
            || (a.timeZone.identifier == b.timeZone.identifier && a.week == b.week && a.specialDays == b.specialDays && a.name == b.name)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(timeZone.identifier)
        hasher.combine(week)
        hasher.combine(name)
        hasher.combine(specialDays.count)
    }

    /// The definition and the tables the arithmetic reads.
    final class Storage: Sendable {
        let timeZone: TimeZone
        let week: [[WorkingInterval]]
        let specialDays: [CivilDay: SpecialDay]
        let name: String
        let notes: [CivilDay: String]
        let offsets: ZoneOffsets
        /// Working intervals of every day pattern, in seconds from local midnight.
        let starts: [Int]
        let ends: [Int]
        /// Pattern p's intervals are `starts[lo[p]..<hi[p]]`; `total[p]` its working seconds.
        /// Patterns 0–6 are Monday–Sunday; one more per special day.
        let lo: [Int]
        let hi: [Int]
        let total: [Int]
        /// The pattern of day `specialFirst + i` is `specialPattern[i]`, or its weekday's when -1.
        let specialFirst: Int
        let specialPattern: [Int]
        /// The zone's offset since its last change (2014 for most of Russia) and when that
        /// began: present-day instants need no table search.
        let currentOffset: Int
        let currentSince: Int
        /// Instead of the table when special days span more than 500 years.
        let specialMap: [Int: Int]

        init(timeZone: TimeZone, week: [[WorkingInterval]], specialDays: [CivilDay: SpecialDay], name: String, notes: [CivilDay: String]) {
            self.timeZone = timeZone
            self.week = week
            self.specialDays = specialDays
            self.name = name
            self.notes = notes
            offsets = ZoneOffsets.shared(timeZone)
            currentOffset = offsets.offsets.last!
            currentSince = offsets.starts.last!
            var starts: [Int] = [], ends: [Int] = [], lo: [Int] = [], hi: [Int] = [], total: [Int] = []
            func add(_ intervals: [WorkingInterval]) -> Int {
                lo.append(starts.count)
                var sum = 0
                for interval in intervals {
                    starts.append(interval.start * 60)
                    ends.append(interval.end * 60)
                    sum += interval.minutes * 60
                }
                hi.append(starts.count)
                total.append(sum)
                return lo.count - 1
            }
            for intervals in week { _ = add(intervals) }
            let days = specialDays.keys.map(\.number)
            let first = days.min() ?? 0
            let span = days.isEmpty ? 0 : days.max()! - first + 1
            var pattern = Array(repeating: -1, count: span <= 200_000 ? span : 0)
            var map: [Int: Int] = [:]
            for (day, special) in specialDays {
                let p = add(Self.intervals(on: day, week: week, special: special))
                if pattern.isEmpty { map[day.number] = p } else { pattern[day.number - first] = p }
            }
            specialMap = map
            specialFirst = first
            specialPattern = pattern
            self.starts = starts
            self.ends = ends
            self.lo = lo
            self.hi = hi
            self.total = total
        }

        /// The zone's offset from UTC at a UTC instant, in seconds.
        @inline(__always)
        func offset(utc: Int) -> Int {
            if utc >= currentSince, utc < ZoneOffsets.rangeEnd { return currentOffset }
            return offsets.offset(utc: utc)
        }

        /// The pattern of a local day number.
        @inline(__always)
        func pattern(_ day: Int) -> Int {
            let index = day - specialFirst
            if index >= 0, index < specialPattern.count {
                let p = specialPattern[index]
                if p >= 0 { return p }
            } else if !specialMap.isEmpty, let p = specialMap[day] {
                return p
            }
            let w = (day + 3) % 7
            return w < 0 ? w + 7 : w
        }

        static func intervals(on day: CivilDay, week: [[WorkingInterval]], special: SpecialDay?) -> [WorkingInterval] {
            let ordinary = week[day.isoWeekday - 1]
            switch special {
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
    }

    /// The same calendar in another zone (an agency's own zone over the center's calendar).
    public func inZone(_ zone: TimeZone) -> WorkingCalendar {
        zone.identifier == timeZone.identifier ? self
            : WorkingCalendar(timeZone: zone, week: week, specialDays: specialDays, name: name, notes: notes)
    }

    /// The common Russian office week: Monday–Thursday 9:00–18:00, Friday 9:00–16:45,
    /// a lunch break 13:00–13:45. (A 40-hour week.)
    public static func russianOfficeWeek(timeZone: TimeZone, specialDays: [CivilDay: SpecialDay] = [:]) -> WorkingCalendar {
        let monThu = [WorkingInterval(9, 0, 13, 0), WorkingInterval(13, 45, 18, 0)]
        let fri = [WorkingInterval(9, 0, 13, 0), WorkingInterval(13, 45, 16, 45)]
        return WorkingCalendar(timeZone: timeZone, week: [monThu, monThu, monThu, monThu, fri, [], []], specialDays: specialDays)
    }

    /// The same calendar with more special days (regional holidays override national ones).
    public func adding(_ more: [CivilDay: SpecialDay], name: String? = nil) -> WorkingCalendar {
        WorkingCalendar(timeZone: timeZone, week: week, specialDays: specialDays.merging(more) { _, new in new },
                        name: name ?? self.name, notes: notes)
    }

    /// The working intervals of one local date.
    public func intervals(on day: CivilDay) -> [WorkingInterval] {
        Storage.intervals(on: day, week: week, special: specialDays[day])
    }

    public func isWorkingDay(_ day: CivilDay) -> Bool { storage.total[storage.pattern(day.number)] > 0 }

    // MARK: Local time

    /// Seconds since 1970 in local wall time.
    func localSeconds(_ date: Date) -> Int {
        let utc = Int(date.timeIntervalSince1970.rounded(.down))
        return utc + storage.offset(utc: utc)
    }

    /// The instant at which local wall time reads `local`.
    func instant(localSeconds local: Int) -> Date {
        let guess = local - storage.offset(utc: local)
        return Date(timeIntervalSince1970: TimeInterval(local - storage.offset(utc: guess)))
    }

    /// The zone's offset from UTC at an instant, in seconds ("UTC+12" for Kamchatka).
    public func utcOffset(at date: Date) -> Int {
        storage.offset(utc: Int(date.timeIntervalSince1970.rounded(.down)))
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
        return addingWorkingSeconds(minutes * 60, to: start)
    }

    /// The instant reached after `seconds` of working time counted from `start` (see
    /// `addingWorkingMinutes`). Pauses and warning thresholds need second precision.
    public func addingWorkingSeconds(_ seconds: Int, to start: Date) -> Date? {
        precondition(seconds >= 0, "working time is added, not subtracted")
        let local = localSeconds(start)
        var day = Self.floorDiv(local, 86_400)
        // Seconds into the day are kept so that a start of 10:00:30 plus 60 min is 11:00:30.
        var cursor = local - day * 86_400
        var remaining = seconds
        let s = storage
        for _ in 0..<Self.searchHorizonDays {
            let p = s.pattern(day)
            if cursor == 0, remaining > s.total[p] {
                remaining -= s.total[p]
            } else {
                for k in s.lo[p]..<s.hi[p] {
                    let from = max(s.starts[k], cursor)
                    let to = s.ends[k]
                    guard from < to else { continue }
                    if remaining <= to - from {
                        return instant(localSeconds: day * 86_400 + from + remaining)
                    }
                    remaining -= to - from
                }
            }
            day += 1
            cursor = 0
        }
        return nil
    }

    /// Working seconds between two instants (zero when `to` is not after `from`).
    public func workingSeconds(from: Date, to: Date) -> Int {
        guard to > from else { return 0 }
        let start = localSeconds(from)
        let end = localSeconds(to)
        var day = Self.floorDiv(start, 86_400)
        var total = 0
        let s = storage
        while day * 86_400 < end {
            let dayStart = day * 86_400
            let p = s.pattern(day)
            if dayStart >= start, dayStart + 86_400 <= end {
                total += s.total[p]
            } else {
                for k in s.lo[p]..<s.hi[p] {
                    let a = max(dayStart + s.starts[k], start)
                    let b = min(dayStart + s.ends[k], end)
                    if b > a { total += b - a }
                }
            }
            day += 1
        }
        return total
    }

    /// The end of the working time of the `days`-th working day after the day of `start`.
    /// "Within 7 working days" of a Monday-morning message ends when the seventh working
    /// day after Monday ends.
    public func addingWorkingDays(_ days: Int, to start: Date) -> Date? {
        precondition(days >= 0, "working days are added, not subtracted")
        var day = self.day(of: start).number
        var counted = 0
        let s = storage
        for _ in 0..<Self.searchHorizonDays {
            let p = s.pattern(day)
            if counted == days, s.hi[p] > s.lo[p] {
                return instant(localSeconds: day * 86_400 + s.ends[s.hi[p] - 1])
            }
            day += 1
            if s.total[s.pattern(day)] > 0 { counted += 1 }
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
