import Foundation

/// How long ago something happened, in the largest whole unit: "5 мин", "3 ч", "12 д".
enum Age {
    static func text(since date: Date, now: Date, strings: Strings) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        if seconds >= 86_400 { return "\(seconds / 86_400) \(strings.day)" }
        if seconds >= 3_600 { return "\(seconds / 3_600) \(strings.hour)" }
        return "\(seconds / 60) \(strings.minute)"
    }
}
