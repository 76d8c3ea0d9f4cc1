import Foundation

/// Compliance figures per agency, topic or operator (`otklik report sla`).
///
/// Every clock that has been judged counts once: met (stopped by its deadline) or breached
/// (stopped after it, or still running past it). Clocks still running in time, and those
/// cancelled because no answer was owed, are not judged yet. Compliance is met ÷ judged.
/// First-reaction times are given twice: in working time in the incident's calendar (what
/// the targets count) and in wall-clock time (what the citizen waited); the 90th
/// percentile is the nearest-rank one.
public struct SLAReportRow: Sendable, Equatable {
    public var group: String
    public var incidents = 0
    public var met = 0
    public var breached = 0
    /// First-reaction times in working seconds, for the median and the 90th percentile.
    public var firstReactions: [Int] = []
    /// The same in wall-clock seconds.
    public var firstReactionsWall: [Int] = []
    /// Breached clocks by kind.
    public var breachesByClock: [SLAClockKind: Int] = [:]

    public init(group: String) { self.group = group }

    public var judged: Int { met + breached }
    /// Met ÷ judged, 0–100; nil when nothing is judged yet.
    public var compliance: Double? { judged == 0 ? nil : Double(met) * 100 / Double(judged) }
    public var firstReactionMedian: Int? { SLAReport.percentile(firstReactions.sorted(), 50) }
    public var firstReactionP90: Int? { SLAReport.percentile(firstReactions.sorted(), 90) }
    public var wallReactionMedian: Int? { SLAReport.percentile(firstReactionsWall.sorted(), 50) }
    public var wallReactionP90: Int? { SLAReport.percentile(firstReactionsWall.sorted(), 90) }

    /// Adds one incident: its clocks' outcomes and its first-reaction time (working and
    /// wall-clock seconds).
    public mutating func add(outcomes: [(SLAClockKind, met: Bool)], firstReaction: Int?, firstReactionWall: Int? = nil) {
        incidents += 1
        for (kind, ok) in outcomes {
            if ok { met += 1 } else { breached += 1; breachesByClock[kind, default: 0] += 1 }
        }
        if let firstReaction { firstReactions.append(firstReaction) }
        if let firstReactionWall { firstReactionsWall.append(firstReactionWall) }
    }
}

public enum SLAReport {
    public enum Format: String, CaseIterable, Sendable {
        case table, csv, json
    }

    /// The nearest-rank percentile of sorted values (50: the median).
    public static func percentile(_ sorted: [Int], _ p: Int) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((Double(p) / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// The outcome of one clock kept in the store's columns, judged at `now`: met, breached,
    /// or nil (not judged yet, or no deadline).
    public static func outcome(due: Date?, done: Date?, now: Date) -> Bool? {
        guard let due else { return nil }
        if let done { return done <= due }
        return due <= now ? false : nil
    }

    public static func render(_ rows: [SLAReportRow], by dimension: String, format: Format, from: Date, to: Date) -> String {
        let total = rows.reduce(into: SLAReportRow(group: "total")) { sum, row in
            sum.incidents += row.incidents
            sum.met += row.met
            sum.breached += row.breached
            sum.firstReactions += row.firstReactions
            sum.firstReactionsWall += row.firstReactionsWall
            for (kind, n) in row.breachesByClock { sum.breachesByClock[kind, default: 0] += n }
        }
        let all = rows + (rows.count > 1 ? [total] : [])
        switch format {
        case .table:
            let header = [dimension, "incidents", "judged", "met", "breached", "compliance", "reaction median", "p90",
                          "wall median", "wall p90"]
            let body = all.map { row in
                [row.group, "\(row.incidents)", "\(row.judged)", "\(row.met)", "\(row.breached)", percent(row.compliance),
                 minutes(row.firstReactionMedian), minutes(row.firstReactionP90), minutes(row.wallReactionMedian),
                 minutes(row.wallReactionP90)]
            }
            let widths = header.indices.map { i in ([header[i]] + body.map { $0[i] }).map(\.count).max()! }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { i, cell in
                    i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[i] - cell.count) + cell
                }.joined(separator: "  ")
            }
            var lines = [line(header), line(widths.map { String(repeating: "-", count: $0) })]
            lines += body.enumerated().map { i, cells in
                (i == body.count - 1 && rows.count > 1 ? line(widths.map { String(repeating: "-", count: $0) }) + "\n" : "") + line(cells)
            }
            lines.append("")
            lines.append("Incidents registered \(iso(from)) – \(iso(to)) (UTC). Reaction: working time in each incident's calendar; wall: clock time.")
            return lines.joined(separator: "\n")
        case .csv:
            var lines = ["\(dimension),incidents,judged,met,breached,compliance_percent,first_reaction_median_minutes,first_reaction_p90_minutes,breached_first_reaction,breached_answer,breached_final,breached_next_reply,first_reaction_wall_median_minutes,first_reaction_wall_p90_minutes"]
            for row in all {
                func minutes(_ seconds: Int?) -> String { seconds.map { "\($0 / 60)" } ?? "" }
                var fields: [String] = [csvField(row.group), "\(row.incidents)", "\(row.judged)", "\(row.met)", "\(row.breached)"]
                fields.append(row.compliance.map { String(format: "%.1f", $0) } ?? "")
                fields += [minutes(row.firstReactionMedian), minutes(row.firstReactionP90)]
                fields += SLAClockKind.allCases.map { "\(row.breachesByClock[$0] ?? 0)" }
                fields += [minutes(row.wallReactionMedian), minutes(row.wallReactionP90)]
                lines.append(fields.joined(separator: ","))
            }
            return lines.joined(separator: "\n")
        case .json:
            let objects: [[String: Any]] = all.map { row in
                var object: [String: Any] = [
                    "group": row.group, "incidents": row.incidents, "judged": row.judged, "met": row.met, "breached": row.breached,
                    "breaches": Dictionary(uniqueKeysWithValues: SLAClockKind.allCases.map { ($0.rawValue, row.breachesByClock[$0] ?? 0) }),
                ]
                object["compliance_percent"] = row.compliance.map { ($0 * 10).rounded() / 10 } ?? NSNull()
                object["first_reaction_median_minutes"] = row.firstReactionMedian.map { $0 / 60 } ?? NSNull()
                object["first_reaction_p90_minutes"] = row.firstReactionP90.map { $0 / 60 } ?? NSNull()
                object["first_reaction_wall_median_minutes"] = row.wallReactionMedian.map { $0 / 60 } ?? NSNull()
                object["first_reaction_wall_p90_minutes"] = row.wallReactionP90.map { $0 / 60 } ?? NSNull()
                return object
            }
            let document: [String: Any] = ["by": dimension, "from": iso(from), "to": iso(to), "rows": objects]
            let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f %%", $0) } ?? "—" }

    static func minutes(_ seconds: Int?) -> String {
        guard let seconds else { return "—" }
        return SLAExplanation.duration(seconds)
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func iso(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDay(number: WorkingCalendar.floorDiv(seconds, 86_400))
        let s = seconds - day.number * 86_400
        return "\(day) \(SLAExplanation.two(s / 3_600)):\(SLAExplanation.two(s % 3_600 / 60))"
    }
}
