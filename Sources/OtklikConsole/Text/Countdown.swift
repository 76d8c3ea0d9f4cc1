import Foundation

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
