/// The Russian federal production calendar (five-day week).
///
/// 2026: Government decree № 1466 of 24.09.2025. Non-working days: 1–11 January,
/// 21–23 February, 7–9 March, 1–3 May, 9–11 May, 12–14 June, 4 November, 31 December.
/// Shortened (one hour less): 30 April, 8 May, 11 June, 3 November. 247 working days.
/// Regions add their own holidays with `WorkingCalendar.adding(_:)`.
public enum RussianProductionCalendar {
    /// The data in the plain format `YYYY-MM-DD kind`, one day a line, kind being
    /// `holiday`, `shortened` or `working` (a transferred working day).
    public static let text2026 = """
        2026-01-01 holiday
        2026-01-02 holiday
        2026-01-03 holiday
        2026-01-04 holiday
        2026-01-05 holiday
        2026-01-06 holiday
        2026-01-07 holiday
        2026-01-08 holiday
        2026-01-09 holiday
        2026-01-10 holiday
        2026-01-11 holiday
        2026-02-21 holiday
        2026-02-22 holiday
        2026-02-23 holiday
        2026-03-07 holiday
        2026-03-08 holiday
        2026-03-09 holiday
        2026-04-30 shortened
        2026-05-01 holiday
        2026-05-02 holiday
        2026-05-03 holiday
        2026-05-08 shortened
        2026-05-09 holiday
        2026-05-10 holiday
        2026-05-11 holiday
        2026-06-11 shortened
        2026-06-12 holiday
        2026-06-13 holiday
        2026-06-14 holiday
        2026-11-03 shortened
        2026-11-04 holiday
        2026-12-31 holiday
        """

    /// The special days of 2026.
    public static let days2026: [CivilDay: SpecialDay] = try! parse(text2026)

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// Parses the plain format. A `working` day gets the ordinary Monday intervals
    /// 09:00–13:00 and 13:45–18:00. Blank lines and `#` comments are skipped.
    public static func parse(_ text: String) throws -> [CivilDay: SpecialDay] {
        var result: [CivilDay: SpecialDay] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty { continue }
            guard fields.count == 2 else { throw ParseError(line: index + 1, reason: "expected `YYYY-MM-DD kind`") }
            guard let day = CivilDay(iso: fields[0]) else {
                throw ParseError(line: index + 1, reason: "not a date: \(fields[0])")
            }
            switch fields[1] {
            case "holiday": result[day] = .holiday
            case "shortened": result[day] = .shortened(byMinutes: 60)
            case "working": result[day] = .working([WorkingInterval(9, 0, 13, 0), WorkingInterval(13, 45, 18, 0)])
            default: throw ParseError(line: index + 1, reason: "unknown kind \(fields[1]) (holiday, shortened, working)")
            }
        }
        return result
    }
}
