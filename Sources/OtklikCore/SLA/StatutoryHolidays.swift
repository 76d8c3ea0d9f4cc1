/// Russia's non-working holidays as the Labour Code fixes them (art. 112, art. 95), for
/// years whose production calendar has not been loaded yet — so that a deadline running
/// into next January never counts the New Year holidays as working days.
///
/// What the code fixes: 1–6 and 8 January (New Year holidays), 7 January (Christmas),
/// 23 February, 8 March, 1 and 9 May, 12 June, 4 November; a holiday (other than those of
/// January) falling on a Saturday or Sunday moves the day off to the next working day;
/// the working day before a holiday is an hour shorter. What it does not fix — the
/// government's yearly transfers of days off (the weekend days that coincide with the
/// January holidays, bridges) — arrives with that year's decree and calendar file, which
/// then replaces these days.
public enum StatutoryHolidays {
    static let fixed: [(month: Int, day: Int, name: String)] = [
        (1, 1, "Новогодние каникулы"), (1, 2, "Новогодние каникулы"), (1, 3, "Новогодние каникулы"),
        (1, 4, "Новогодние каникулы"), (1, 5, "Новогодние каникулы"), (1, 6, "Новогодние каникулы"),
        (1, 7, "Рождество Христово"), (1, 8, "Новогодние каникулы"),
        (2, 23, "День защитника Отечества"), (3, 8, "Международный женский день"),
        (5, 1, "Праздник Весны и Труда"), (5, 9, "День Победы"), (6, 12, "День России"),
        (11, 4, "День народного единства"),
    ]

    /// The special days of `year` by the Labour Code alone, with their names.
    public static func days(year: Int) -> (days: [CivilDay: SpecialDay], notes: [CivilDay: String]) {
        var days: [CivilDay: SpecialDay] = [:]
        var notes: [CivilDay: String] = [:]
        func isWeekend(_ day: CivilDay) -> Bool { day.isoWeekday >= 6 }
        for holiday in fixed {
            let day = CivilDay(year: year, month: holiday.month, day: holiday.day)
            days[day] = .holiday
            notes[day] = holiday.name + " (по Трудовому кодексу; постановление о переносах ещё не загружено)"
        }
        // A weekend holiday outside January gives the next working day off.
        for holiday in fixed where holiday.month != 1 {
            let day = CivilDay(year: year, month: holiday.month, day: holiday.day)
            guard isWeekend(day) else { continue }
            var next = day.adding(days: 1)
            while isWeekend(next) || days[next] != nil { next = next.adding(days: 1) }
            days[next] = .holiday
            notes[next] = "Перенос выходного: \(holiday.name) (ст. 112 ТК РФ)"
        }
        // The working day before a holiday is an hour shorter (art. 95).
        for (day, kind) in days where kind == .holiday {
            let before = day.adding(days: -1)
            if !isWeekend(before) && days[before] == nil {
                days[before] = .shortened(byMinutes: 60)
                notes[before] = "Предпраздничный день (ст. 95 ТК РФ)"
            }
        }
        return (days, notes)
    }
}
