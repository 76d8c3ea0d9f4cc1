import Foundation

/// Computes an incident's clocks from its facts, its policy and its calendar: a pure
/// function, so a deadline can always be recomputed from the event log, for any moment.
/// The rules, which docs/sla.md states for people, in brief:
///
/// - **First reaction** runs from registration until the first of: the status leaves
///   `new`, an explicit reaction, a public reply.
/// - **Answer** runs from registration until the first public reply (intermediate or final).
/// - **Final** runs from registration (anchor `registration`) or from the first public
///   reply (anchor `intermediate_answer`) until a final reply; extensions lengthen it.
/// - **Next reply** starts at a citizen's follow-up once the answer was given (or when a
///   closed incident is reopened), if no next-reply clock runs, until the next public reply.
/// - Entering `closed` stops every running clock; entering `no_answer` cancels them (the
///   first reaction counts as a reaction, unless the incident was registered as no-answer).
/// - While the status is `waiting_citizen` every clock stands still. Minutes (working or
///   calendar) are not counted during a pause; a day-counted deadline moves by the days the
///   pause covered (calendar days rounded up; working days that had paused working time).
/// - An internal note stops nothing.
/// - A `.context` fact (topic, agency, priority or policy changed) applies to the clocks
///   still running, counted again from their own start; a stopped clock keeps the policy
///   and calendar it stopped under.
public enum SLAEngine {
    public static func evaluate(registeredAt: Date, context initial: SLAContext, facts: [SLAFact], now: Date) -> SLAEvaluation {
        // Facts up to now, in time order (stable), none before registration. Most arrive
        // sorted: only then is a copy with indexes sorted.
        var ordered: [SLAFact] = []
        if !facts.isEmpty {
            ordered.reserveCapacity(facts.count)
            var sorted = true
            for fact in facts where fact.at <= now {
                let clamped = fact.at < registeredAt ? SLAFact(at: registeredAt, fact.kind) : fact
                if let last = ordered.last, last.at > clamped.at { sorted = false }
                ordered.append(clamped)
            }
            if !sorted {
                ordered = ordered.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
            }
        }

        var status = IncidentStatus.new
        var changes: [(at: Date, from: IncidentStatus, to: IncidentStatus)] = []
        var contexts: [(at: Date, context: SLAContext)] = []  // after registration; `initial` before
        var replies: [(at: Date, kind: MessageKind)] = []
        var followUps: [Date] = []
        var reactions: [Date] = []
        var extensions: [(at: Date, reason: String)] = []
        var pauses: [SLAPause] = []
        var pauseStart: Date?
        for fact in ordered {
            switch fact.kind {
            case .status(let new):
                guard new != status else { continue }
                changes.append((fact.at, status, new))
                if new == .waitingCitizen, pauseStart == nil { pauseStart = fact.at }
                if new != .waitingCitizen, let start = pauseStart {
                    if fact.at > start { pauses.append(SLAPause(start: start, end: fact.at)) }
                    pauseStart = nil
                }
                status = new
            case .reaction:
                reactions.append(fact.at)
            case .message(let kind):
                if kind.isPublicReply { replies.append((fact.at, kind)) } else if kind == .citizenFollowUp { followUps.append(fact.at) }
            case .extended(let reason):
                extensions.append((fact.at, reason))
            case .context(let context):
                contexts.append((fact.at, context))
            }
        }
        if let start = pauseStart { pauses.append(SLAPause(start: start, end: nil)) }

        func context(at t: Date) -> SLAContext {
            contexts.isEmpty ? initial : contexts.last { $0.at <= t }?.context ?? initial
        }
        func terminal(from t: Date) -> (at: Date, stop: SLAStop)? {
            changes.first { $0.at >= t && $0.to.isTerminal && !$0.from.isTerminal }.map { ($0.at, .status($0.to)) }
        }
        func reply(from t: Date, finalOnly: Bool) -> (at: Date, stop: SLAStop)? {
            replies.first { $0.at >= t && (!finalOnly || $0.kind == .finalReply) }.map { ($0.at, .reply($0.kind)) }
        }
        func earliest(_ a: (at: Date, stop: SLAStop)?, _ b: (at: Date, stop: SLAStop)?,
                      _ c: (at: Date, stop: SLAStop)? = nil) -> (at: Date, stop: SLAStop)? {
            var best = a
            for candidate in [b, c] {
                if let candidate, best == nil || candidate.at < best!.at { best = candidate }
            }
            return best
        }
        let registeredAsNoAnswer = changes.first.map { $0.at == registeredAt && $0.to == .noAnswer } ?? false

        var notes: [String] = []
        var clocks: [SLAClock] = []
        clocks.reserveCapacity(4)
        func add(_ kind: SLAClockKind, start: Date, stop: (at: Date, stop: SLAStop)?, cancelled: Bool) {
            let ctx = context(at: stop?.at ?? now)
            var granted = 0
            if kind == .final {
                let asked = extensions.filter { $0.at <= (stop?.at ?? now) }
                granted = min(asked.count, ctx.policy.maxExtensions)
                for extra in asked.dropFirst(granted) {
                    notes.append("extension at \(extra.at.unixTime) not applied: policy \(ctx.policy.code) allows \(ctx.policy.maxExtensions)")
                }
            }
            let target = ctx.policy.target(kind, extensions: granted)
            let end = stop?.at
            let own = pauses.filter { p in (p.end.map { $0 > start } ?? true) && (end.map { p.start < $0 } ?? true) }
            let schedule = Self.schedule(start: start, target: target, calendar: ctx.calendar, pauses: own,
                                         warningPercent: ctx.policy.warningPercent)
            clocks.append(SLAClock(kind: kind, start: start, target: target, context: ctx, due: schedule.due,
                                   warnAt: schedule.warn, dueBeforePause: schedule.dueBeforePause,
                                   stoppedAt: end, stop: stop?.stop,
                                   pauses: own.map { p in SLAPause(start: max(p.start, start), end: p.end) },
                                   extensions: granted, cancelled: cancelled))
        }

        // First reaction.
        let leftNew = changes.first { $0.from == .new }.map { (at: $0.at, stop: $0.to.isTerminal ? SLAStop.status($0.to) : .reaction) }
        let reacted = earliest(reactions.first.map { ($0, .reaction) }, leftNew, reply(from: registeredAt, finalOnly: false))
        add(.firstReaction, start: registeredAt, stop: reacted, cancelled: registeredAsNoAnswer)

        // Answer.
        let answered = earliest(reply(from: registeredAt, finalOnly: false), terminal(from: registeredAt))
        add(.answer, start: registeredAt, stop: answered, cancelled: answered?.stop == .status(.noAnswer))

        // Final.
        if extensions.count > 0, context(at: now).policy.maxExtensions == 0 {
            notes.append("extensions recorded, but policy \(context(at: now).policy.code) allows none")
        }
        let anchor = context(at: now).policy.finalAnchor
        if let start = anchor == .registration ? registeredAt : replies.first?.at {
            let done = earliest(reply(from: start, finalOnly: true), terminal(from: start))
            add(.final, start: start, stop: done, cancelled: done?.stop == .status(.noAnswer))
        }

        // Next replies: a follow-up after the answer, or a reopening, starts one unless one runs.
        var triggers: [Date] = []
        if let answered, case .reply = answered.stop {
            triggers += followUps.filter { $0 >= answered.at }
        }
        triggers += changes.filter { $0.from.isTerminal && !$0.to.isTerminal }.map(\.at)
        triggers.sort()
        var runningUntil: Date?? = nil  // nil: none started; .some(nil): runs on; .some(t): stopped at t
        for t in triggers {
            let statusThen = changes.last { $0.at <= t }?.to ?? .new
            guard !statusThen.isTerminal else { continue }
            if case .some(let until) = runningUntil, until.map({ $0 > t }) ?? true { continue }
            let done = earliest(reply(from: t, finalOnly: false), terminal(from: t))
            add(.nextReply, start: t, stop: done, cancelled: done?.stop == .status(.noAnswer))
            runningUntil = .some(done?.at)
        }

        var dueAt: Date?
        var warnAt: Date?
        if !status.isTerminal && status != .waitingCitizen {
            for clock in clocks where clock.isRunning && !clock.isPaused {
                if let due = clock.due { dueAt = min(dueAt ?? due, due) }
                if clock.due != nil, let warn = clock.warnAt { warnAt = min(warnAt ?? warn, warn) }
            }
        }
        if dueAt == nil { warnAt = nil }
        return SLAEvaluation(clocks: clocks, status: status, context: context(at: now), dueAt: dueAt, warnAt: warnAt, notes: notes)
    }

    /// A clock's deadline, warning moment and (while paused) the deadline it had before.
    static func schedule(start: Date, target: SLATarget, calendar: WorkingCalendar, pauses: [SLAPause],
                         warningPercent: Int) -> (due: Date?, warn: Date?, dueBeforePause: Date?) {
        switch target.unit {
        case .workingMinutes, .calendarMinutes:
            let working = target.unit == .workingMinutes
            let total = target.amount * 60
            let (due, paused) = advance(total, from: start, pauses: pauses, working: working, calendar: calendar)
            let (warn, _) = advance(total * warningPercent / 100, from: start, pauses: pauses, working: working, calendar: calendar)
            guard paused else { return (due, warn, nil) }
            let before = advance(total, from: start, pauses: pauses.filter { $0.end != nil }, working: working, calendar: calendar).due
            return (nil, warn, before)
        case .workingDays, .calendarDays:
            let working = target.unit == .workingDays
            var extra = 0
            var due = SLATarget(target.amount, target.unit).deadline(from: start, in: calendar)
            var paused = false
            for pause in pauses {
                guard let current = due, pause.start < current else { break }
                let from = max(pause.start, start)
                guard let end = pause.end else {
                    paused = true
                    break
                }
                extra += coveredDays(from: from, to: end, working: working, calendar: calendar)
                due = SLATarget(target.amount + extra, target.unit).deadline(from: start, in: calendar)
            }
            guard let reached = due else { return (nil, nil, nil) }
            var total = measure(from: start, to: reached, working: working, calendar: calendar)
            for pause in pauses {
                let from = max(pause.start, start), to = min(pause.end ?? reached, reached)
                if to > from { total -= measure(from: from, to: to, working: working, calendar: calendar) }
            }
            let (warn, _) = advance(max(0, total) * warningPercent / 100, from: start, pauses: pauses, working: working, calendar: calendar)
            return paused ? (nil, warn, reached) : (reached, warn, nil)
        }
    }

    /// The moment `amount` seconds (working or wall-clock) have been counted from `start`,
    /// not counting pauses; `paused` when an open pause comes first.
    static func advance(_ amount: Int, from start: Date, pauses: [SLAPause], working: Bool,
                        calendar: WorkingCalendar) -> (due: Date?, paused: Bool) {
        var remaining = amount
        var cursor = start
        for pause in pauses {
            if let end = pause.end, end <= cursor { continue }
            let from = max(pause.start, cursor)
            guard let candidate = add(remaining, to: cursor, working: working, calendar: calendar) else { return (nil, false) }
            if candidate <= from { return (candidate, false) }
            remaining -= measure(from: cursor, to: from, working: working, calendar: calendar)
            guard let end = pause.end else { return (nil, true) }
            cursor = end
        }
        return (add(remaining, to: cursor, working: working, calendar: calendar), false)
    }

    static func add(_ seconds: Int, to start: Date, working: Bool, calendar: WorkingCalendar) -> Date? {
        working ? calendar.addingWorkingSeconds(seconds, to: start) : start.addingTimeInterval(TimeInterval(seconds))
    }

    static func measure(from: Date, to: Date, working: Bool, calendar: WorkingCalendar) -> Int {
        guard to > from else { return 0 }
        return working ? calendar.workingSeconds(from: from, to: to) : Int(to.timeIntervalSince(from).rounded(.down))
    }

    /// The days a pause takes off a day-counted clock: calendar days rounded up, or the
    /// working days on which it covered some working time.
    static func coveredDays(from: Date, to: Date, working: Bool, calendar: WorkingCalendar) -> Int {
        guard to > from else { return 0 }
        guard working else { return (Int(to.timeIntervalSince(from).rounded(.up)) + 86_399) / 86_400 }
        var count = 0
        var day = calendar.day(of: from)
        let last = calendar.day(of: to)
        while day <= last {
            let dayStart = max(from, calendar.startOfDay(day)), dayEnd = min(to, calendar.startOfDay(day.adding(days: 1)))
            if calendar.workingSeconds(from: dayStart, to: dayEnd) > 0 { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}

extension Date {
    /// Whole Unix seconds, for messages and keys.
    var unixTime: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
}
