import Foundation

/// Step-by-step explanations of deadlines, for `otklik sla due` and `otklik sla explain`:
/// which working intervals a target consumes, which days it skips and why, where pauses
/// and extensions move it. Plain lines of text (English, like the other commands); local
/// times are in the calendar's zone.
public enum SLAExplanation {
    /// How each target of `policy` counts from `start` in `calendar`.
    public static func due(policy: SLAPolicy, start: Date, calendar: WorkingCalendar, calendarLabel: String) -> [String] {
        var lines = [
            "Policy    \(policy.code) «\(policy.name)», warning at \(policy.warningPercent) % of the allowed time",
            "Calendar  \(calendarLabel)",
            "Start     \(stamp(start, calendar)) \(zoneLabel(calendar, at: start))",
        ]
        let context = SLAContext(policy: policy, calendar: calendar, label: calendarLabel)
        for kind in SLAClockKind.allCases {
            lines.append("")
            if kind == .final, policy.finalAnchor == .intermediateAnswer {
                lines.append("\(title(kind, policy)): \(policy.final) after the intermediate answer — counted from that answer;")
                lines.append("  were it given at the start:")
            }
            if kind == .nextReply {
                lines.append("\(title(kind, policy)): \(policy.target(.nextReply)) from a citizen's follow-up after an answer;")
                lines.append("  were one to arrive at the start:")
            }
            let schedule = SLAEngine.schedule(start: start, target: policy.target(kind), calendar: calendar, pauses: [],
                                              warningPercent: policy.warningPercent)
            let clock = SLAClock(kind: kind, start: start, target: policy.target(kind), context: context, due: schedule.due,
                                 warnAt: schedule.warn, dueBeforePause: nil, stoppedAt: nil, stop: nil, pauses: [], extensions: 0)
            lines += explain(clock, now: nil, withTitle: kind != .final && kind != .nextReply || kind == .final && policy.finalAnchor == .registration)
        }
        if policy.maxExtensions > 0, let more = policy.finalExtension {
            lines.append("")
            lines.append("Extensions: the final deadline may be extended \(policy.maxExtensions == 1 ? "once" : "\(policy.maxExtensions) times") by \(more), each with a recorded reason (otklik sla extend).")
        }
        return lines
    }

    /// One incident's clocks at `now`, with the facts they came from.
    public static func incident(number: Int, registeredAt: Date, evaluation: SLAEvaluation, facts: [SLAFact], now: Date) -> [String] {
        let calendar = evaluation.context.calendar
        var lines = [
            "Incident  №\(number), status \(evaluation.status.rawValue)",
            "Policy    \(evaluation.context.policy.code) «\(evaluation.context.policy.name)»",
            "Calendar  \(evaluation.context.label)",
            "Now       \(stamp(now, calendar)) \(zoneLabel(calendar, at: now))",
            "",
            "Facts",
            "  \(stamp(registeredAt, calendar))  registered: first reaction and answer start\(evaluation.context.policy.finalAnchor == .registration ? ", and the final answer" : "")",
        ]
        for fact in facts.sorted(by: { $0.at < $1.at }) where fact.at <= now {
            lines.append("  \(stamp(max(fact.at, registeredAt), calendar))  \(describe(fact.kind))")
        }
        for clock in evaluation.clocks {
            lines.append("")
            lines += explain(clock, now: now, withTitle: true)
        }
        lines.append("")
        if let due = evaluation.dueAt {
            lines.append("Inbox deadline (earliest running clock): \(stamp(due, calendar)); at risk from \(evaluation.warnAt.map { stamp($0, calendar) } ?? "—")")
        } else {
            lines.append("Inbox deadline: none — \(evaluation.status == .waitingCitizen ? "clocks paused while waiting for the citizen" : evaluation.status.isTerminal ? "the incident has ended" : "no clock runs")")
        }
        for note in evaluation.notes { lines.append("Note: \(note)") }
        return lines
    }

    /// A clock: its target, the walk through working time, its pauses, deadline and state.
    public static func explain(_ clock: SLAClock, now: Date?, withTitle: Bool) -> [String] {
        let calendar = clock.context.calendar
        let policy = clock.context.policy
        var lines: [String] = []
        if withTitle {
            var heading = "\(title(clock.kind, policy)): \(clock.target)"
            if clock.extensions > 0 { heading += " (extended \(clock.extensions)×)" }
            heading += ", from \(stamp(clock.start, calendar))"
            if !clock.context.label.isEmpty { heading += " — \(policy.code), \(clock.context.label)" }
            lines.append(heading)
        }
        for pause in clock.pauses {
            lines.append("  paused \(stamp(pause.start, calendar)) – \(pause.end.map { stamp($0, calendar) } ?? "now") (waiting for the citizen)")
        }
        let end = clock.due ?? clock.dueBeforePause
        switch clock.target.unit {
        case .workingMinutes:
            lines += walkWorking(clock.target.amount * 60, from: clock.start, pauses: clock.pauses, calendar: calendar)
        case .calendarMinutes:
            lines.append("  \(clock.target) of wall-clock time\(clock.pauses.isEmpty ? "" : ", not counting pauses")")
        case .workingDays:
            lines += walkWorkingDays(from: clock.start, to: end, calendar: calendar)
        case .calendarDays:
            lines += walkCalendarDays(clock.target.amount, from: clock.start, to: end, calendar: calendar, paused: !clock.pauses.isEmpty)
        }
        if let due = clock.due {
            lines.append("  due       \(stamp(due, calendar))")
        } else if let before = clock.dueBeforePause {
            lines.append("  due       — paused (was \(stamp(before, calendar)) when the pause began; moves by the pause's length)")
        } else {
            lines.append("  due       — the calendar has no working time ahead")
        }
        if let warn = clock.warnAt, clock.due != nil {
            lines.append("  at risk   \(stamp(warn, calendar)) (\(policy.warningPercent) % of the allowed time)")
        }
        if let stopped = clock.stoppedAt {
            lines.append("  stopped   \(stamp(stopped, calendar)) by \(describe(clock.stop))")
        }
        if let now {
            lines.append("  state     \(clock.state(at: now).rawValue)\(remaining(clock, now: now))")
        }
        return lines
    }

    static func remaining(_ clock: SLAClock, now: Date) -> String {
        guard let due = clock.due else { return "" }
        let calendar = clock.context.calendar
        let working = clock.target.unit == .workingMinutes || clock.target.unit == .workingDays
        let at = clock.stoppedAt ?? now
        func text(_ seconds: Int) -> String { working ? workingDuration(seconds) + " of working time" : duration(seconds) }
        if at < due {
            let left = working ? calendar.workingSeconds(from: at, to: due) : Int(due.timeIntervalSince(at))
            return clock.isRunning ? ", \(text(left)) left" : ", \(text(left)) to spare"
        }
        let over = working ? calendar.workingSeconds(from: due, to: at) : Int(at.timeIntervalSince(due))
        return ", \(text(over)) past the deadline"
    }

    // MARK: Walks

    /// The working intervals consumed, day by day; runs of days off in one line.
    static func walkWorking(_ seconds: Int, from start: Date, pauses: [SLAPause], calendar: WorkingCalendar) -> [String] {
        var lines: [String] = []
        var remaining = seconds
        var day = calendar.day(of: start)
        let startLocal = calendar.localSeconds(start)
        let holes = pauses.map { (calendar.localSeconds($0.start), $0.end.map { calendar.localSeconds($0) } ?? Int.max) }
        var offRun: [CivilDay] = []
        func flushOff() {
            guard let first = offRun.first, let last = offRun.last else { return }
            lines.append("  \(first == last ? dayName(first) : "\(dayName(first)) – \(dayName(last))")  \(offReason(offRun, calendar))")
            offRun = []
        }
        for _ in 0..<WorkingCalendar.searchHorizonDays {
            var chunks: [(Int, Int)] = []
            for interval in calendar.intervals(on: day) {
                var pieces = [(max(day.number * 86_400 + interval.start * 60, startLocal), day.number * 86_400 + interval.end * 60)]
                for hole in holes {
                    pieces = pieces.flatMap { a, b -> [(Int, Int)] in
                        guard hole.0 < b, hole.1 > a else { return [(a, b)] }
                        return [(a, min(b, hole.0)), (max(a, hole.1), b)].filter { $0.0 < $0.1 }
                    }
                }
                chunks += pieces.filter { $0.0 < $0.1 }
            }
            if chunks.isEmpty {
                if day.number * 86_400 + 86_400 > startLocal, calendar.intervals(on: day).isEmpty { offRun.append(day) }
                day = day.adding(days: 1)
                continue
            }
            flushOff()
            let mark = special(day, calendar)
            for (a, b) in chunks {
                let take = min(remaining, b - a)
                remaining -= take
                let line = "  \(dayName(day))  \(clock(a))–\(clock(a + take))  \(duration(take))"
                lines.append(line + (remaining == 0 ? "  → reached" : "  (\(duration(remaining)) left)") + mark)
                if remaining == 0 { return lines }
            }
            day = day.adding(days: 1)
        }
        lines.append("  no working time within ten years")
        return lines
    }

    static func walkWorkingDays(from start: Date, to end: Date?, calendar: WorkingCalendar) -> [String] {
        var counted: [String] = []
        var skipped: [String] = []
        var day = calendar.day(of: start)
        let last = end.map { calendar.day(of: $0.addingTimeInterval(-1)) } ?? day
        var n = 0
        while day < last {
            day = day.adding(days: 1)
            if calendar.isWorkingDay(day) {
                n += 1
                counted.append("\(dayName(day)) (\(n))")
            } else if day.isoWeekday <= 5 || calendar.notes[day] != nil {
                skipped.append("\(dayName(day))\(calendar.notes[day].map { ": \($0)" } ?? "")")
            }
        }
        var lines = ["  working days after \(dayName(calendar.day(of: start))): " + (counted.isEmpty ? "—" : counted.joined(separator: ", "))]
        if !skipped.isEmpty { lines.append("  skipped (not working): " + skipped.joined(separator: ", ")) }
        lines.append("  the deadline is the end of the last one's working time")
        return lines
    }

    static func walkCalendarDays(_ amount: Int, from start: Date, to end: Date?, calendar: WorkingCalendar, paused: Bool) -> [String] {
        let first = calendar.day(of: start).adding(days: 1)
        let nominal = calendar.day(of: start).adding(days: amount)
        var lines = ["  \(amount) calendar days counted from the next day, \(dayName(first)): day \(amount) is \(dayName(nominal))"]
        guard let end else { return lines }
        let lastDay = calendar.day(of: end.addingTimeInterval(-1))
        if paused, lastDay != nominal { lines.append("  pauses add \(lastDay.number - nominal.number) day(s) or more: see the deadline") }
        if !calendar.isWorkingDay(nominal) {
            lines.append("  \(dayName(nominal)) is not a working day (\(offReason([nominal], calendar))): the deadline moves to the next working day (Civil Code art. 193)")
        }
        lines.append("  the deadline is the end of \(dayName(lastDay))")
        return lines
    }

    // MARK: Words

    static func title(_ kind: SLAClockKind, _ policy: SLAPolicy) -> String {
        let appeal = policy.finalExtension != nil && policy.firstReaction.unit == .calendarDays
        switch kind {
        case .firstReaction: return appeal ? "First reaction (registration)" : "First reaction"
        case .answer: return appeal ? "Answer (redirect or intermediate answer)" : "Answer"
        case .final: return "Final answer"
        case .nextReply: return "Next reply"
        }
    }

    static func describe(_ kind: SLAFact.Kind) -> String {
        switch kind {
        case .status(let status):
            switch status {
            case .waitingCitizen: return "status waiting_citizen: clocks pause"
            case .closed: return "status closed: running clocks stop"
            case .noAnswer: return "status no_answer: no answer owed, clocks stop"
            default: return "status \(status.rawValue)"
            }
        case .reaction: return "an operator took it (a reaction)"
        case .message(let kind):
            switch kind {
            case .intermediateReply: return "public intermediate reply"
            case .finalReply: return "public final reply"
            case .internalNote: return "internal note (not a reply: stops nothing)"
            case .citizenFollowUp: return "citizen's follow-up"
            case .citizenPost: return "citizen's post"
            }
        case .extended(let reason): return "final deadline extended: \(reason)"
        case .context(let context): return "now \(context.policy.code) in \(context.label.isEmpty ? context.calendar.timeZone.identifier : context.label): running clocks recounted"
        }
    }

    static func describe(_ stop: SLAStop?) -> String {
        switch stop {
        case .reaction?: return "the first reaction"
        case .reply(let kind)?: return kind == .finalReply ? "a public final reply" : "a public intermediate reply"
        case .status(let status)?: return status == .noAnswer ? "no answer owed (cancelled)" : "the status \(status.rawValue)"
        case nil: return "—"
        }
    }

    static func offReason(_ days: [CivilDay], _ calendar: WorkingCalendar) -> String {
        let notes = days.compactMap { calendar.notes[$0] }
        let holidays = days.filter { if case .holiday = calendar.specialDays[$0] { return true } else { return false } }
        if holidays.isEmpty { return days.count == 1 ? "day off" : "days off" }
        var unique: [String] = []
        for note in notes where !unique.contains(note) { unique.append(note) }
        return (holidays.count == 1 ? "holiday" : "holidays and days off") + (unique.isEmpty ? "" : ": " + unique.prefix(3).joined(separator: ", ") + (unique.count > 3 ? ", …" : ""))
    }

    static func special(_ day: CivilDay, _ calendar: WorkingCalendar) -> String {
        switch calendar.specialDays[day] {
        case .shortened(let minutes)?: return "  (pre-holiday day, \(minutes) min shorter)"
        case .working?: return "  (transferred working day)"
        default: return ""
        }
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    static func dayName(_ day: CivilDay) -> String {
        let c = day.components
        return "\(weekdays[day.isoWeekday - 1]) \(two(c.day)).\(two(c.month))"
    }

    /// "Fri 27.11.2026 16:00".
    public static func stamp(_ date: Date, _ calendar: WorkingCalendar) -> String {
        let local = calendar.localSeconds(date)
        let day = CivilDay(number: WorkingCalendar.floorDiv(local, 86_400))
        let c = day.components
        return "\(weekdays[day.isoWeekday - 1]) \(two(c.day)).\(two(c.month)).\(c.year) \(clock(local))"
    }

    static func clock(_ local: Int) -> String {
        let s = local - WorkingCalendar.floorDiv(local, 86_400) * 86_400
        let end = s == 0 && local % 86_400 == 0 ? 0 : s
        return "\(two(end / 3_600)):\(two(end % 3_600 / 60))"
    }

    /// "UTC+03:00".
    public static func zoneLabel(_ calendar: WorkingCalendar, at date: Date) -> String {
        let offset = calendar.utcOffset(at: date)
        let sign = offset < 0 ? "-" : "+"
        return "\(calendar.timeZone.identifier), UTC\(sign)\(two(abs(offset) / 3_600)):\(two(abs(offset) % 3_600 / 60))"
    }

    /// "2 h 15 min", "45 min", "3 d 2 h".
    public static func duration(_ seconds: Int) -> String {
        let minutes = seconds / 60
        if minutes >= 24 * 60 { return "\(minutes / 1_440) d \(minutes % 1_440 / 60) h" }
        if minutes >= 60 { return "\(minutes / 60) h \(minutes % 60) min" }
        if minutes == 0 && seconds > 0 { return "\(seconds) s" }
        return "\(minutes) min"
    }

    /// Working time: "3 wd 2 h" (a working day of 8 hours, as the countdowns count), or
    /// "2 h 15 min".
    public static func workingDuration(_ seconds: Int) -> String {
        let day = 8 * 3_600
        return seconds >= day ? "\(seconds / day) wd \(seconds % day / 3_600) h" : duration(seconds)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
