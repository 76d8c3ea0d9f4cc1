import Foundation
import Testing
@testable import OtklikCore

/// Deadline cases in local time. `at("2026-11-27 17:30", zone)` is a local wall time.
func at(_ text: String, _ zone: String) -> Date {
    let parts = text.split(separator: " ")
    let day = CivilDay(iso: parts[0])!
    let hm = parts[1].split(separator: ":").map { Int($0)! }
    let calendar = WorkingCalendar.russianOfficeWeek(timeZone: TimeZone(identifier: zone)!)
    return calendar.instant(localSeconds: day.number * 86_400 + hm[0] * 3_600 + hm[1] * 60)
}

@Suite struct WorkingCalendarTests {
    let moscow = WorkingCalendar.russianOfficeWeek(timeZone: TimeZone(identifier: "Europe/Moscow")!,
                                                    specialDays: RussianProductionCalendar.days2026)

    @Test func fridayEveningRollsToMonday() {
        // Friday 27 Nov 2026 ends at 16:45; 60 working minutes from 16:15 leave 30 for Monday.
        let due = moscow.addingWorkingMinutes(60, to: at("2026-11-27 16:15", "Europe/Moscow"))
        #expect(due == at("2026-11-30 09:30", "Europe/Moscow"))
    }

    @Test func lunchBreakIsNotWorkingTime() {
        let due = moscow.addingWorkingMinutes(60, to: at("2026-11-25 12:30", "Europe/Moscow"))
        #expect(due == at("2026-11-25 14:15", "Europe/Moscow"))
    }

    @Test func startOutsideWorkingTimeBeginsAtNextOpening() {
        #expect(moscow.addingWorkingMinutes(30, to: at("2026-11-25 07:00", "Europe/Moscow")) == at("2026-11-25 09:30", "Europe/Moscow"))
        #expect(moscow.addingWorkingMinutes(0, to: at("2026-11-28 12:00", "Europe/Moscow")) == at("2026-11-30 09:00", "Europe/Moscow"))
    }

    @Test func januaryHolidaysAreSkipped() {
        // From Wednesday 31 Dec 2025, 17:00 (an ordinary day in this calendar), the next
        // working day after the holidays of 1–11 January 2026 is Monday 12 January.
        let due = moscow.addingWorkingMinutes(9 * 60, to: at("2025-12-31 17:00", "Europe/Moscow"))
        // 1 h on 31 Dec 2025 (not a 2026 holiday, ordinary Wednesday), then 8 h from 12 Jan.
        #expect(due == at("2026-01-12 17:45", "Europe/Moscow"))
    }

    @Test func shortenedPreHolidayDay() {
        // 3 Nov 2026 (Tuesday) ends at 17:00 instead of 18:00; 4 Nov is a holiday.
        #expect(moscow.intervals(on: CivilDay(iso: "2026-11-03")!).last?.end == 17 * 60)
        let due = moscow.addingWorkingMinutes(90, to: at("2026-11-03 16:00", "Europe/Moscow"))
        #expect(due == at("2026-11-05 09:30", "Europe/Moscow"))
    }

    @Test func transferredWorkingSaturday() {
        let saturday = CivilDay(iso: "2026-11-28")!
        let calendar = moscow.adding([saturday: .working([WorkingInterval(10, 0, 14, 0)])])
        let due = calendar.addingWorkingMinutes(60, to: at("2026-11-27 16:30", "Europe/Moscow"))
        #expect(due == at("2026-11-28 10:45", "Europe/Moscow"))
    }

    @Test func sameIncidentInKaliningradAndKamchatka() {
        // One instant: 06:00 UTC on Wednesday 25 Nov 2026 is 08:00 in Kaliningrad (UTC+2)
        // and 18:00 in Kamchatka (UTC+12), after its working day.
        let instant = Date(timeIntervalSince1970: TimeInterval(CivilDay(iso: "2026-11-25")!.number * 86_400 + 6 * 3_600))
        let west = WorkingCalendar.russianOfficeWeek(timeZone: TimeZone(identifier: "Europe/Kaliningrad")!)
        let east = WorkingCalendar.russianOfficeWeek(timeZone: TimeZone(identifier: "Asia/Kamchatka")!)
        #expect(west.addingWorkingMinutes(60, to: instant) == at("2026-11-25 10:00", "Europe/Kaliningrad"))
        #expect(east.addingWorkingMinutes(60, to: instant) == at("2026-11-26 10:00", "Asia/Kamchatka"))
    }

    @Test func workingDaysEndAtCloseOfTheLastOne() {
        // 7 working days after Monday 23 Nov 2026 → Wednesday 2 Dec, end of day.
        #expect(moscow.addingWorkingDays(7, to: at("2026-11-23 10:00", "Europe/Moscow")) == at("2026-12-02 18:00", "Europe/Moscow"))
        // Across the 4 November holiday: Monday 2 Nov + 3 working days → Friday 6 Nov.
        #expect(moscow.addingWorkingDays(3, to: at("2026-11-02 10:00", "Europe/Moscow")) == at("2026-11-06 16:45", "Europe/Moscow"))
    }

    @Test func calendarDaysMoveOffADayOff() {
        // 30 days from 2 Nov 2026 → 2 Dec (a Wednesday), ending at midnight.
        #expect(moscow.addingCalendarDays(30, to: at("2026-11-02 15:00", "Europe/Moscow")) == at("2026-12-03 00:00", "Europe/Moscow"))
        // 3 days from Wednesday 25 Nov → Saturday 28 → moves to Monday 30 Nov.
        #expect(moscow.addingCalendarDays(3, to: at("2026-11-25 15:00", "Europe/Moscow")) == at("2026-12-01 00:00", "Europe/Moscow"))
    }

    @Test func workingSecondsMatchAddition() {
        let start = at("2026-11-26 15:20", "Europe/Moscow")
        for minutes in [0, 1, 45, 400, 540, 2_000, 9_999] {
            let due = moscow.addingWorkingMinutes(minutes, to: start)!
            #expect(moscow.workingSeconds(from: start, to: due) == minutes * 60)
        }
    }

    @Test func productionCalendarHas247WorkingDaysIn2026() {
        let first = CivilDay(iso: "2026-01-01")!
        let working = (0..<365).filter { moscow.isWorkingDay(first.adding(days: $0)) }.count
        #expect(working == 247)
    }

    @Test func calendarFileReportsTheLine() {
        #expect(throws: SimpleTOML.ParseError(path: "x.toml", line: 3, reason: "a shortened day's value is how many minutes shorter it is (usually 60)")) {
            try CalendarDefinition.parse("code = \"x\"\n[shortened]\n2026-01-02 = \"feast\"\nextends = \"ru-2026\"", path: "x.toml")
        }
        #expect(throws: SimpleTOML.ParseError(path: "x.toml", line: 3, reason: "not an interval: \"09:00-25:00\" (HH:MM-HH:MM, start before end, within the day)")) {
            try CalendarDefinition.parse("code = \"x\"\n[working]\n2026-11-28 = [\"09:00-25:00\"]", path: "x.toml")
        }
    }

    /// Properties over many generated cases.
    @Test func additionIsMonotonicSplittableAndLandsInWorkingTime() {
        var random = SeededGenerator(seed: 7)
        let base = at("2026-01-05 00:00", "Europe/Moscow")
        for _ in 0..<400 {
            let start = base.addingTimeInterval(Double(random.below(300 * 86_400)))
            let a = random.below(3_000), b = random.below(3_000)
            let dueA = moscow.addingWorkingMinutes(a, to: start)!
            let dueAB = moscow.addingWorkingMinutes(a + b, to: start)!
            #expect(dueA <= dueAB)
            // Splitting: adding a then b equals adding a + b (when b > 0; zero may stay at a closing time).
            if b > 0 { #expect(moscow.addingWorkingMinutes(b, to: dueA) == dueAB) }
            // The deadline is inside or at the end of a working interval.
            if a > 0 {
                let day = moscow.day(of: dueA)
                let minute = (moscow.localSeconds(dueA) - day.number * 86_400) / 60
                let seconds = (moscow.localSeconds(dueA) - day.number * 86_400) % 60
                #expect(moscow.intervals(on: day).contains { $0.start < minute + (seconds > 0 ? 1 : 0) && minute <= $0.end })
            }
        }
    }
}
