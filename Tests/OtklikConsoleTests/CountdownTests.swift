import Foundation
import OtklikCore
import Testing
@testable import OtklikConsole

/// Countdowns in the agency's working time (docs/sla.md, "Countdowns").
@Suite struct CountdownTests {
    static let zone = TimeZone(identifier: "Europe/Moscow")!
    static let calendar = RussianProductionCalendar.calendar2026(timeZone: zone)

    /// Local wall time in Moscow.
    static func local(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
        let seconds = CivilDay(iso: day)!.number * 86_400 + hour * 3_600 + minute * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds - 3 * 3_600))
    }

    @Test func workingTimeUnits() {
        let ru = Strings.russian
        // Wednesday 10:00, due 12:15: 2 h 15 min.
        #expect(Countdown.text(until: Self.local("2026-11-25", 12, 15), now: Self.local("2026-11-25", 10), calendar: Self.calendar, strings: ru) == "2 ч 15 мин")
        // Across lunch: 12:30 → 14:15 is one working hour.
        #expect(Countdown.text(until: Self.local("2026-11-25", 14, 15), now: Self.local("2026-11-25", 12, 30), calendar: Self.calendar, strings: ru) == "1 ч 0 мин")
        // Friday 16:00 → Tuesday 12:00: 45 min + 8 h 15 min + 3 h = 12 h = 1 working day 4 h.
        #expect(Countdown.text(until: Self.local("2026-12-01", 12), now: Self.local("2026-11-27", 16), calendar: Self.calendar, strings: ru) == "1 р. д. 4 ч")
        // Over the weekend the countdown stands still.
        #expect(Countdown.text(until: Self.local("2026-11-30", 9, 45), now: Self.local("2026-11-28", 12), calendar: Self.calendar, strings: ru) == "45 мин")
        // Past the deadline: "−45 мин" in the list, "просрочено 45 мин" in the detail pane.
        #expect(Countdown.text(until: Self.local("2026-11-25", 10), now: Self.local("2026-11-25", 10, 45), calendar: Self.calendar, strings: ru) == "−45 мин")
        #expect(Countdown.text(until: Self.local("2026-11-25", 10), now: Self.local("2026-11-25", 10, 45), calendar: Self.calendar, strings: ru, long: true) == "просрочено 45 мин")
        #expect(Countdown.text(until: Self.local("2026-11-25", 10), now: Self.local("2026-11-25", 10, 0) + 20, calendar: Self.calendar, strings: ru) == "−<1 мин")
        #expect(Countdown.workingText(30 * 3_600, strings: .english) == "3 wd 6 h")
        #expect(Countdown.workingText(90 * 3_600, strings: ru) == "11 р. д.")
        // Without a calendar: wall-clock time as before.
        #expect(Countdown.text(until: Self.local("2026-11-25", 12, 15), now: Self.local("2026-11-25", 10), calendar: nil, strings: ru) == "2 ч 15 мин")
    }

    @Test func widestColumnTextFits() {
        // The SLA column is 12 cells wide.
        for seconds in [59, 3_599, 7 * 3_600 + 59 * 60, 9 * 8 * 3_600 + 7 * 3_600, 400 * 3_600] {
            #expect(DisplayWidth.of("−" + Countdown.workingText(seconds, strings: .russian)) <= 12, "\(seconds)")
        }
    }
}
