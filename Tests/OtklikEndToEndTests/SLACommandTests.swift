import Foundation
import OtklikCore
import OtklikStore
import Testing

/// `otklik sla …` and `otklik report sla` as a person runs them.
@Suite struct SLACommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A store with a few incidents registered on Monday 23 Nov 2026 at 10:00 Moscow.
    static func store() throws -> String {
        let path = temporaryFolder() + "/s.sqlite"
        let store = try Store.open(path: path)
        let monday = Date(timeIntervalSince1970: TimeInterval(CivilDay(iso: "2026-11-23")!.number * 86_400 + 7 * 3_600))
        for (index, source) in [SourceKind.vk, .telegram, .pos].enumerated() {
            try store.registerIncident(NewIncident(source: source, externalID: "\(index)", text: "Жалоба \(index)", createdAt: monday),
                                       at: monday, actor: "test")
        }
        return path
    }

    @Test func dueExplainsFromCalendarFiles() throws {
        let out = try run(otklikBinary, ["sla", "due", "--policy", "social-standard", "--start", "2026-11-27 16:15",
                                         "--calendar", Self.root + "/calendars/ru-2026.toml"])
        #expect(out.status == 0, "\(out.error)")
        #expect(out.output.contains("Sat 28.11 – Sun 29.11  days off"))
        #expect(out.output.contains("  due       Tue 01.12.2026 09:15"))
        let regional = try run(otklikBinary, ["sla", "due", "--policy", "social-important", "--start", "2026-03-19 17:00",
                                              "--zone", "Asia/Yekaterinburg",
                                              "--calendar", Self.root + "/calendars/ru-2026.toml",
                                              "--calendar", Self.root + "/calendars/regions/ru-ba-2026.toml"])
        #expect(regional.status == 0, "\(regional.error)")
        #expect(regional.output.contains("Fri 20.03 – Sun 22.03  holiday: Ураза-байрам"), "\(regional.output)")
        #expect(regional.output.contains("Asia/Yekaterinburg, UTC+05:00"))
        let bad = try run(otklikBinary, ["sla", "due", "--policy", "nope", "--start", "2026-11-27 16:15",
                                         "--calendar", Self.root + "/calendars/ru-2026.toml"])
        #expect(bad.status != 0 && bad.error.contains("unknown policy nope"))
    }

    @Test func tickExplainExtendAndReport() throws {
        let db = try Self.store()
        let tick = try run(otklikBinary, ["sla", "tick", "--db", db, "--at", "2026-11-24 12:00"])
        #expect(tick.status == 0, "\(tick.error)")
        #expect(tick.output.contains("breaches 4"), "\(tick.output)")  // two social incidents: reaction and answer
        let again = try run(otklikBinary, ["sla", "tick", "--db", db, "--at", "2026-11-24 12:00", "--quiet"])
        #expect(again.status == 0 && again.output.isEmpty, "\(again.output)")

        let explain = try run(otklikBinary, ["sla", "explain", "1", "--db", db, "--at", "2026-11-24 12:00"])
        #expect(explain.status == 0, "\(explain.error)")
        #expect(explain.output.contains("Answer: 9 working hours"))
        #expect(explain.output.contains("state     breached"))

        let extend = try run(otklikBinary, ["sla", "extend", "3", "--reason", "Запрошены документы", "--db", db, "--operator", "ivanova"])
        #expect(extend.status == 0, "\(extend.error)")
        #expect(extend.output.contains("final answer now due"))
        let twice = try run(otklikBinary, ["sla", "extend", "3", "--reason", "Ещё раз", "--db", db])
        #expect(twice.status != 0 && twice.error.contains("allows 1 extension"))

        let csv = try run(otklikBinary, ["report", "sla", "--from", "2026-11-01", "--to", "2026-12-01", "--by", "agency",
                                         "--format", "csv", "--at", "2026-11-24 12:00", "--db", db])
        #expect(csv.status == 0, "\(csv.error)")
        let lines = csv.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("agency,incidents,judged,met,breached,compliance_percent") == true)
        #expect(lines.count == 2 && lines[1].hasPrefix("—,3,4,0,4,0.0,"))
        let table = try run(otklikBinary, ["report", "sla", "--from", "2026-11-01", "--to", "2026-12-01", "--by", "operator", "--db", db])
        #expect(table.status == 0 && table.output.contains("reaction median"))
    }

    @Test func policiesAndCalendarsLoad() throws {
        let db = try Self.store()
        let load = try run(otklikBinary, ["sla", "policies", "--load", Self.root + "/sla/sla.toml", "--db", db])
        #expect(load.status == 0, "\(load.error)")
        #expect(load.output.contains("loaded 3 policies and 2 escalation rules"))
        #expect(load.output.contains("escalation: answer of social-important 30 min past the deadline → reassign to supervisor"))
        let check = try run(otklikBinary, ["sla", "calendar", Self.root + "/calendars/regions/ru-ba-2026.toml", "--check"])
        #expect(check.status == 0 && check.output.contains("ru-ba-2026, 5 special days, extends ru-2026: ok"), "\(check.error)")
        let imported = try run(otklikBinary, ["sla", "calendar", Self.root + "/calendars/regions/ru-ba-2026.toml", "--center", "--db", db])
        #expect(imported.status == 0, "\(imported.error)")
        let due = try run(otklikBinary, ["sla", "due", "--policy", "social-standard", "--start", "2026-03-19 17:00", "--db", db])
        #expect(due.output.contains("ru-2026 + ru-ba-2026"), "\(due.output)")
        #expect(due.output.contains("Ураза-байрам"))
    }
}
