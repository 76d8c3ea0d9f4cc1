import Foundation
import OtklikCore

/// The SLA column's text: time left until a deadline, or time past it.
///
/// More than a day: "2 д 3 ч"; more than an hour: "5 ч 40 мин"; less: "14:05" (minutes
/// and seconds, ticking every second); past the deadline the same with a leading "−".
/// Wall-clock time for now; working-time units arrive with the SLA engine.
public enum Countdown {
    public static func text(until due: Date, now: Date, strings: Strings) -> String {
        let seconds = Int(due.timeIntervalSince(now).rounded(.down))
        let magnitude = abs(seconds)
        let body: String
        if magnitude >= 86_400 {
            body = "\(magnitude / 86_400) \(strings.day) \(magnitude % 86_400 / 3_600) \(strings.hour)"
        } else if magnitude >= 3_600 {
            body = "\(magnitude / 3_600) \(strings.hour) \(magnitude % 3_600 / 60) \(strings.minute)"
        } else {
            let s = magnitude % 60
            body = "\(magnitude / 60):\(s < 10 ? "0" : "")\(s)"
        }
        return seconds < 0 ? strings.overduePrefix + body : body
    }
}

extension Countdown {
    /// Working hours in a working day, for the "р. д." unit (the 40-hour week's 8 hours).
    public static let workingDaySeconds = 8 * 3_600

    /// Time left until (or past) a deadline counted in the agency's working time, as the
    /// SLA engine counts it (docs/sla.md, "Countdowns"): "2 ч 15 мин", "1 р. д. 3 ч",
    /// "45 мин"; past the deadline "−45 мин" in the list, "просрочено 45 мин" when `long`.
    /// Outside working hours the countdown stands still. Without a calendar: wall-clock
    /// `text(until:now:strings:)`.
    public static func text(until due: Date, now: Date, calendar: WorkingCalendar?, strings: Strings, long: Bool = false) -> String {
        guard let calendar else {
            let wall = text(until: due, now: now, strings: strings)
            return long && due <= now ? wall.replacingOccurrences(of: strings.overduePrefix, with: strings.overdue + " ") : wall
        }
        let overdue = due <= now
        let seconds = overdue ? calendar.workingSeconds(from: due, to: now) : calendar.workingSeconds(from: now, to: due)
        let body = workingText(seconds, strings: strings)
        guard overdue else { return body }
        return long ? "\(strings.overdue) \(body)" : strings.overduePrefix + body
    }

    /// "1 р. д. 3 ч", "2 ч 15 мин", "45 мин", "<1 мин" (English: "1 wd 3 h", …).
    public static func workingText(_ seconds: Int, strings: Strings) -> String {
        let workingDay = strings.hour == "ч" ? "р. д." : "wd"
        let minutes = seconds / 60
        if seconds >= workingDaySeconds {
            let days = seconds / workingDaySeconds
            let hours = seconds % workingDaySeconds / 3_600
            return days >= 10 || hours == 0 ? "\(days) \(workingDay)" : "\(days) \(workingDay) \(hours) \(strings.hour)"
        }
        if minutes >= 60 { return "\(minutes / 60) \(strings.hour) \(minutes % 60) \(strings.minute)" }
        if minutes == 0 && seconds > 0 { return "<1 \(strings.minute)" }
        return "\(minutes) \(strings.minute)"
    }
}
