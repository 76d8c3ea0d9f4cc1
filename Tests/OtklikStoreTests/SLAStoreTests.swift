import Foundation
import GRDB
import OtklikCore
import Testing
@testable import OtklikStore

/// The SLA engine in the store: deadlines at registration, recomputation from events,
/// warnings and breaches recorded once, escalation, extensions, calendars.
@Suite struct SLAStoreTests {
    /// Local wall time in a zone.
    static func local(_ text: String, _ zone: String = "Europe/Moscow") -> Date {
        let parts = text.split(separator: " ")
        let day = CivilDay(iso: parts[0])!
        let hm = parts[1].split(separator: ":").map { Int($0)! }
        let seconds = day.number * 86_400 + hm[0] * 3_600 + hm[1] * 60
        let zone = TimeZone(identifier: zone)!
        let guess = Date(timeIntervalSince1970: TimeInterval(seconds))
        return Date(timeIntervalSince1970: TimeInterval(seconds - zone.secondsFromGMT(for: guess)))
    }

    /// A store with two agencies at the ends of Russia, a topic tree, an operator, and a
    /// topic policy for housing (ЖКХ) over the built-in ones.
    static func makeStore() throws -> Store {
        let store = try Store.open(path: temporaryStorePath())
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO setting(key, value) VALUES ('center.time_zone', 'Europe/Moscow');
                INSERT INTO agency(id, short_name, name, time_zone) VALUES (1, 'Водоканал-39', 'Калининградский водоканал', 'Europe/Kaliningrad');
                INSERT INTO agency(id, short_name, name, time_zone) VALUES (2, 'Дороги-41', 'Дороги Камчатки', 'Asia/Kamchatka');
                INSERT INTO topic(id, parent_id, code, name, default_agency_id) VALUES (1, NULL, 'zhkh', 'ЖКХ', 1);
                INSERT INTO topic(id, parent_id, code, name, default_agency_id) VALUES (2, 1, 'zhkh.water', 'Нет воды', 1);
                INSERT INTO topic(id, parent_id, code, name, default_agency_id) VALUES (3, NULL, 'roads', 'Дороги', 2);
                INSERT INTO operator(id, login, name, role) VALUES (1, 'ivanova', 'Иванова', 'operator');
                INSERT INTO operator(id, login, name, role) VALUES (2, 'supervisor', 'Волкова', 'supervisor');
                """)
        }
        let housing = SLAPolicy(code: "zhkh-fast", name: "ЖКХ: быстро", sourceKinds: [], minimumPriority: nil, topicCode: "zhkh",
                                firstReaction: SLATarget(30, .workingMinutes), answer: .workingHours(2), final: .workingDays(3),
                                finalAnchor: .intermediateAnswer, warningPercent: 50)
        try store.loadPolicies([SLAPolicy.appeal59FZ, housing, .socialImportant, .socialStandard])
        return store
    }

    static func register(_ store: Store, _ text: String, source: SourceKind = .vk, topic: String? = nil, priority: Priority = .normal,
                         at: Date) throws -> Int {
        try store.registerIncident(NewIncident(source: source, text: text, topicCode: topic, priority: priority, createdAt: at),
                                   at: at, actor: "test")
    }

    static func row(_ store: Store, _ number: Int) throws -> Row {
        try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM incident WHERE number = ?", arguments: [number])! }
    }

    static func date(_ row: Row, _ column: String) -> Date? { (row[column] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) } }

    /// A status change as other writers make it: the row, version + 1, and an audit event.
    static func setStatus(_ store: Store, _ number: Int, _ status: IncidentStatus, at: Date) throws {
        try store.pool.write { db in
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM incident WHERE number = ?", arguments: [number])!
            let before = try String.fetchOne(db, sql: "SELECT status FROM incident WHERE id = ?", arguments: [id])!
            try db.execute(sql: """
                UPDATE incident SET status = ?, closed_at = ?, due_at = NULL, warn_at = NULL, version = version + 1, updated_at = ?
                WHERE id = ?
                """, arguments: [status.rawValue, status.isTerminal ? at.timeIntervalSince1970 : nil, Int64(at.timeIntervalSince1970), id])
            try db.execute(sql: """
                INSERT INTO event(at, actor, incident_id, action, field, before, after) VALUES (?, 'operator:ivanova', ?, 'incident.take', 'status', ?, ?)
                """, arguments: [Int64(at.timeIntervalSince1970), id, before, status.rawValue])
        }
    }

    static func reply(_ store: Store, _ number: Int, _ kind: MessageKind, at: Date) throws {
        try store.pool.write { db in
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM incident WHERE number = ?", arguments: [number])!
            try db.execute(sql: "INSERT INTO message(incident_id, kind, operator_id, text, created_at) VALUES (?, ?, 1, 'Ответ', ?)",
                           arguments: [id, kind.rawValue, Int64(at.timeIntervalSince1970)])
            try db.execute(sql: "UPDATE incident SET version = version + 1, updated_at = ? WHERE id = ?", arguments: [Int64(at.timeIntervalSince1970), id])
        }
    }

    static func events(_ store: Store, _ number: Int, _ action: String) throws -> [Row] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.* FROM event e JOIN incident i ON i.id = e.incident_id WHERE i.number = ? AND e.action = ? ORDER BY e.at, e.id
                """, arguments: [number, action])
        }
    }

    // MARK: Registration and recomputation

    @Test func registrationUsesTheTopicPolicyAndTheAgencysZone() throws {
        let store = try Self.makeStore()
        // 12:00 Moscow is 11:00 in Kaliningrad; the housing policy covers «Нет воды» below «ЖКХ».
        let at = Self.local("2026-11-25 12:00")
        let number = try Self.register(store, "Нет воды третий день", topic: "zhkh.water", at: at)
        let row = try Self.row(store, number)
        #expect(row["sla_policy_id"] != nil)
        let evaluation = try store.slaEvaluation(number: number, at: at).evaluation
        #expect(evaluation.context.policy.code == "zhkh-fast")
        #expect(evaluation.context.calendar.timeZone.identifier == "Europe/Kaliningrad")
        // Answer: 2 working hours from 11:00 Kaliningrad: 11:00–13:00.
        #expect(Self.date(row, "answer_due") == Self.local("2026-11-25 13:00", "Europe/Kaliningrad"))
        #expect(Self.date(row, "due_at") == Self.local("2026-11-25 11:30", "Europe/Kaliningrad"))
        #expect(row["version"] == 1 && row["sla_version"] == 1)
    }

    @Test func sameIncidentInUTCPlus2AndUTCPlus12() throws {
        let store = try Self.makeStore()
        let at = Date(timeIntervalSince1970: TimeInterval(CivilDay(iso: "2026-11-25")!.number * 86_400 + 6 * 3_600))  // 06:00 UTC
        let west = try Self.register(store, "Вода", source: .telegram, topic: "zhkh", at: at)
        let east = try Self.register(store, "Яма", source: .telegram, topic: "roads", at: at)
        // Kaliningrad 08:00: react by 09:30 (30 working min of the housing policy from 09:00).
        #expect(Self.date(try Self.row(store, west), "first_reaction_due") == Self.local("2026-11-25 09:30", "Europe/Kaliningrad"))
        // Kamchatka 18:00, the day is over: the standard hour ends at 10:00 next morning.
        #expect(Self.date(try Self.row(store, east), "first_reaction_due") == Self.local("2026-11-26 10:00", "Asia/Kamchatka"))
    }

    @Test func topicChangeRecomputesByTheStatedRule() throws {
        let store = try Self.makeStore()
        let registered = Self.local("2026-11-23 10:00")  // Monday; agency none: the center's calendar in Moscow
        let number = try Self.register(store, "Яма и нет воды", at: registered)
        try Self.setStatus(store, number, .inProgress, at: Self.local("2026-11-23 10:20"))
        try store.slaTick(at: Self.local("2026-11-23 10:20"))
        #expect(Self.date(try Self.row(store, number), "answer_due") == Self.local("2026-11-24 10:45"))
        // 11:00: the operator moves it to «Нет воды»: the housing policy and the Kaliningrad
        // calendar now count the running answer clock from registration (10:00 Moscow =
        // 09:00 Kaliningrad): 2 working hours → 11:00 Kaliningrad. The first reaction
        // (stopped at 10:20) keeps the standard policy it stopped under.
        let evaluation = try store.reclassify(number: number, topicCode: "zhkh.water", agencyShortName: "Водоканал-39",
                                              at: Self.local("2026-11-23 11:00"), actor: "operator:ivanova")
        #expect(evaluation.clock(.answer)?.due == Self.local("2026-11-23 11:00", "Europe/Kaliningrad"))
        #expect(evaluation.clock(.firstReaction)?.context.policy.code == "social-standard")
        let row = try Self.row(store, number)
        #expect(Self.date(row, "answer_due") == Self.local("2026-11-23 11:00", "Europe/Kaliningrad"))
        #expect(try Self.events(store, number, "sla.context").count == 1)
        #expect(try Self.events(store, number, "incident.reclassified").map { $0["field"] as String } == ["topic", "agency"])
        // Recomputing again changes nothing and adds no event.
        try store.recomputeSLA(number: number, at: Self.local("2026-11-23 11:05"))
        #expect(try Self.events(store, number, "sla.context").count == 1)
        #expect(Self.date(try Self.row(store, number), "answer_due") == Self.local("2026-11-23 11:00", "Europe/Kaliningrad"))
    }

    @Test func policyPinnedByHandSurvivesAPriorityChange() throws {
        let store = try Self.makeStore()
        let at = Self.local("2026-11-23 10:00")
        let number = try Self.register(store, "Вопрос", at: at)
        try store.reclassify(number: number, policyCode: "appeal-59fz", at: at.addingTimeInterval(60), actor: "operator:ivanova")
        let evaluation = try store.reclassify(number: number, priority: .critical, at: at.addingTimeInterval(120), actor: "operator:ivanova")
        #expect(evaluation.context.policy.code == "appeal-59fz")
        let auto = try store.reclassify(number: number, policyCode: "auto", at: at.addingTimeInterval(180), actor: "operator:ivanova")
        #expect(auto.context.policy.code == "social-important")
        #expect(throws: SLAError.unknownPolicy("nope")) {
            try store.reclassify(number: number, policyCode: "nope", at: at, actor: "t")
        }
    }

    @Test func writersChangesAreRecomputedByTheTick() throws {
        let store = try Self.makeStore()
        let number = try Self.register(store, "Свет", at: Self.local("2026-11-23 10:00"))
        #expect(Self.date(try Self.row(store, number), "due_at") == Self.local("2026-11-23 11:00"))
        // The console takes it (status only, as Store.perform writes it): the tick finds the
        // version moved on and sets the answer clock as the inbox clock.
        try Self.setStatus(store, number, .inProgress, at: Self.local("2026-11-23 10:10"))
        let summary = try store.slaTick(at: Self.local("2026-11-23 10:11"))
        #expect(summary.visited == 1 && summary.changed == 1)
        let row = try Self.row(store, number)
        #expect(Self.date(row, "first_reaction_at") == Self.local("2026-11-23 10:10"))
        #expect(Self.date(row, "due_at") == Self.local("2026-11-24 10:45"))
        #expect((row["version"] as Int) == (row["sla_version"] as Int))
        #expect(try store.slaTick(at: Self.local("2026-11-23 10:12")).visited == 0)
    }

    @Test func waitingForTheCitizenPausesFromTheStatusHistory() throws {
        let store = try Self.makeStore()
        let number = try Self.register(store, "Уточните адрес", at: Self.local("2026-11-23 10:00"))
        try Self.setStatus(store, number, .inProgress, at: Self.local("2026-11-23 10:05"))
        try Self.setStatus(store, number, .waitingCitizen, at: Self.local("2026-11-23 11:00"))
        try store.slaTick(at: Self.local("2026-11-24 12:00"))
        var row = try Self.row(store, number)
        #expect(row["due_at"] == nil && row["warn_at"] == nil)
        #expect(Self.date(row, "answer_due") == Self.local("2026-11-24 10:45"))  // before the pause
        try Self.setStatus(store, number, .inProgress, at: Self.local("2026-11-24 15:00"))
        try store.slaTick(at: Self.local("2026-11-24 15:00"))
        row = try Self.row(store, number)
        #expect(Self.date(row, "due_at") == Self.local("2026-11-25 14:45"))
        #expect(try Self.events(store, number, "sla.breached").isEmpty)
    }

    @Test func followUpAfterAnAnswerOwesANextReply() throws {
        let store = try Self.makeStore()
        let number = try Self.register(store, "Опять нет света", at: Self.local("2026-11-23 10:00"))
        try Self.setStatus(store, number, .inProgress, at: Self.local("2026-11-23 10:05"))
        try Self.reply(store, number, .intermediateReply, at: Self.local("2026-11-23 11:00"))
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO message(incident_id, kind, text, created_at) VALUES (1, 'citizen_followup', 'Так когда?', ?)",
                           arguments: [Int64(Self.local("2026-11-23 14:00").timeIntervalSince1970)])
            try db.execute(sql: "UPDATE incident SET version = version + 1 WHERE id = 1")
        }
        try store.slaTick(at: Self.local("2026-11-23 14:01"))
        let row = try Self.row(store, number)
        #expect(Self.date(row, "next_reply_due") == Self.local("2026-11-23 15:00"))
        #expect(Self.date(row, "due_at") == Self.local("2026-11-23 15:00"))
        #expect(Self.date(row, "answered_at") == Self.local("2026-11-23 11:00"))
    }

    // MARK: Warnings and breaches, once

    @Test func warningAndBreachAreRecordedOnce() throws {
        let store = try Self.makeStore()
        let number = try Self.register(store, "Нет отопления", at: Self.local("2026-11-23 10:00"))
        // 10:50: past 75 % of the first-reaction hour.
        var summary = try store.slaTick(at: Self.local("2026-11-23 10:50"))
        #expect(summary.warnings == 1 && summary.breaches == 0)
        summary = try store.slaTick(at: Self.local("2026-11-23 10:55"))
        #expect(summary.visited == 0)
        // 11:30: the first reaction is breached; the answer is not yet at risk.
        summary = try store.slaTick(at: Self.local("2026-11-23 11:30"))
        #expect(summary.breaches == 1 && summary.warnings == 0)
        #expect(try store.slaTick(at: Self.local("2026-11-23 11:31")).visited == 0)
        // Recomputing by hand records nothing twice.
        try store.recomputeSLA(number: number, at: Self.local("2026-11-23 11:40"))
        let warnings = try Self.events(store, number, "sla.warning")
        let breaches = try Self.events(store, number, "sla.breached")
        #expect(warnings.count == 1 && breaches.count == 1)
        #expect(warnings.first?["field"] == "first_reaction")
        // The event is dated when the threshold was crossed, not when the tick ran.
        #expect(Self.date(breaches[0], "at") == Self.local("2026-11-23 11:00"))
    }

    @Test func aLateTickRecordsWhatHappenedMeanwhile() throws {
        let store = try Self.makeStore()
        let number = try Self.register(store, "Течёт крыша", at: Self.local("2026-11-23 10:00"))
        // Nobody ticked; the operator reacted at 11:20 (late) and answered at 20:00 Tuesday.
        try Self.setStatus(store, number, .inProgress, at: Self.local("2026-11-23 11:20"))
        try Self.reply(store, number, .intermediateReply, at: Self.local("2026-11-24 12:00"))
        let summary = try store.slaTick(at: Self.local("2026-11-24 12:01"))
        #expect(summary.breaches == 2)  // first reaction (11:00) and answer (Tue 10:45)
        #expect(try Self.events(store, number, "sla.breached").map { $0["field"] as String } == ["first_reaction", "answer"])
    }

    @Test func severalProcessesTickingRecordOnce() throws {
        let path = temporaryStorePath()
        let store = try Store.open(path: path)
        for index in 0..<40 {
            try store.registerIncident(NewIncident(source: .vk, externalID: "\(index)", text: "Жалоба \(index)", createdAt: Self.local("2026-11-23 10:00")),
                                       at: Self.local("2026-11-23 10:00"), actor: "test")
        }
        let later = Self.local("2026-11-25 12:00")
        let results = try [0, 1, 2].map { _ in try Store.open(path: path) }.concurrentMap { other in
            try other.slaTick(at: later, batchSize: 7)
        }
        #expect(results.map(\.breaches).reduce(0, +) == 80)  // each incident: first reaction and answer
        let counts = try store.pool.read { db in
            try Int.fetchAll(db, sql: "SELECT count(*) FROM event WHERE action = 'sla.breached' GROUP BY incident_id")
        }
        #expect(counts == Array(repeating: 2, count: 40))
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE action = 'sla.warning'") } == 80)
    }

    @Test func escalationRaisesPriorityAndReassignsOnce() throws {
        let store = try Self.makeStore()
        let number = try Self.register(store, "Авария", at: Self.local("2026-11-23 10:00"))
        try Self.setStatus(store, number, .inProgress, at: Self.local("2026-11-23 10:10"))
        let rules = [EscalationRule(clock: .answer, afterMinutes: 30, raisePriority: true, reassignTo: "supervisor")]
        try store.loadSLAConfig(SLAConfig(escalations: rules))
        #expect(try store.escalationRules() == rules)
        // The answer is due Tuesday 10:45; at 11:00 it is 15 minutes late: no escalation yet,
        // but the tick is told to look again at 11:15.
        #expect(try store.slaTick(at: Self.local("2026-11-24 11:00")).escalations == 0)
        #expect(Self.date(try Self.row(store, number), "sla_check_at") == Self.local("2026-11-24 11:15"))
        let summary = try store.slaTick(at: Self.local("2026-11-24 11:20"))
        #expect(summary.escalations == 1)
        var row = try Self.row(store, number)
        #expect(row["priority"] == "high")
        #expect(row["owner_id"] == 2 as Int64)
        // Now important: the social-important policy counts the answer (4 working hours).
        #expect(try store.slaEvaluation(number: number, at: Self.local("2026-11-24 11:20")).evaluation.context.policy.code == "social-important")
        try store.recomputeSLA(number: number, at: Self.local("2026-11-24 12:00"))
        #expect(try store.slaTick(at: Self.local("2026-11-24 13:00")).escalations == 0)
        row = try Self.row(store, number)
        #expect(row["priority"] == "high")
        #expect(try Self.events(store, number, "sla.escalated").count == 1)
        // The reassignment by the system is not a reaction of an operator.
        #expect(try Self.events(store, number, "sla.escalation").map { $0["field"] as String }.sorted() == ["owner", "priority"])
    }

    // MARK: 59-ФЗ extension

    @Test func appealExtendedOnceWithAReason() throws {
        let store = try Self.makeStore()
        let number = try Self.register(store, "Обращение о ремонте дороги", source: .pos, at: Self.local("2026-11-02 15:00"))
        #expect(Self.date(try Self.row(store, number), "final_due") == Self.local("2026-12-03 00:00"))
        #expect(throws: SLAError.noReason) {
            try store.extendFinalDeadline(number: number, reason: "  ", at: Self.local("2026-11-20 10:00"), actor: "operator:ivanova")
        }
        let extended = try store.extendFinalDeadline(number: number, reason: "Запрошены документы в администрации района",
                                                     at: Self.local("2026-11-20 10:00"), actor: "operator:ivanova")
        // 60 days from 2 November: 1 January 2027, a holiday → the end of Monday 11 January.
        #expect(extended.clock(.final)?.due == Self.local("2027-01-12 00:00"))
        #expect(Self.date(try Self.row(store, number), "final_due") == Self.local("2027-01-12 00:00"))
        #expect(throws: SLAError.extensionLimit(policy: "appeal-59fz", max: 1)) {
            try store.extendFinalDeadline(number: number, reason: "Ещё", at: Self.local("2026-11-21 10:00"), actor: "operator:ivanova")
        }
        let social = try Self.register(store, "Пост", at: Self.local("2026-11-23 10:00"))
        #expect(throws: SLAError.extensionNotAllowed(policy: "social-standard")) {
            try store.extendFinalDeadline(number: social, reason: "x", at: Self.local("2026-11-23 11:00"), actor: "t")
        }
        let explanation = try store.slaExplanation(number: number, at: Self.local("2026-11-21 10:00")).joined(separator: "\n")
        #expect(explanation.contains("final deadline extended: Запрошены документы"))
        #expect(explanation.contains("extended 1×"))
    }

    // MARK: Calendars in the store

    @Test func regionalCalendarForOneAgency() throws {
        let store = try Self.makeStore()
        let regional = try CalendarDefinition.parse("""
            code = "ru-39-2026"
            extends = "ru-2026"
            [holidays]
            2026-11-24 = "Региональный день"
            [working]
            2026-11-28 = ["10:00-14:00"]
            """, path: "r.toml")
        try store.importCalendar(regional, assign: .agency("Водоканал-39"))
        let (calendar, label) = try store.workingCalendar(agencyShortName: "Водоканал-39")
        #expect(calendar.name == "ru-2026 + ru-39-2026")
        #expect(label.contains("Водоканал-39 (Europe/Kaliningrad)"))
        #expect(!calendar.isWorkingDay(CivilDay(iso: "2026-11-24")!))
        #expect(calendar.intervals(on: CivilDay(iso: "2026-11-28")!) == [WorkingInterval(10, 0, 14, 0)])
        #expect(calendar.notes[CivilDay(iso: "2026-11-04")!] == "День народного единства")
        // The other agency keeps the center's calendar (the first stored one: ru-2026).
        let (other, _) = try store.workingCalendar(agencyShortName: "Дороги-41")
        #expect(other.isWorkingDay(CivilDay(iso: "2026-11-24")!))
        // A file that does not add up is refused.
        var wrong = regional
        wrong.year = 2026
        wrong.workingDays = 250  // one holiday less, one working Saturday more: 247
        #expect(throws: SLAError.badCalendar("ru-39-2026: 247 working days in 2026, the file says working_days = 250")) {
            try store.importCalendar(wrong)
        }
        #expect(throws: SLAError.unknownAgency("Нет такого")) { try store.workingCalendar(agencyShortName: "Нет такого") }
    }

    @Test func v6UpgradesAStoreKeepingItsPoliciesAndIncidents() throws {
        let path = temporaryStorePath()
        do {
            let pool = try DatabasePool(path: path)
            try StoreMigrator.make().migrate(pool, upTo: StoreMigrator.v5)
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO sla_policy(code, name, source_kinds, rank, first_reaction_amount, first_reaction_unit, answer_amount,
                        answer_unit, final_amount, final_unit, final_anchor, warning_percent)
                    VALUES ('appeal-59fz', 'Обращение 59-ФЗ', 'pos', 0, 3, 'calendar_days', 7, 'calendar_days', 30, 'calendar_days',
                        'registration', 80);
                    INSERT INTO source(id, code, kind, name) VALUES (1, 'pos', 'pos', 'ПОС');
                    INSERT INTO incident(number, source_id, external_id, status, priority, sla_policy_id, excerpt, created_at,
                        registered_at, due_at, version, updated_at) VALUES (1, 1, 'a', 'new', 'normal', 1, 'x', 0, 0, 100, 3, 0);
                    """)
            }
            try pool.close()
        }
        let store = try Store.open(path: path)
        #expect(try store.slaPolicies().first?.maxExtensions == 1)
        #expect(try store.slaPolicies().first?.finalExtension == .calendarDays(30))
        // Written before v6: its version (3) differs from sla_version (1), so the first tick
        // recomputes it from its events.
        let row = try Self.row(store, 1)
        #expect(row["sla_version"] == 1 && row["version"] == 3)
        #expect(try store.slaTick(at: Date(timeIntervalSince1970: 1_000)).visited == 1)
    }

    @Test func demoStoreTicksCleanly() throws {
        let store = try Store.open(path: temporaryStorePath())
        try store.populateDemo(seed: 3, size: 400, now: fixedNow)
        let first = try store.slaTick(at: fixedNow)
        #expect(first.failed == 0)
        #expect(first.breaches > 0)
        #expect(try store.slaTick(at: fixedNow).visited == 0)
        let (foreignKeys, integrity) = try store.pool.read { db in
            (try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"), try String.fetchOne(db, sql: "PRAGMA integrity_check"))
        }
        #expect(foreignKeys.isEmpty)
        #expect(integrity == "ok")
        #expect(try store.slaPolicies().first { $0.code == "appeal-59fz" }?.maxExtensions == 1)
    }
}

extension Array {
    /// Runs `transform` on every element at once, each on its own thread.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) throws -> T) throws -> [T] where Element: Sendable {
        let box = ResultBox<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            box.set(index, Result { try transform(self[index]) })
        }
        return try box.values.map { try $0!.get() }
    }
}

final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<T, Error>?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<T, Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
