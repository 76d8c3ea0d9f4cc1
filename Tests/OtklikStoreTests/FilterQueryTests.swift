import Foundation
import GRDB
import OtklikCore
import Testing
@testable import OtklikStore

/// Every filter against a brute-force filter over the whole unfiltered inbox of a small
/// demo store.
@Suite struct FilterQueryTests {
    /// One incident with what the brute force needs beyond its summary.
    struct Incident: Sendable {
        let summary: IncidentSummary
        let closedAt: Date?
        let topicCode: String?
        let texts: [String]
    }

    static let center = TimeZone(identifier: DemoRegion.centerTimeZone)!

    /// One demo store for the whole suite: the tests only read it.
    struct Fixture: Sendable {
        let store: Store
        let all: [Incident]
    }

    static let fixture: Result<Fixture, any Error> = Result { try makeFixture() }

    let store: Store
    let all: [Incident]

    init() throws {
        let fixture = try Self.fixture.get()
        store = fixture.store
        all = fixture.all
    }

    static func makeFixture() throws -> Fixture {
        let store = try Store.open(path: temporaryStorePath())
        try store.populateDemo(seed: 5, size: 600, now: fixedNow)
        let page = try store.inboxPage(offset: 0, limit: 10_000)
        let (extras, texts) = try store.pool.read { db in
            let extras = try Row.fetchAll(db, sql: "SELECT i.id, i.closed_at, t.code FROM incident i LEFT JOIN topic t ON t.id = i.topic_id")
            let texts = try Row.fetchAll(db, sql: "SELECT incident_id, text FROM message ORDER BY id")
            return (extras, texts)
        }
        let byID = Dictionary(uniqueKeysWithValues: extras.map { ($0[0] as Int64, ($0[1] as Int64?, $0[2] as String?)) })
        let textsByID = Dictionary(grouping: texts, by: { $0[0] as Int64 }).mapValues { $0.map { $0[1] as String } }
        let all = page.map { summary in
            let extra = byID[summary.id]!
            return Incident(summary: summary, closedAt: extra.0.map { Date(timeIntervalSince1970: TimeInterval($0)) },
                            topicCode: extra.1, texts: textsByID[summary.id] ?? [])
        }
        return Fixture(store: store, all: all)
    }

    /// Checks the filter's count and rows against the brute force; returns the rows.
    @discardableResult
    func check(_ text: String, operatorLogin: String? = "ivanova", timeZone: TimeZone = center,
               nonEmpty: Bool = true, sourceLocation: SourceLocation = #_sourceLocation,
               _ predicate: (Incident) -> Bool) throws -> [IncidentSummary] {
        let filter = try InboxFilter.parse(text, now: fixedNow, timeZone: timeZone)
        let expected = all.filter(predicate).map(\.summary)
        let count = try store.inboxCount(filter: filter, operatorLogin: operatorLogin, now: fixedNow)
        let rows = try store.inboxPage(filter: filter, operatorLogin: operatorLogin, now: fixedNow, offset: 0, limit: 10_000)
        #expect(count == expected.count, "count of «\(text)»", sourceLocation: sourceLocation)
        #expect(rows.map(\.id) == expected.map(\.id), "rows of «\(text)»", sourceLocation: sourceLocation)
        if nonEmpty {
            #expect(!expected.isEmpty, "«\(text)» should match something in the demo", sourceLocation: sourceLocation)
            #expect(expected.count < all.count, "«\(text)» should leave something out", sourceLocation: sourceLocation)
        }
        // Pages are windows of the same order.
        let window = try store.inboxPage(filter: filter, operatorLogin: operatorLogin, now: fixedNow, offset: 3, limit: 5)
        #expect(window.map(\.id) == Array(expected.dropFirst(3).prefix(5).map(\.id)), "window of «\(text)»", sourceLocation: sourceLocation)
        return rows
    }

    @Test func demoIsLargeEnough() {
        #expect(all.count == 600)
    }

    @Test func emptyFilterIsTheWholeInbox() throws {
        #expect(try store.inboxCount(filter: .all, operatorLogin: nil, now: fixedNow) == 600)
        #expect(try store.inboxPage(filter: .all, operatorLogin: nil, now: fixedNow, offset: 10, limit: 20)
                == store.inboxPage(offset: 10, limit: 20))
    }

    @Test func enumeratedKeys() throws {
        try check("статус:новый") { $0.summary.status == .new }
        try check("status:in_progress,waiting_agency") { [.inProgress, .waitingAgency].contains($0.summary.status) }
        try check("источник:вк") { $0.summary.source == .vk }
        try check("источник:тг,почта,311") { [.telegram, .email, .open311].contains($0.summary.source) }
        try check("приоритет:высокий,критический") { $0.summary.priority >= .high }
        try check("статус:закрыт,без_ответа") { $0.summary.status.isTerminal }
        try check("статус:ждёт_автора открытые") { $0.summary.status == .waitingCitizen }
        try check("статус:новый,закрыт open") { $0.summary.status == .new }
        try check("открытые статус:закрыт", nonEmpty: false) { _ in false }
        try check("статус:без_ответа просрочено", nonEmpty: false) { _ in false }
        try check("статус:новый источник:вк приоритет:обычный") {
            $0.summary.status == .new && $0.summary.source == .vk && $0.summary.priority == .normal
        }
    }

    @Test func clockFlags() throws {
        let now = fixedNow
        try check("просрочено") { $0.summary.dueAt.map { $0 <= now } ?? false }
        try check("подугрозой") { $0.summary.clockState(at: now) == .warning }
        try check("открытые") { !$0.summary.status.isTerminal }
        try check("неназначенные") { $0.summary.ownerLogin == nil }
        try check("просрочено источник:вк") { ($0.summary.dueAt.map { $0 <= now } ?? false) && $0.summary.source == .vk }
        try check("open unassigned") { !$0.summary.status.isTerminal && $0.summary.ownerLogin == nil }
    }

    @Test func topicIncludesSubtopics() throws {
        let roads = try check("тема:дороги") { $0.topicCode?.hasPrefix("roads.") == true }
        // The demo files incidents under subtopics only; the parent brings all of them.
        #expect(Set(roads.compactMap(\.topicName)).count > 1)
        #expect(!roads.contains { $0.topicName == "Дороги" })
        try check("тема:ROADS") { $0.topicCode?.hasPrefix("roads.") == true }
        try check("topic:utilities.heating") { $0.topicCode == "utilities.heating" }
        // A subtopic by the start of its name, ё = е, any case.
        try check("тема:ОТОПЛЕНИЕ") { $0.topicCode == "utilities.heating" }
        try check("тема:\"мусор / тко\"") { $0.topicCode?.hasPrefix("waste.") == true }
        // Alternatives.
        try check("тема:дороги,газ") { $0.topicCode?.hasPrefix("roads.") == true || $0.topicCode?.hasPrefix("gas.") == true }
        // A term naming no topic matches nothing.
        try check("тема:космос", nonEmpty: false) { _ in false }
    }

    @Test func agenciesAndOwners() throws {
        try check("ведомство:водоканал") { $0.summary.agencyShortName == "Водоканал" }
        try check("ведомство:ОЗЕРСКГАЗ") { $0.summary.agencyShortName == "Озёрскгаз" }
        try check("ведомство:мин") { $0.summary.agencyShortName?.hasPrefix("Мин") == true }
        try check("ведомство:\"Адм. Озерецк\",Теплосеть") { ["Адм. Озерецк", "Теплосеть"].contains($0.summary.agencyShortName) }
        try check("тема:дороги ведомство:Упрдор,Минтранс") {
            $0.topicCode?.hasPrefix("roads.") == true && ["Упрдор", "Минтранс"].contains($0.summary.agencyShortName)
        }
        try check("владелец:petrov") { $0.summary.ownerLogin == "petrov" }
        try check("owner:PETROV,sidorova") { ["petrov", "sidorova"].contains($0.summary.ownerLogin) }
        try check("владелец:nobody", nonEmpty: false) { _ in false }
        try check("ведомство:нет_такого", nonEmpty: false) { _ in false }
    }

    @Test func mine() throws {
        try check("@я") { $0.summary.ownerLogin == "ivanova" }
        try check("@me open", operatorLogin: "galiev") { $0.summary.ownerLogin == "galiev" && !$0.summary.status.isTerminal }
        // The "Мои" view.
        let view = SavedView.builtIn(key: 2)!.filter(now: fixedNow, timeZone: Self.center)
        let mine = try store.inboxPage(filter: view, operatorLogin: "ivanova", now: fixedNow, offset: 0, limit: 1_000)
        #expect(!mine.isEmpty && mine.allSatisfy { $0.ownerLogin == "ivanova" && !$0.status.isTerminal })
        // Nobody at the console, or an unknown operator: nothing is "mine".
        try check("@я", operatorLogin: nil, nonEmpty: false) { _ in false }
        try check("@я", operatorLogin: "ghost", nonEmpty: false) { _ in false }
    }

    @Test func closedToday() throws {
        let utc = TimeZone(identifier: "UTC")!
        for zone in [Self.center, utc, TimeZone(identifier: "America/Los_Angeles")!] {
            let since = SavedView.builtIn(key: 8)!.filter(now: fixedNow, timeZone: zone).closedSince!
            let rows = try check("закрыто:сегодня", timeZone: zone, nonEmpty: zone != Self.center) { ($0.closedAt ?? .distantPast) >= since }
            #expect(rows.allSatisfy { $0.status.isTerminal })
        }
        // The view itself, resolved at query time.
        let view = SavedView.builtIn(key: 8)!.filter(now: fixedNow, timeZone: utc)
        let expected = all.filter { ($0.closedAt ?? .distantPast) >= view.closedSince! }
        #expect(try store.inboxCount(filter: view, operatorLogin: nil, now: fixedNow) == expected.count)
        try check("закрыто:вчера", timeZone: utc) { ($0.closedAt ?? .distantPast) >= view.closedSince!.addingTimeInterval(-86_400) }
    }

    /// The brute force of full text: every word is a token of one message (ё = е, any
    /// case), the last one as a prefix.
    static func matches(_ words: [String], _ incident: Incident) -> Bool {
        let query = words.flatMap { InboxFilter.fold($0).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init) }
        let tokens = incident.texts.flatMap { InboxFilter.fold($0).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init) }
        return query.enumerated().allSatisfy { index, word in
            index == query.count - 1 ? tokens.contains { $0.hasPrefix(word) } : tokens.contains(word)
        }
    }

    @Test func freeWordsWithYo() throws {
        let withYo = try check("счёт") { Self.matches(["счёт"], $0) }
        let withYe = try check("СЧЕТ") { Self.matches(["счет"], $0) }
        #expect(withYo == withYe)
        try check("горячей воды") { Self.matches(["горячей", "воды"], $0) }
        try check("\"горячей воды\" открытые") { Self.matches(["горячей", "воды"], $0) && !$0.summary.status.isTerminal }
        try check("ещё тема:жкх") { Self.matches(["еще"], $0) && $0.topicCode?.hasPrefix("utilities.") == true }
        // Punctuation alone searches for nothing and filters nothing out.
        #expect(try store.inboxCount(filter: InboxFilter(words: ["!!!"]), operatorLogin: nil, now: fixedNow) == 600)
    }

    @Test func userTextNeverReachesSQL() throws {
        let hostile = #"тема:"') OR 1=1 --" ведомство:"x' OR '1'='1" владелец:"a;DROP TABLE incident" "\"; DROP TABLE incident; --""#
        let filter = try InboxFilter.parse(hostile)
        #expect(try store.inboxCount(filter: filter, operatorLogin: "ivanova", now: fixedNow) == 0)
        #expect(try store.inboxCount() == 600)
        let clause = try store.pool.read { db in try FilterClause(InboxFilter(topics: ["дороги"], words: ["'счёт"]), operatorLogin: nil, now: fixedNow, db: db) }!
        #expect(!clause.sql.contains("дороги") && !clause.sql.contains("сч"))
    }
}

extension FilterQueryTests {
    /// A page's ids come from the entries of a v3 filter index alone, never from table
    /// rows; the unfiltered inbox keeps its own index.
    @Test func pagesReadIndexEntriesOnly() throws {
        for text in ["статус:новый", "открытые", "@я открытые", "закрыто:сегодня", "просрочено источник:вк",
                     "тема:дороги ведомство:Упрдор", "статус:без_ответа", "приоритет:критический"] {
            let filter = try InboxFilter.parse(text, now: fixedNow, timeZone: Self.center)
            let plan = try store.pool.read { db -> [String] in
                let clause = try #require(try FilterClause(filter, operatorLogin: "ivanova", now: fixedNow, db: db))
                var arguments = clause.arguments
                arguments += [50, 0]
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT i.id FROM incident i \(clause.sql) \(Store.inboxOrder) LIMIT ? OFFSET ?",
                                        arguments: arguments).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("COVERING INDEX incident_filter_by_") || $0.contains("COVERING INDEX incident_sort_by_status") },
                    "\(text): \(plan)")
            #expect(!plan.contains { $0.contains(" i USING INDEX") || $0.hasPrefix("SCAN i") && !$0.contains("COVERING") }, "\(text): \(plan)")
        }
        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(Store.summarySelect) \(Store.inboxOrder) LIMIT 50").map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("incident_filter_by_order") })
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })
    }

    /// Statuses are sought where an index holds them next: on the rank of v7's status
    /// index, or after the owner in v3's owner index (SchemaV9).
    @Test func statusesAreSoughtOnTheRankOrAfterTheOwner() throws {
        for (text, index) in [("статус:без_ответа", "incident_sort_by_status (<expr>=?)"),
                              ("@я открытые", "incident_filter_by_owner (owner_id=? AND status=?)")] {
            let filter = try InboxFilter.parse(text, now: fixedNow, timeZone: Self.center)
            let plan = try store.pool.read { db -> [String] in
                let clause = try #require(try FilterClause(filter, operatorLogin: "ivanova", now: fixedNow, db: db))
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT count(*) FROM incident i \(clause.sql)",
                                        arguments: clause.arguments).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("COVERING INDEX \(index)") }, "\(text): \(plan)")
        }
    }
}

extension FilterQueryTests {
    /// A v2 store gets the filter indexes on opening and keeps its incidents.
    @Test func version2StoreGetsTheFilterIndexes() throws {
        let path = temporaryStorePath()
        do {
            let pool = try DatabasePool(path: path)
            try StoreMigrator.make().migrate(pool, upTo: StoreMigrator.v2)
            try pool.close()
        }
        do {
            let store = try Store.open(path: path)
            try store.registerIncident(NewIncident(source: .vk, externalID: "1", text: "Яма на дороге", createdAt: fixedNow), at: fixedNow, actor: "test")
        }
        let store = try Store.open(path: path)
        #expect(try store.appliedMigrations().contains(StoreMigrator.v3))
        let indexes = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'incident_filter_by_%' ORDER BY name")
        }
        // v3's six but the status index (v9 leaves statuses to v7's rank index), and v7's
        // index of one agency in inbox order.
        #expect(indexes == ["incident_filter_by_agency", "incident_filter_by_closed", "incident_filter_by_due", "incident_filter_by_order",
                            "incident_filter_by_owner", "incident_filter_by_topic"])
        #expect(try store.inboxCount(filter: InboxFilter.parse("источник:вк яма"), operatorLogin: nil, now: fixedNow) == 1)
    }
}
