import Foundation
import Testing
@testable import OtklikCore

/// The calendar data files of `calendars/` and their parser.
@Suite struct CalendarFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func embeddedCalendarIsTheDataFile() throws {
        #expect(try Self.read("calendars/ru-2026.toml") == RussianProductionCalendar.toml2026)
    }

    @Test func the2026FileAddsUp() throws {
        let definition = try CalendarDefinition.parse(try Self.read("calendars/ru-2026.toml"), path: "ru-2026.toml")
        #expect(definition.code == "ru-2026")
        #expect(definition.verify() == nil)
        #expect(definition.days.count == 32)
        #expect(definition.notes[CivilDay(iso: "2026-11-04")!] == "День народного единства")
        // A changed promise is caught.
        var wrong = definition
        wrong.workingDays = 250
        #expect(wrong.verify() == "ru-2026: 247 working days in 2026, the file says working_days = 250")
    }

    @Test func regionalFileAddsHolidays() throws {
        let national = RussianProductionCalendar.calendar2026(timeZone: TimeZone(identifier: "Asia/Yekaterinburg")!)
        let regional = try CalendarDefinition.parse(try Self.read("calendars/regions/ru-ba-2026.toml"), path: "ru-ba-2026.toml")
        #expect(regional.extends == "ru-2026")
        #expect(regional.week == nil)
        let calendar = regional.calendar(timeZone: national.timeZone, base: national)
        #expect(!calendar.isWorkingDay(CivilDay(iso: "2026-03-20")!))
        #expect(national.isWorkingDay(CivilDay(iso: "2026-03-20")!))
        #expect(calendar.week == national.week)
        let first = CivilDay(iso: "2026-01-01")!
        #expect((0..<365).filter { calendar.isWorkingDay(first.adding(days: $0)) }.count == 244)
        // 9 working hours from Thursday 19 March 17:00 in Ufa: 1 h, Friday off, Monday 8 h.
        let due = calendar.addingWorkingMinutes(9 * 60, to: at("2026-03-19 17:00", "Asia/Yekaterinburg"))
        #expect(due == at("2026-03-23 17:45", "Asia/Yekaterinburg"))
    }

    @Test func weekWithSeveralIntervalsAndAZone() throws {
        let definition = try CalendarDefinition.parse("""
            code = "vodokanal"
            name = "Водоканал: аварийная служба"
            time_zone = "Asia/Kamchatka"
            [week]
            mon = ["08:00-12:00", "13:00-17:00", "18:00-22:00"]
            tue = ["08:00-12:00"]
            wed = []
            thu = []
            fri = []
            sat = []
            sun = ["00:00-24:00"]
            """, path: "v.toml")
        #expect(definition.timeZone == "Asia/Kamchatka")
        #expect(definition.week?[0].count == 3)
        #expect(definition.week?[6] == [WorkingInterval(start: 0, end: 1_440)])
    }

    @Test func errorsNameTheLine() {
        #expect(throws: SimpleTOML.ParseError(path: "c.toml", line: 2, reason: "unknown day \"mo\" (mon, tue, wed, thu, fri, sat, sun)")) {
            try CalendarDefinition.parse("[week]\nmo = []", path: "c.toml")
        }
        #expect(throws: SimpleTOML.ParseError(path: "c.toml", line: 5, reason: "2026-01-01 is listed twice")) {
            try CalendarDefinition.parse("code = \"c\"\nextends = \"x\"\n[holidays]\n2026-01-01 = \"a\"\n2026-01-01 = \"b\"", path: "c.toml")
        }
        #expect(throws: SimpleTOML.ParseError(path: "c.toml", line: 1, reason: "a calendar without `extends` needs a [week]")) {
            try CalendarDefinition.parse("code = \"c\"", path: "c.toml")
        }
        #expect(throws: SimpleTOML.ParseError(path: "c.toml", line: 2, reason: "unknown time zone \"Mars/Olympus\" (an IANA name such as Europe/Moscow)")) {
            try CalendarDefinition.parse("code = \"c\"\ntime_zone = \"Mars/Olympus\"", path: "c.toml")
        }
    }
}

@Suite struct StatutoryHolidayTests {
    @Test func theLabourCodesHolidaysOf2027() {
        let (days, _) = StatutoryHolidays.days(year: 2027)
        func day(_ iso: String) -> SpecialDay? { days[CivilDay(iso: iso)!] }
        for d in 1...8 { #expect(day("2027-01-0\(d)") == .holiday) }
        #expect(day("2027-02-23") == .holiday && day("2027-03-08") == .holiday && day("2027-06-12") == .holiday)
        // 9 May 2027 is a Sunday: Monday 10 May is the day off instead.
        #expect(day("2027-05-09") == .holiday && day("2027-05-10") == .holiday)
        // 12 June 2027 is a Saturday: Monday 14 June is off.
        #expect(day("2027-06-14") == .holiday)
        // The working day before a holiday is an hour shorter: Monday 22 February, Friday 30 April.
        #expect(day("2027-02-22") == .shortened(byMinutes: 60) && day("2027-04-30") == .shortened(byMinutes: 60))
        #expect(day("2027-01-11") == nil)
    }

    @Test func aDeadlineRunningIntoJanuary2027SkipsTheNewYearHolidays() {
        let calendar = RussianProductionCalendar.calendar2026(timeZone: TimeZone(identifier: "Europe/Moscow")!)
        // Wednesday 30 December 2026, 16:15; 9 working hours. 31 December is a day off by
        // the 2026 decree; 1–8 January by the Labour Code; the weekend 9–10 January.
        let start = Timestamp(2026, 12, 30, 16, 15)
        let due = calendar.addingWorkingMinutes(9 * 60, to: start)!
        #expect(calendar.day(of: due) == CivilDay(iso: "2027-01-11"))
    }

    private func Timestamp(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int) -> Date {
        let calendar = RussianProductionCalendar.calendar2026(timeZone: TimeZone(identifier: "Europe/Moscow")!)
        return calendar.startOfDay(CivilDay(year: y, month: mo, day: d)).addingTimeInterval(TimeInterval(h * 3600 + mi * 60))
    }
}
