import Foundation

/// How a deadline's amount is counted.
public enum SLAUnit: String, CaseIterable, Sendable, Codable {
    /// Minutes of the agency's working time (lunch breaks, nights and holidays excluded).
    case workingMinutes = "working_minutes"
    /// Whole working days; the deadline is the end of the last one.
    case workingDays = "working_days"
    /// Wall-clock minutes.
    case calendarMinutes = "calendar_minutes"
    /// Calendar days counted from the next day; a deadline on a day off moves to the
    /// next working day.
    case calendarDays = "calendar_days"
}

/// One target of a policy, such as "9 working hours".
public struct SLATarget: Hashable, Sendable, Codable, CustomStringConvertible {
    public let amount: Int
    public let unit: SLAUnit

    public init(_ amount: Int, _ unit: SLAUnit) {
        precondition(amount > 0, "an SLA target is positive")
        self.amount = amount
        self.unit = unit
    }

    public static func workingHours(_ h: Int) -> SLATarget { SLATarget(h * 60, .workingMinutes) }
    public static func workingDays(_ d: Int) -> SLATarget { SLATarget(d, .workingDays) }
    public static func calendarDays(_ d: Int) -> SLATarget { SLATarget(d, .calendarDays) }
    public static func calendarHours(_ h: Int) -> SLATarget { SLATarget(h * 60, .calendarMinutes) }

    /// The deadline for this target counted from `start` in `calendar`.
    public func deadline(from start: Date, in calendar: WorkingCalendar) -> Date? {
        switch unit {
        case .workingMinutes: calendar.addingWorkingMinutes(amount, to: start)
        case .workingDays: calendar.addingWorkingDays(amount, to: start)
        case .calendarMinutes: start.addingTimeInterval(TimeInterval(amount * 60))
        case .calendarDays: calendar.addingCalendarDays(amount, to: start)
        }
    }

    /// The same target made longer by another of the same unit (an extension), or nil when
    /// the units differ.
    public func extended(by other: SLATarget, times: Int) -> SLATarget? {
        guard other.unit == unit else { return nil }
        return SLATarget(amount + other.amount * times, unit)
    }

    /// "9 working hours", "30 working minutes", "7 working days", "30 calendar days",
    /// "24 calendar hours".
    public var description: String {
        switch unit {
        case .workingMinutes: amount % 60 == 0 ? Self.count(amount / 60, "working hour") : Self.count(amount, "working minute")
        case .workingDays: Self.count(amount, "working day")
        case .calendarMinutes: amount % 60 == 0 ? Self.count(amount / 60, "calendar hour") : Self.count(amount, "calendar minute")
        case .calendarDays: Self.count(amount, "calendar day")
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Parses "9 working hours", "30 working minutes", "7 working days", "30 calendar
    /// days", "24 calendar hours", "90 calendar minutes" (singular or plural, underscores or
    /// spaces), and the short forms "9wh", "30wmin", "7wd", "30d", "24h", "90min".
    public init?(text: String) {
        let lowered = text.lowercased().replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
        let digits = lowered.prefix { $0.isNumber }
        guard let n = Int(digits), n > 0 else { return nil }
        var unit = lowered.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        if unit.hasSuffix("s"), unit.count > 3 { unit.removeLast() }
        switch unit {
        case "working hour", "wh": self.init(n * 60, .workingMinutes)
        case "working minute", "wmin": self.init(n, .workingMinutes)
        case "working day", "wd": self.init(n, .workingDays)
        case "calendar day", "day", "d": self.init(n, .calendarDays)
        case "calendar hour", "hour", "h": self.init(n * 60, .calendarMinutes)
        case "calendar minute", "minute", "min": self.init(n, .calendarMinutes)
        default: return nil
        }
    }
}
