import Foundation
import Testing
@testable import OtklikCore

/// The SLA configuration file, targets as text, explanations and report statistics.
@Suite struct SLAConfigTests {
    @Test func shippedConfigIsTheBuiltInPolicies() throws {
        let text = try CalendarFileTests.read("sla/sla.toml")
        let config = try SLAConfig.parse(text, path: "sla/sla.toml")
        #expect(config.policies == SLAPolicy.builtIn)
        #expect(config.escalations.count == 2)
        #expect(config.escalations[0] == EscalationRule(clock: .answer, policyCode: "social-important", afterMinutes: 30, reassignTo: "supervisor"))
        // The rules survive the round trip through the store's setting.
        let again = try SLAConfig.parse(config.escalations.map(\.toml).joined(separator: "\n\n"), path: "x")
        #expect(again.escalations == config.escalations)
    }

    @Test func topicPolicyAppliesDownTheTree() throws {
        let config = try SLAConfig.parse("""
            [[policy]]
            code = "zhkh"
            topic = "zhkh"
            first_reaction = "15 working minutes"
            answer = "2 working hours"
            final = "3 working days"
            next_reply = "30 working minutes"
            """, path: "p.toml")
        let policy = config.policies[0]
        #expect(policy.finalAnchor == .registration && policy.warningPercent == 75)
        #expect(policy.target(.nextReply) == SLATarget(30, .workingMinutes))
        let all = config.policies + SLAPolicy.builtIn
        #expect(SLAPolicy.select(from: all, source: .vk, priority: .normal, topicPath: ["zhkh.lift", "zhkh"])?.code == "zhkh")
        #expect(SLAPolicy.select(from: all, source: .vk, priority: .normal, topicPath: ["roads"])?.code == "social-standard")
        #expect(SLAPolicy.select(from: all, source: .pos, priority: .high, topicPath: [])?.code == "appeal-59fz")
        #expect(SLAPolicy.select(from: all, source: .vk, priority: .critical)?.code == "social-important")
    }

    @Test func configErrorsNameTheLine() {
        #expect(throws: SimpleTOML.ParseError(path: "c", line: 4, reason: "not a target: \"9 hours of work\" (e.g. \"9 working hours\", \"7 working days\", \"30 calendar days\", \"24 calendar hours\")")) {
            try SLAConfig.parse("[[policy]]\ncode = \"x\"\nfirst_reaction = \"1 wh\"\nanswer = \"9 hours of work\"\nfinal = \"7 wd\"", path: "c")
        }
        #expect(throws: SimpleTOML.ParseError(path: "c", line: 2, reason: "an [[escalation]] needs raise_priority = true or reassign_to")) {
            try SLAConfig.parse("[[escalation]]\nclock = \"answer\"", path: "c")
        }
        #expect(throws: SimpleTOML.ParseError(path: "c", line: 2, reason: "unknown clock \"reply\" (first_reaction, answer, final, next_reply)")) {
            try SLAConfig.parse("[[escalation]]\nclock = \"reply\"\nraise_priority = true", path: "c")
        }
    }

    @Test func targetsAsText() {
        #expect(SLATarget(text: "9 working hours") == .workingHours(9))
        #expect(SLATarget(text: "30 working_minutes") == SLATarget(30, .workingMinutes))
        #expect(SLATarget(text: "1 working day") == .workingDays(1))
        #expect(SLATarget(text: "30 calendar days") == .calendarDays(30))
        #expect(SLATarget(text: "24h") == .calendarHours(24))
        #expect(SLATarget(text: "0 wh") == nil)
        #expect(SLATarget.workingHours(9).description == "9 working hours")
        #expect(SLATarget(90, .workingMinutes).description == "90 working minutes")
        #expect(SLATarget.calendarDays(1).description == "1 calendar day")
    }

    @Test func dueIsExplainedStepByStep() {
        let calendar = RussianProductionCalendar.calendar2026(timeZone: TimeZone(identifier: "Europe/Moscow")!)
        let lines = SLAExplanation.due(policy: .socialStandard, start: at("2026-11-27 16:15", "Europe/Moscow"), calendar: calendar,
                                       calendarLabel: "ru-2026 · центр (Europe/Moscow)")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Start     Fri 27.11.2026 16:15 Europe/Moscow, UTC+03:00"))
        #expect(text.contains("  Fri 27.11  16:15–16:45  30 min  (30 min left)"))
        #expect(text.contains("  Sat 28.11 – Sun 29.11  days off"))
        #expect(text.contains("  Mon 30.11  09:00–09:30  30 min  → reached"))
        #expect(text.contains("  due       Mon 30.11.2026 09:30"))
        // The answer: 9 working hours → Monday 30 min + 4 h + 4 h 15 min = Tuesday 09:15.
        #expect(text.contains("  due       Tue 01.12.2026 09:15"))
        #expect(text.contains("Final answer: 7 working days after the intermediate answer"))

        let holidays = SLAExplanation.due(policy: .appeal59FZ, start: at("2026-12-25 10:00", "Europe/Moscow"), calendar: calendar,
                                          calendarLabel: "ru-2026").joined(separator: "\n")
        // 3 days from Friday 25 Dec → Monday 28 Dec; 30 days → Sunday 24 Jan 2027 → Monday.
        #expect(holidays.contains("  due       Tue 29.12.2026 00:00"))
        #expect(holidays.contains("Extensions: the final deadline may be extended once by 30 calendar days"))

        let january = SLAExplanation.due(policy: .socialStandard, start: at("2025-12-31 17:00", "Europe/Moscow"), calendar: calendar,
                                         calendarLabel: "ru-2026").joined(separator: "\n")
        #expect(january.contains("Thu 01.01 – Sun 11.01  holidays and days off: Новогодние каникулы, Рождество Христово, Перенос с субботы 3 января, …"))
    }

    @Test func percentilesAndOutcomes() {
        #expect(SLAReport.percentile([], 50) == nil)
        #expect(SLAReport.percentile([7], 90) == 7)
        #expect(SLAReport.percentile([1, 2, 3, 4], 50) == 2)
        #expect(SLAReport.percentile(Array(1...10), 90) == 9)
        #expect(SLAReport.percentile(Array(1...10), 100) == 10)
        let now = Date(timeIntervalSince1970: 1_000)
        #expect(SLAReport.outcome(due: Date(timeIntervalSince1970: 500), done: Date(timeIntervalSince1970: 400), now: now) == true)
        #expect(SLAReport.outcome(due: Date(timeIntervalSince1970: 500), done: Date(timeIntervalSince1970: 600), now: now) == false)
        #expect(SLAReport.outcome(due: Date(timeIntervalSince1970: 500), done: nil, now: now) == false)
        #expect(SLAReport.outcome(due: Date(timeIntervalSince1970: 5_000), done: nil, now: now) == nil)
        var row = SLAReportRow(group: "Упрдор")
        row.add(outcomes: [(.firstReaction, true), (.answer, false)], firstReaction: 600, firstReactionWall: 600)
        row.add(outcomes: [(.firstReaction, true)], firstReaction: 1_800, firstReactionWall: 60_000)
        #expect(row.compliance == 200.0 / 3)
        #expect(row.firstReactionMedian == 600 && row.firstReactionP90 == 1_800)
        let csv = SLAReport.render([row], by: "agency", format: .csv, from: now, to: now)
        #expect(csv.split(separator: "\n").last == "Упрдор,2,3,2,1,66.7,10,30,0,1,0,0,10,1000")
        let json = SLAReport.render([row], by: "agency", format: .json, from: now, to: now)
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let first = (object?["rows"] as? [[String: Any]])?.first
        #expect(abs((first?["compliance_percent"] as? Double ?? 0) - 66.7) < 0.001)
        #expect(first?["first_reaction_p90_minutes"] as? Int == 30)
    }
}
