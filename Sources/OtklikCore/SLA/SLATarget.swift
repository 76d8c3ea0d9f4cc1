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
public struct SLATarget: Hashable, Sendable, Codable {
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
}
