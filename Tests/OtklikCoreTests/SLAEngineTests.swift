import Foundation
import Testing
@testable import OtklikCore

/// The clock rules of docs/sla.md as table tests; times are local wall times in `zone`.
@Suite struct SLAEngineTests {
    static let moscowZone = "Europe/Moscow"
    static func calendar(_ zone: String = moscowZone) -> WorkingCalendar {
        RussianProductionCalendar.calendar2026(timeZone: TimeZone(identifier: zone)!)
    }
    static func context(_ policy: SLAPolicy = .socialStandard, _ zone: String = moscowZone) -> SLAContext {
        SLAContext(policy: policy, calendar: calendar(zone), label: zone)
    }
    func t(_ text: String, _ zone: String = moscowZone) -> Date { at(text, zone) }

    func evaluate(_ registered: String, _ facts: [(String, SLAFact.Kind)] = [], now: String,
                  context: SLAContext = context(), zone: String = moscowZone) -> SLAEvaluation {
        SLAEngine.evaluate(registeredAt: t(registered, zone), context: context,
                           facts: facts.map { SLAFact(at: t($0.0, zone), $0.1) }, now: t(now, zone))
    }

    // MARK: Deadlines in working time

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let registered: String
        let policy: SLAPolicy
        let kind: SLAClockKind
        let due: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Friday ends at 16:45: 45 min on Friday, 4 h + 4 h 15 min on Monday.
        Case(name: "Friday evening to Monday", registered: "2026-11-27 16:00", policy: .socialStandard, kind: .answer, due: "2026-11-30 18:00"),
        // 12:30 + 60 working minutes skips the 13:00–13:45 lunch.
        Case(name: "lunch break", registered: "2026-11-25 12:30", policy: .socialStandard, kind: .firstReaction, due: "2026-11-25 14:15"),
        // 1 h on 31 Dec 2025, then nothing until Monday 12 January 2026.
        Case(name: "January holidays", registered: "2025-12-31 17:00", policy: .socialStandard, kind: .answer, due: "2026-01-12 17:45"),
        // 3 Nov 2026 ends at 17:00 (shortened), 4 Nov is a holiday.
        Case(name: "shortened pre-holiday day", registered: "2026-11-03 15:00", policy: .socialImportant, kind: .answer, due: "2026-11-05 11:00"),
        // Important: 30 working minutes to react, from Saturday: Monday 09:30.
        Case(name: "weekend registration", registered: "2026-11-28 12:00", policy: .socialImportant, kind: .firstReaction, due: "2026-11-30 09:30"),
        // 59-ФЗ: registration within 3 days, counted from the next day; Sat 28 → Mon 30.
        Case(name: "59-ФЗ registration 3 days", registered: "2026-11-25 15:00", policy: .appeal59FZ, kind: .firstReaction, due: "2026-12-01 00:00"),
        // 59-ФЗ: 30 calendar days from 2 Nov: 2 Dec, a Wednesday, to its end.
        Case(name: "59-ФЗ answer 30 days", registered: "2026-11-02 15:00", policy: .appeal59FZ, kind: .final, due: "2026-12-03 00:00"),
        // 30 days from 3 Dec end on Saturday 2 Jan 2027, inside the New Year holidays (by the
        // Labour Code until the 2027 decree's file is added) → the end of Monday 11 January.
        Case(name: "59-ФЗ answer moved off the New Year holidays", registered: "2026-12-03 10:00", policy: .appeal59FZ, kind: .final, due: "2027-01-12 00:00"),
    ]

    @Test(arguments: cases) func deadline(_ c: Case) {
        let result = evaluate(c.registered, now: c.registered, context: Self.context(c.policy))
        #expect(result.clock(c.kind)?.due == t(c.due), "\(c.name)")
    }

    @Test func transferredWorkingSaturdayFromAFile() throws {
        let file = """
            code = "test-saturday"
            extends = "ru-2026"
            [working]
            2026-11-28 = ["10:00-14:00"]
            """
        let definition = try CalendarDefinition.parse(file, path: "test.toml")
        let calendar = definition.calendar(timeZone: TimeZone(identifier: Self.moscowZone)!, base: Self.calendar())
        let context = SLAContext(policy: .socialStandard, calendar: calendar)
        // Friday 16:30: 15 min on Friday, 45 on the working Saturday.
        let result = evaluate("2026-11-27 16:30", now: "2026-11-27 16:30", context: context)
        #expect(result.clock(.firstReaction)?.due == t("2026-11-28 10:45"))
        #expect(calendar.name == "ru-2026 + test-saturday")
    }

    @Test func sameIncidentForAgenciesInUTCPlus2AndUTCPlus12() {
        // 06:00 UTC on Wednesday 25 Nov 2026: 08:00 in Kaliningrad, 18:00 in Kamchatka.
        let instant = Date(timeIntervalSince1970: TimeInterval(CivilDay(iso: "2026-11-25")!.number * 86_400 + 6 * 3_600))
        func answer(_ zone: String) -> Date? {
            SLAEngine.evaluate(registeredAt: instant, context: Self.context(.socialStandard, zone), facts: [], now: instant)
                .clock(.answer)?.due
        }
        // Kaliningrad: 9 working hours from 09:00: 8 h 15 min on Wednesday → Thursday 09:45.
        #expect(answer("Europe/Kaliningrad") == t("2026-11-26 09:45", "Europe/Kaliningrad"))
        // Kamchatka: the day is over; 8 h 15 min on Thursday → Friday 09:45.
        #expect(answer("Asia/Kamchatka") == t("2026-11-27 09:45", "Asia/Kamchatka"))
        #expect(Self.calendar("Asia/Kamchatka").utcOffset(at: instant) == 12 * 3_600)
        #expect(Self.calendar("Europe/Kaliningrad").utcOffset(at: instant) == 2 * 3_600)
    }

    // MARK: Which event stops which clock

    @Test func internalNoteIsNotAReply() {
        let result = evaluate("2026-11-25 10:00", [("2026-11-25 10:10", .message(.internalNote))], now: "2026-11-25 10:30")
        #expect(result.clock(.firstReaction)?.isRunning == true)
        #expect(result.clock(.answer)?.isRunning == true)
        #expect(result.dueAt == t("2026-11-25 11:00"))
    }

    @Test func takingStopsFirstReactionAndReplyStopsAnswer() {
        let result = evaluate("2026-11-25 10:00", [
            ("2026-11-25 10:20", .status(.inProgress)),
            ("2026-11-25 15:00", .message(.intermediateReply)),
        ], now: "2026-11-26 10:00")
        #expect(result.clock(.firstReaction)?.stoppedAt == t("2026-11-25 10:20"))
        #expect(result.clock(.firstReaction)?.state(at: t("2026-11-26 10:00")) == .met)
        #expect(result.clock(.answer)?.stoppedAt == t("2026-11-25 15:00"))
        // Final: 7 working days after the intermediate answer, to the end of the 7th day.
        #expect(result.clock(.final)?.start == t("2026-11-25 15:00"))
        #expect(result.clock(.final)?.due == t("2026-12-04 16:45"))
        #expect(result.dueAt == t("2026-12-04 16:45"))
    }

    @Test func lateReactionIsLate() {
        let result = evaluate("2026-11-25 10:00", [("2026-11-25 11:30", .status(.waitingAgency))], now: "2026-11-25 12:00")
        #expect(result.clock(.firstReaction)?.state(at: t("2026-11-25 12:00")) == .late)
        #expect(result.clock(.firstReaction)?.breached(by: t("2026-11-25 12:00")) == true)
    }

    @Test func finalReplyFirstClosesBothAnswerAndFinal() {
        let result = evaluate("2026-11-25 10:00", [
            ("2026-11-25 12:00", .message(.finalReply)), ("2026-11-25 12:00", .status(.closed)),
        ], now: "2026-11-25 13:00")
        #expect(result.clocks.allSatisfy { !$0.isRunning })
        #expect(result.clock(.final)?.state(at: t("2026-11-25 13:00")) == .met)
        #expect(result.dueAt == nil && result.warnAt == nil)
    }

    @Test func noAnswerCancelsAnswerClocks() {
        let result = evaluate("2026-11-25 10:00", [("2026-11-25 10:30", .status(.noAnswer))], now: "2026-11-26 10:00")
        #expect(result.clock(.firstReaction)?.state(at: t("2026-11-26 10:00")) == .met)
        #expect(result.clock(.answer)?.state(at: t("2026-11-26 10:00")) == .cancelled)
        #expect(result.dueAt == nil)
    }

    @Test func followUpAfterAnswerStartsNextReply() {
        let result = evaluate("2026-11-25 10:00", [
            ("2026-11-25 10:10", .status(.inProgress)),
            ("2026-11-25 11:00", .message(.intermediateReply)),
            ("2026-11-25 11:00", .status(.answered)),
            ("2026-11-25 14:00", .message(.citizenFollowUp)),
            ("2026-11-25 14:30", .message(.citizenFollowUp)),  // one runs already: no second clock
        ], now: "2026-11-25 15:00")
        let next = result.clocks.filter { $0.kind == .nextReply }
        #expect(next.count == 1)
        #expect(next.first?.key == "next_reply:\(Int64(t("2026-11-25 14:00").timeIntervalSince1970))")
        // The policy's first-reaction target (1 working hour) from the follow-up.
        #expect(result.dueAt == t("2026-11-25 15:00"))
    }

    @Test func followUpBeforeAnswerStartsNothing() {
        let result = evaluate("2026-11-25 10:00", [("2026-11-25 10:30", .message(.citizenFollowUp))], now: "2026-11-25 10:40")
        #expect(result.clocks.filter { $0.kind == .nextReply }.isEmpty)
    }

    // MARK: Pauses

    @Test func waitingForTheCitizenPausesAndResumes() {
        // Answer 9 working hours from Monday 10:00; 1 h counted, paused Monday 11:00 →
        // Tuesday 15:00; 8 h left: Tue 15:00–18:00, Wed 09:00–13:00, 13:45–14:45.
        let paused = evaluate("2026-11-23 10:00", [
            ("2026-11-23 10:05", .status(.inProgress)), ("2026-11-23 11:00", .status(.waitingCitizen)),
        ], now: "2026-11-24 12:00")
        #expect(paused.clock(.answer)?.isPaused == true)
        #expect(paused.clock(.answer)?.due == nil)
        #expect(paused.clock(.answer)?.dueBeforePause == t("2026-11-24 10:45"))
        #expect(paused.clock(.answer)?.state(at: t("2026-11-24 12:00")) == .paused)
        #expect(paused.dueAt == nil && paused.warnAt == nil)

        let resumed = evaluate("2026-11-23 10:00", [
            ("2026-11-23 10:05", .status(.inProgress)), ("2026-11-23 11:00", .status(.waitingCitizen)),
            ("2026-11-24 15:00", .status(.inProgress)),
        ], now: "2026-11-24 15:00")
        #expect(resumed.clock(.answer)?.due == t("2026-11-25 14:45"))
        #expect(resumed.dueAt == t("2026-11-25 14:45"))
        #expect(resumed.clock(.answer)?.pauses == [SLAPause(start: t("2026-11-23 11:00"), end: t("2026-11-24 15:00"))])
    }

    @Test func pauseAfterTheDeadlineDoesNotUndoABreach() {
        let result = evaluate("2026-11-23 10:00", [
            ("2026-11-23 10:05", .status(.inProgress)), ("2026-11-24 12:00", .status(.waitingCitizen)),
        ], now: "2026-11-25 12:00")
        #expect(result.clock(.answer)?.due == t("2026-11-24 10:45"))
        #expect(result.clock(.answer)?.state(at: t("2026-11-25 12:00")) == .breached)
        #expect(result.dueAt == nil)  // no clock in the inbox while waiting for the citizen
    }

    @Test func pauseMovesCalendarDayDeadlinesByWholeDays() {
        // 59-ФЗ final: 30 days from 2 Nov → end of 2 Dec; a 26-hour pause adds 2 days.
        let result = evaluate("2026-11-02 15:00", [
            ("2026-11-05 10:00", .status(.waitingCitizen)), ("2026-11-06 12:00", .status(.inProgress)),
        ], now: "2026-11-10 10:00", context: Self.context(.appeal59FZ))
        #expect(result.clock(.final)?.due == t("2026-12-05 00:00"))
    }

    // MARK: Extension and recomputation

    @Test func appealExtendedOnceWithAReason() {
        let result = evaluate("2026-11-02 15:00", [
            ("2026-11-20 10:00", .extended(reason: "запрошены документы в другом органе")),
            ("2026-11-21 10:00", .extended(reason: "second")),
        ], now: "2026-11-25 10:00", context: Self.context(.appeal59FZ))
        // 60 days from 2 Nov → 1 Jan 2027, a holiday: the end of Monday 11 January.
        #expect(result.clock(.final)?.target == SLATarget(60, .calendarDays))
        #expect(result.clock(.final)?.extensions == 1)
        #expect(result.clock(.final)?.due == t("2027-01-12 00:00"))
        #expect(result.notes.count == 1)
    }

    @Test func topicChangeRecomputesRunningClocksOnly() {
        // Registered Monday 10:00 under the standard policy; taken at 10:20 (first reaction
        // stops under the standard policy); at 11:00 the topic change brings an important
        // policy: the answer is now due 4 working hours after registration.
        let important = Self.context(.socialImportant)
        let result = evaluate("2026-11-23 10:00", [
            ("2026-11-23 10:20", .status(.inProgress)),
            ("2026-11-23 11:00", .context(important)),
        ], now: "2026-11-23 11:30")
        #expect(result.clock(.firstReaction)?.context.policy == .socialStandard)
        #expect(result.clock(.firstReaction)?.due == t("2026-11-23 11:00"))
        #expect(result.clock(.answer)?.context.policy == .socialImportant)
        #expect(result.clock(.answer)?.due == t("2026-11-23 14:45"))
        #expect(result.context.policy == .socialImportant)
    }

    @Test func agencyChangeCountsInTheNewAgencysZone() {
        let kamchatka = Self.context(.socialStandard, "Asia/Kamchatka")
        let result = evaluate("2026-11-25 10:00", [("2026-11-25 10:10", .context(kamchatka))], now: "2026-11-25 10:20")
        // 10:00 Moscow is 19:00 in Kamchatka: the first reaction is due at 10:00 there next day.
        #expect(result.clock(.firstReaction)?.due == t("2026-11-26 10:00", "Asia/Kamchatka"))
    }

    @Test func reopeningAClosedIncidentOwesANextReply() {
        let result = evaluate("2026-11-25 10:00", [
            ("2026-11-25 10:10", .message(.finalReply)), ("2026-11-25 10:10", .status(.closed)),
            ("2026-11-26 11:00", .message(.citizenFollowUp)), ("2026-11-26 11:00", .status(.inProgress)),
        ], now: "2026-11-26 11:05")
        #expect(result.clocks.filter { $0.kind == .nextReply }.count == 1)
        #expect(result.dueAt == t("2026-11-26 12:00"))
    }

    // MARK: Properties

    /// Adding working time is monotonic, never ends in non-working time, and splitting a
    /// duration into two additions gives the same deadline; in several zones and calendars.
    @Test func workingTimeArithmeticProperties() {
        var random = SeededGenerator(seed: 2026)
        let zones = ["Europe/Kaliningrad", "Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok", "Asia/Kamchatka"]
        let calendars = zones.map { Self.calendar($0) } + [
            Self.calendar().adding([CivilDay(iso: "2026-03-14")!: .working([WorkingInterval(10, 0, 14, 0)])]),
            WorkingCalendar(timeZone: TimeZone(identifier: "Asia/Omsk")!,
                            week: Array(repeating: [WorkingInterval(8, 0, 12, 0), WorkingInterval(13, 0, 17, 0)], count: 6) + [[]],
                            specialDays: RussianProductionCalendar.days2026),
        ]
        let base = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00 UTC
        for _ in 0..<2_000 {
            let calendar = calendars[random.below(calendars.count)]
            let start = base.addingTimeInterval(Double(random.below(330 * 86_400)))
            let a = random.below(4_000) * 60 + random.below(60), b = 1 + random.below(4_000 * 60)
            let dueA = calendar.addingWorkingSeconds(a, to: start)!
            let dueAB = calendar.addingWorkingSeconds(a + b, to: start)!
            #expect(dueA <= dueAB)
            #expect(dueA >= start)
            #expect(calendar.addingWorkingSeconds(b, to: dueA) == dueAB)
            #expect(calendar.workingSeconds(from: start, to: dueAB) == a + b)
            // A deadline with time to count ends inside a working interval or at its end.
            let local = calendar.localSeconds(dueAB)
            let day = calendar.day(of: dueAB)
            let second = local - day.number * 86_400
            let inside = calendar.intervals(on: day).contains { $0.start * 60 < second && second <= $0.end * 60 }
            let atMidnightEnd = second == 0 && calendar.intervals(on: day.adding(days: -1)).last?.end == 1_440
            #expect(inside || atMidnightEnd)
        }
    }

    /// Pauses only ever push deadlines later; a pause outside working time changes nothing
    /// in working minutes; the warning never comes after the deadline.
    @Test func engineProperties() {
        var random = SeededGenerator(seed: 59)
        let calendar = Self.calendar()
        let base = Date(timeIntervalSince1970: 1_767_225_600)
        let policies: [SLAPolicy] = [.socialStandard, .socialImportant, .appeal59FZ]
        for _ in 0..<600 {
            let policy = policies[random.below(policies.count)]
            let context = SLAContext(policy: policy, calendar: calendar)
            let registered = base.addingTimeInterval(Double(random.below(300 * 86_400)))
            let pauseStart = registered.addingTimeInterval(Double(60 + random.below(5 * 86_400)))
            let pauseEnd = pauseStart.addingTimeInterval(Double(60 + random.below(3 * 86_400)))
            let now = pauseEnd.addingTimeInterval(60)
            let plain = SLAEngine.evaluate(registeredAt: registered, context: context,
                                           facts: [SLAFact(at: registered.addingTimeInterval(30), .status(.inProgress))], now: now)
            let paused = SLAEngine.evaluate(registeredAt: registered, context: context, facts: [
                SLAFact(at: registered.addingTimeInterval(30), .status(.inProgress)),
                SLAFact(at: pauseStart, .status(.waitingCitizen)), SLAFact(at: pauseEnd, .status(.inProgress)),
            ], now: now)
            for kind in [SLAClockKind.answer, .final] {
                guard let a = plain.clock(kind)?.due, let b = paused.clock(kind)?.due else { continue }
                #expect(a <= b)
                if policy.target(kind).unit == .workingMinutes, calendar.workingSeconds(from: pauseStart, to: pauseEnd) == 0 {
                    #expect(a == b)
                }
            }
            for clock in paused.clocks {
                if let due = clock.due, let warn = clock.warnAt { #expect(warn <= due) }
            }
            if let due = paused.dueAt { #expect(paused.warnAt! <= due) }
        }
    }
}
