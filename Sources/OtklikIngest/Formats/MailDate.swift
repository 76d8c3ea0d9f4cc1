import Foundation

/// Dates of e-mail: the RFC 5322 `Date:` header and the asctime date of an mbox `From `
/// line. Hand-written and lenient, as mail in the wild needs:
///
/// - `Mon, 30 Nov 2026 09:15:00 +0500`, without the weekday, without seconds, a one-digit
///   day or hour;
/// - two-digit years (00–49 → 20xx, 50–99 → 19xx) and three-digit ones (+1900);
/// - `(comment)` anywhere, as in `+0500 (YEKT)`, and a bare zone name after a numeric zone;
/// - obsolete zones: UT, UTC, GMT, Z, the US zones (EST, EDT, CST, CDT, MST, MDT, PST, PDT),
///   MSK (+0300), MSD (+0400) and the Russian zone abbreviations; an unknown alphabetic
///   zone counts as +0000, as RFC 5322 says; `GMT+3`, `+05:00`, `+05`;
/// - the asctime order `Mon Nov 30 04:15:00 2026` of mbox `From ` lines, also with a zone
///   before the year (`Mon Nov 30 04:15:00 +0000 2026`, Gmail's exports).
///
/// A time without any zone is read in `defaultZone`; nil when there is none.
enum MailDate {
    static func parse(_ text: String, defaultZone: TimeZone?) -> Date? {
        let tokens = tokenize(withoutComments(text))
        guard !tokens.isEmpty, tokens.count <= 8 else { return nil }
        var month: Int?
        var numbers: [String] = []
        var time: (hour: Int, minute: Int, second: Int)?
        var zone: Int?
        var zoneNameSeen = false
        for (index, token) in tokens.enumerated() {
            let lower = token.lowercased()
            if index == 0, isWeekday(lower) { continue }
            if month == nil, let m = monthNumber(lower) {
                month = m
                continue
            }
            if token.contains(":"), time == nil, zone == nil {
                guard let t = parseTime(token) else { return nil }
                time = t
                continue
            }
            if token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                guard numbers.count < 2, token.utf8.count <= 4 else { return nil }
                numbers.append(token)
                continue
            }
            if time != nil {
                if zone == nil, let z = zoneOffset(token) {
                    zone = z
                    continue
                }
                // A zone name after a numeric zone: "+0500 YEKT".
                if zone != nil, !zoneNameSeen, lower.unicodeScalars.allSatisfy({ $0 >= "a" && $0 <= "z" }) {
                    zoneNameSeen = true
                    continue
                }
            }
            return nil
        }
        guard let month, let time, numbers.count == 2 else { return nil }
        var dayText = numbers[0]
        var yearText = numbers[1]
        if dayText.utf8.count >= 3, yearText.utf8.count <= 2 { swap(&dayText, &yearText) }
        guard dayText.utf8.count <= 2, let day = Int(dayText), var year = Int(yearText) else { return nil }
        switch yearText.utf8.count {
        case 1, 2: year += year < 50 ? 2000 : 1900
        case 3: year += 1900
        default: break
        }
        guard (1...Timestamp.daysIn(month: month, year: year)).contains(day) else { return nil }
        if let zone {
            let local = Timestamp.localSeconds(year: year, month: month, day: day, hour: time.hour, minute: time.minute,
                                               second: time.second)
            return Date(timeIntervalSince1970: local - Double(zone))
        }
        guard let defaultZone else { return nil }
        return Timestamp.local(year: year, month: month, day: day, hour: time.hour, minute: time.minute,
                               second: time.second, zone: defaultZone)
    }

    /// The date of an mbox `From ` line (`From ivan@example.org Mon Nov 30 04:15:00 2026`),
    /// read in UTC when it names no zone; nil when the line holds none.
    static func envelope<Bytes: Collection>(_ line: Bytes) -> Date? where Bytes.Element == UInt8 {
        let bytes = Array(line)
        guard bytes.count > 5, bytes.starts(with: Array("From ".utf8)) else { return nil }
        var i = 5
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        while i < bytes.count, bytes[i] != 0x20, bytes[i] != 0x09 { i += 1 }  // the sender
        guard i < bytes.count, let rest = String(validating: bytes[i...], as: UTF8.self) else { return nil }
        return parse(rest, defaultZone: TimeZone(identifier: "UTC"))
    }

    // MARK: - Pieces

    static func withoutComments(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var depth = 0
        var escaped = false
        for scalar in text.unicodeScalars {
            if depth > 0 {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "(" { depth += 1 } else if scalar == ")" { depth -= 1 }
                if depth == 0 { out.append(" ") }
                continue
            }
            if scalar == "(" { depth = 1 } else { out.append(scalar) }
        }
        return String(out)
    }

    static func tokenize(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" || $0 == "\n" }).map(String.init)
    }

    static func isWeekday(_ lower: String) -> Bool {
        let name = lower.hasSuffix(".") ? String(lower.dropLast()) : lower
        return weekdays.contains(name)
    }

    static func monthNumber(_ lower: String) -> Int? {
        let name = lower.hasSuffix(".") ? String(lower.dropLast()) : lower
        if let m = months.firstIndex(of: name) { return m + 1 }
        if let m = monthNames.firstIndex(of: name) { return m + 1 }
        return name == "sept" ? 9 : nil
    }

    static func parseTime(_ token: String) -> (hour: Int, minute: Int, second: Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var values: [Int] = []
        for part in parts {
            guard (1...2).contains(part.utf8.count), part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let v = Int(part) else { return nil }
            values.append(v)
        }
        let second = values.count == 3 ? values[2] : 0
        guard values[0] <= 23, values[1] <= 59, second <= 60 else { return nil }
        return (values[0], values[1], second)
    }

    /// A zone's offset from UTC in seconds: `+0500`, `-05:00`, `+05`, `GMT+3`, a zone name.
    static func zoneOffset(_ token: String) -> Int? {
        let lower = token.lowercased()
        let scalars = Array(lower.unicodeScalars)
        guard let first = scalars.first else { return nil }
        if first == "+" || first == "-" {
            return numericOffset(scalars)
        }
        let letters = scalars.prefix(while: { $0 >= "a" && $0 <= "z" })
        guard !letters.isEmpty else { return nil }
        if letters.count < scalars.count {
            // GMT+3, UTC-05:00
            let name = String(String.UnicodeScalarView(letters))
            guard name == "gmt" || name == "utc" || name == "ut" else { return nil }
            return numericOffset(Array(scalars[letters.count...]), shortHours: true)
        }
        guard letters.count <= 5 else { return nil }
        return (zones[lower] ?? 0) * 3600
    }

    private static func numericOffset(_ scalars: [Unicode.Scalar], shortHours: Bool = false) -> Int? {
        guard let sign = scalars.first, sign == "+" || sign == "-" else { return nil }
        var digits = scalars.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        if digits.count == 1, shortHours { digits.insert("0", at: 0) }
        guard digits.count == 2 || digits.count == 4 else { return nil }
        let values = digits.map { Int($0.value) - 0x30 }
        let hours = values[0] * 10 + values[1]
        let minutes = values.count == 4 ? values[2] * 10 + values[3] : 0
        guard hours <= 23, minutes <= 59 else { return nil }
        return (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
    }

    static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "tues", "thur", "thurs",
    ]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"]

    /// Zone names in hours from UTC. Military one-letter zones other than Z count as +0000,
    /// as RFC 5322 asks (their sign was often wrong).
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
        "cet": 1, "cest": 2, "eet": 2, "eest": 3, "bst": 1,
        "msk": 3, "msd": 4,
        "kalt": 2, "samt": 4, "yekt": 5, "omst": 6, "novt": 7, "krat": 7, "irkt": 8,
        "yakt": 9, "vlat": 10, "magt": 11, "sakt": 11, "sret": 11, "pett": 12, "anat": 12,
    ]
}
