import Testing
@testable import OtklikCore

@Suite struct CivilDayTests {
    @Test func knownDatesAndWeekdays() {
        #expect(CivilDay(year: 1970, month: 1, day: 1).number == 0)
        #expect(CivilDay(year: 2026, month: 11, day: 29).isoWeekday == 7)  // a Sunday
        #expect(CivilDay(year: 2026, month: 1, day: 1).isoWeekday == 4)   // a Thursday
        #expect(CivilDay(year: 1969, month: 12, day: 31).isoWeekday == 3)
        #expect(CivilDay(year: 2024, month: 2, day: 29).description == "2024-02-29")
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        var previous = CivilDay(year: 1899, month: 12, day: 31)
        for number in previous.number + 1...CivilDay(year: 2300, month: 1, day: 1).number {
            let day = CivilDay(number: number)
            let c = day.components
            #expect(CivilDay(year: c.year, month: c.month, day: c.day) == day)
            #expect(day > previous)
            previous = day
        }
    }

    @Test func parsesOnlyRealDates() {
        #expect(CivilDay(iso: "2026-02-23") == CivilDay(year: 2026, month: 2, day: 23))
        #expect(CivilDay(iso: "2026-02-30") == nil)
        #expect(CivilDay(iso: "2026-2-3") == nil)
        #expect(CivilDay(iso: "yesterday") == nil)
    }
}
