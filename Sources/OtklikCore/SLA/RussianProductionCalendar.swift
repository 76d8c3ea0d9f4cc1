import Foundation

/// The Russian federal production calendar (five-day week).
///
/// 2026: Government decree № 1466 of 24.09.2025. Non-working days: 1–11 January,
/// 21–23 February, 7–9 March, 1–3 May, 9–11 May, 12–14 June, 4 November, 31 December.
/// Shortened (one hour less): 30 April, 8 May, 11 June, 3 November. 247 working days.
///
/// The data file `calendars/ru-2026.toml` is the source; `toml2026` is the same text,
/// embedded so that the core (which reads no files) and the demo have it. A test keeps the
/// two equal. Regions add their own holidays with a file that `extends` it, or with
/// `WorkingCalendar.adding(_:)`.
public enum RussianProductionCalendar {
    /// `calendars/ru-2026.toml`, byte for byte (plus the final newline).
    public static let toml2026 = #"""
        # Производственный календарь Российской Федерации на 2026 год (пятидневная рабочая неделя).
        # Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»:
        # выходной с субботы 3 января перенесён на пятницу 9 января, с воскресенья 4 января — на
        # четверг 31 декабря. Предпраздничные дни короче на один час (ТК РФ, ст. 95).
        #
        # The data source of Otklik's national calendar (docs/sla.md, "Calendars"). The same text is
        # embedded in OtklikCore (RussianProductionCalendar.toml2026); a test keeps the two equal,
        # and loading checks `working_days` against the days below.

        code = "ru-2026"
        name = "Производственный календарь РФ 2026"
        year = 2026
        working_days = 247

        # An ordinary week in local time: working intervals "HH:MM-HH:MM", several a day for a
        # lunch break; [] is a day off. A 40-hour week: Mon–Thu 8 h 15 min, Fri 7 h, lunch 13:00–13:45.
        [week]
        mon = ["09:00-13:00", "13:45-18:00"]
        tue = ["09:00-13:00", "13:45-18:00"]
        wed = ["09:00-13:00", "13:45-18:00"]
        thu = ["09:00-13:00", "13:45-18:00"]
        fri = ["09:00-13:00", "13:45-16:45"]
        sat = []
        sun = []

        # Non-working days (holidays and the days off around them).
        [holidays]
        2026-01-01 = "Новогодние каникулы"
        2026-01-02 = "Новогодние каникулы"
        2026-01-03 = "Новогодние каникулы"
        2026-01-04 = "Новогодние каникулы"
        2026-01-05 = "Новогодние каникулы"
        2026-01-06 = "Новогодние каникулы"
        2026-01-07 = "Рождество Христово"
        2026-01-08 = "Новогодние каникулы"
        2026-01-09 = "Перенос с субботы 3 января"
        2026-01-10 = "Выходной"
        2026-01-11 = "Выходной"
        2026-02-21 = "Выходной"
        2026-02-22 = "Выходной"
        2026-02-23 = "День защитника Отечества"
        2026-03-07 = "Выходной"
        2026-03-08 = "Международный женский день"
        2026-03-09 = "Перенос с воскресенья 8 марта"
        2026-05-01 = "Праздник Весны и Труда"
        2026-05-02 = "Выходной"
        2026-05-03 = "Выходной"
        2026-05-09 = "День Победы"
        2026-05-10 = "Выходной"
        2026-05-11 = "Перенос с субботы 9 мая"
        2026-06-12 = "День России"
        2026-06-13 = "Выходной"
        2026-06-14 = "Выходной"
        2026-11-04 = "День народного единства"
        2026-12-31 = "Перенос с воскресенья 4 января"

        # Pre-holiday days: the working day ends this many minutes earlier.
        [shortened]
        2026-04-30 = 60
        2026-05-08 = 60
        2026-06-11 = 60
        2026-11-03 = 60

        # Transferred working days (a Saturday or Sunday worked), with their intervals like [week].
        # 2026 has none.
        [working]
        """# + "\n"

    /// The 2026 calendar as a definition (checked: 247 working days).
    ///
    /// The years after it, until their decrees' files are added, carry the Labour Code's
    /// holidays (`StatutoryHolidays`), so that deadlines running into January 2027 skip the
    /// New Year holidays.
    public static let definition2026: CalendarDefinition = {
        var definition = try! CalendarDefinition.parse(toml2026, path: "calendars/ru-2026.toml")
        precondition(definition.verify() == nil, "the embedded 2026 calendar does not add up")
        for year in 2027...2030 {
            let statutory = StatutoryHolidays.days(year: year)
            definition.days.merge(statutory.days) { decreed, _ in decreed }
            definition.notes.merge(statutory.notes) { decreed, _ in decreed }
        }
        return definition
    }()

    /// The special days of 2026.
    public static var days2026: [CivilDay: SpecialDay] { definition2026.days }

    /// The 2026 calendar in a time zone.
    public static func calendar2026(timeZone: TimeZone) -> WorkingCalendar {
        definition2026.calendar(timeZone: timeZone)
    }
}
