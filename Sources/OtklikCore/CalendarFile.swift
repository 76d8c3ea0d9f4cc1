import Foundation

/// A working calendar as a data file (`calendars/ru-2026.toml`, docs/sla.md "Calendars"):
///
///     code = "ru-2026"
///     name = "Производственный календарь РФ 2026"
///     year = 2026               # with working_days: checked on load
///     working_days = 247
///     extends = "ru-2026"       # a regional addition names the calendar it adds to
///     time_zone = "Asia/Kamchatka"  # optional; agencies have their own zone
///     [week]                    # mon … sun = ["09:00-13:00", "13:45-18:00"]; [] a day off
///     [holidays]                # 2026-01-01 = "Новогодние каникулы"
///     [shortened]               # 2026-04-30 = 60 (minutes shorter)
///     [working]                 # 2026-06-06 = ["09:00-13:00"] (a transferred working day)
///
/// Parsing is pure (no files): the app reads the text, the core turns it into values.
public struct CalendarDefinition: Sendable, Equatable {
    public var code: String
    public var name: String
    public var extends: String?
    public var timeZone: String?
    /// The ordinary week, Monday first; nil inherits the week of the calendar it extends.
    public var week: [[WorkingInterval]]?
    public var days: [CivilDay: SpecialDay]
    /// Why a day is special ("Новогодние каникулы"), for explanations.
    public var notes: [CivilDay: String]
    /// `year` and `working_days`: the number of working days the file promises for that year.
    public var year: Int?
    public var workingDays: Int?

    public init(code: String, name: String, extends: String? = nil, timeZone: String? = nil, week: [[WorkingInterval]]?,
                days: [CivilDay: SpecialDay], notes: [CivilDay: String] = [:], year: Int? = nil, workingDays: Int? = nil) {
        self.code = code
        self.name = name
        self.extends = extends
        self.timeZone = timeZone
        self.week = week
        self.days = days
        self.notes = notes
        self.year = year
        self.workingDays = workingDays
    }

    static let weekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public static func parse(_ text: String, path: String) throws(SimpleTOML.ParseError) -> CalendarDefinition {
        let entries = try SimpleTOML.parse(text, path: path)
        var definition = CalendarDefinition(code: "", name: "", week: nil, days: [:])
        var week: [[WorkingInterval]?] = Array(repeating: nil, count: 7)
        func fail(_ entry: SimpleTOML.Entry, _ reason: String) -> SimpleTOML.ParseError {
            SimpleTOML.ParseError(path: path, line: entry.line, reason: reason)
        }
        func intervals(_ entry: SimpleTOML.Entry) throws(SimpleTOML.ParseError) -> [WorkingInterval] {
            guard case .strings(let items) = entry.value else { throw fail(entry, "expected a list such as [\"09:00-13:00\", \"13:45-18:00\"]") }
            var result: [WorkingInterval] = []
            for item in items {
                guard let interval = WorkingInterval(text: item) else {
                    throw fail(entry, "not an interval: \"\(item)\" (HH:MM-HH:MM, start before end, within the day)")
                }
                if let last = result.last, interval.start < last.end {
                    throw fail(entry, "intervals overlap or are out of order: \"\(item)\"")
                }
                result.append(interval)
            }
            return result
        }
        func date(_ entry: SimpleTOML.Entry) throws(SimpleTOML.ParseError) -> CivilDay {
            guard let day = CivilDay(iso: entry.key) else { throw fail(entry, "not a date: \(entry.key) (YYYY-MM-DD)") }
            if definition.days[day] != nil { throw fail(entry, "\(entry.key) is listed twice") }
            return day
        }
        for entry in entries {
            switch entry.table {
            case "":
                switch (entry.key, entry.value) {
                case ("code", .string(let v)) where !v.isEmpty: definition.code = v
                case ("name", .string(let v)): definition.name = v
                case ("extends", .string(let v)) where !v.isEmpty: definition.extends = v
                case ("time_zone", .string(let v)):
                    guard TimeZone(identifier: v) != nil else { throw fail(entry, "unknown time zone \"\(v)\" (an IANA name such as Europe/Moscow)") }
                    definition.timeZone = v
                case ("year", .integer(let v)) where (1970...2200).contains(v): definition.year = v
                case ("working_days", .integer(let v)) where (0...366).contains(v): definition.workingDays = v
                default:
                    throw fail(entry, "unknown or invalid setting \"\(entry.key)\" (code, name, extends, time_zone, year, working_days, [week], [holidays], [shortened], [working])")
                }
            case "week":
                guard let index = weekdayKeys.firstIndex(of: entry.key) else {
                    throw fail(entry, "unknown day \"\(entry.key)\" (mon, tue, wed, thu, fri, sat, sun)")
                }
                week[index] = try intervals(entry)
            case "holidays":
                let day = try date(entry)
                guard case .string(let note) = entry.value else { throw fail(entry, "a holiday's value is its name in quotes") }
                definition.days[day] = .holiday
                if !note.isEmpty { definition.notes[day] = note }
            case "shortened":
                let day = try date(entry)
                guard case .integer(let minutes) = entry.value, (1...720).contains(minutes) else {
                    throw fail(entry, "a shortened day's value is how many minutes shorter it is (usually 60)")
                }
                definition.days[day] = .shortened(byMinutes: minutes)
            case "working":
                let day = try date(entry)
                let list = try intervals(entry)
                guard !list.isEmpty else { throw fail(entry, "a transferred working day needs its working intervals") }
                definition.days[day] = .working(list)
            default:
                throw SimpleTOML.ParseError(path: path, line: entry.line, reason: "unknown table [\(entry.table)] (week, holidays, shortened, working)")
            }
        }
        guard !definition.code.isEmpty else { throw SimpleTOML.ParseError(path: path, line: 1, reason: "the calendar has no code") }
        if definition.name.isEmpty { definition.name = definition.code }
        let given = week.compactMap { $0 }.count
        if given == 7 {
            definition.week = week.map { $0! }
        } else if given > 0 {
            throw SimpleTOML.ParseError(path: path, line: 1, reason: "[week] must list all seven days (mon … sun) or none")
        } else if definition.extends == nil {
            throw SimpleTOML.ParseError(path: path, line: 1, reason: "a calendar without `extends` needs a [week]")
        }
        return definition
    }

    /// The working calendar in `timeZone`: this definition's days over `base` (the calendar
    /// named by `extends`, already built), its week or the base's.
    public func calendar(timeZone: TimeZone, base: WorkingCalendar? = nil) -> WorkingCalendar {
        let week = self.week ?? base?.week ?? WorkingCalendar.russianOfficeWeek(timeZone: timeZone).week
        let days = (base?.specialDays ?? [:]).merging(self.days) { _, mine in mine }
        let name = base.map { $0.name.isEmpty ? code : "\($0.name) + \(code)" } ?? code
        let notes = (base?.notes ?? [:]).merging(self.notes) { _, mine in mine }
        return WorkingCalendar(timeZone: timeZone, week: week, specialDays: days, name: name, notes: notes)
    }

    /// Checks the promised number of working days; nil when it holds (or none is promised).
    public func verify(base: WorkingCalendar? = nil) -> String? {
        guard let year, let workingDays else { return nil }
        let calendar = self.calendar(timeZone: TimeZone(identifier: "UTC")!, base: base)
        let first = CivilDay(year: year, month: 1, day: 1)
        let length = CivilDay(year: year + 1, month: 1, day: 1).number - first.number
        let counted = (0..<length).filter { calendar.isWorkingDay(first.adding(days: $0)) }.count
        return counted == workingDays ? nil
            : "\(code): \(counted) working days in \(year), the file says working_days = \(workingDays)"
    }
}

extension WorkingInterval {
    /// "09:00-13:00"; "24:00" may end the day.
    public init?(text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let start = Self.minute(parts[0]), let end = Self.minute(parts[1]),
              start >= 0, start < end, end <= 1_440 else { return nil }
        self.init(start: start, end: end)
    }

    static func minute(_ text: Substring) -> Int? {
        let hm = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard hm.count == 2, hm[0].count <= 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
              (0...24).contains(h), (0...59).contains(m), h < 24 || m == 0 else { return nil }
        return h * 60 + m
    }

    /// "09:00-13:00".
    public var text: String {
        func hm(_ minute: Int) -> String {
            let h = minute / 60, m = minute % 60
            return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
        }
        return "\(hm(start))-\(hm(end))"
    }
}
