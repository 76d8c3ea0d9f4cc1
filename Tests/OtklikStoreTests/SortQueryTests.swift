import Foundation
import GRDB
import OtklikCore
import Testing
@testable import OtklikStore

/// Every sort order of the inbox against the same order computed in Swift over the whole
/// unfiltered inbox of a small demo store, filtered and not, forwards and backwards.
@Suite struct SortQueryTests {
    static let fixture: Result<(Store, [IncidentSummary]), any Error> = Result {
        let store = try Store.open(path: temporaryStorePath())
        try store.populateDemo(seed: 5, size: 600, now: fixedNow)
        return (store, try store.inboxPage(offset: 0, limit: 10_000))
    }

    let store: Store
    let all: [IncidentSummary]

    init() throws {
        (store, all) = try Self.fixture.get()
    }

    /// The order of `sort`, by brute force.
    static func sorted(_ rows: [IncidentSummary], _ sort: InboxSort) -> [IncidentSummary] {
        func deadline(_ a: IncidentSummary, _ b: IncidentSummary) -> Bool {
            let x = a.dueAt ?? .distantFuture, y = b.dueAt ?? .distantFuture
            return x != y ? x < y : a.id < b.id
        }
        switch sort {
        case .deadline: return rows.sorted(by: deadline)
        case .newest: return rows.sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.id > $1.id }
        case .number: return rows.sorted { $0.number < $1.number }
        case .status:
            return rows.sorted {
                let (x, y) = (InboxSort.rank(of: $0.status), InboxSort.rank(of: $1.status))
                return x != y ? x < y : deadline($0, $1)
            }
        case .agency:
            // No agency first; names in SQLite's BINARY order (UTF-8 bytes).
            return rows.sorted {
                switch ($0.agencyShortName, $1.agencyShortName) {
                case (nil, nil): return deadline($0, $1)
                case (nil, _): return true
                case (_, nil): return false
                case let (x?, y?): return x != y ? Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) : deadline($0, $1)
                }
            }
        }
    }

    @Test(arguments: InboxSort.allCases)
    func unfilteredPagesAreWindowsOfTheOrder(sort: InboxSort) throws {
        let expected = Self.sorted(all, sort).map(\.id)
        #expect(try store.inboxPage(filter: .all, sort: sort, operatorLogin: nil, now: fixedNow, offset: 0, limit: 10_000).map(\.id) == expected)
        for offset in [0, 1, 17, 250, 299, 300, 301, 550, 590, 599, 600] {
            let window = Array(expected.dropFirst(offset).prefix(50))
            #expect(try store.inboxPage(filter: .all, sort: sort, operatorLogin: nil, now: fixedNow, offset: offset, limit: 50).map(\.id) == window,
                    "forwards from \(offset)")
            if sort != .deadline {
                // Read backwards from the end, as deep pages of a large inbox are.
                #expect(try store.inboxPage(filter: .all, sort: sort, operatorLogin: nil, now: fixedNow, offset: offset, limit: 50,
                                            backwardsFrom: 0).map(\.id) == window, "backwards from \(offset)")
            }
        }
    }

    @Test(arguments: InboxSort.allCases)
    func filteredPagesKeepTheOrder(sort: InboxSort) throws {
        let filters = ["открытые", "источник:вк,тг", "статус:новый,закрыт", "@я"]
        for text in filters {
            let filter = try InboxFilter.parse(text, now: fixedNow, timeZone: TimeZone(identifier: DemoRegion.centerTimeZone)!)
            let matching = try store.inboxPage(filter: filter, operatorLogin: "ivanova", now: fixedNow, offset: 0, limit: 10_000)
            #expect(!matching.isEmpty && matching.count < all.count, "«\(text)»")
            let expected = Self.sorted(matching, sort).map(\.id)
            #expect(try store.inboxPage(filter: filter, sort: sort, operatorLogin: "ivanova", now: fixedNow, offset: 0, limit: 10_000).map(\.id) == expected,
                    "«\(text)» \(sort)")
            for offset in [0, 3, matching.count / 2, max(0, matching.count - 5)] {
                #expect(try store.inboxPage(filter: filter, sort: sort, operatorLogin: "ivanova", now: fixedNow, offset: offset, limit: 20).map(\.id)
                        == Array(expected.dropFirst(offset).prefix(20)), "«\(text)» \(sort) from \(offset)")
            }
        }
        // A filter that names nothing stays empty in every order.
        let nothing = try InboxFilter.parse("ведомство:нетакого")
        #expect(try store.inboxPage(filter: nothing, sort: sort, operatorLogin: nil, now: fixedNow, offset: 0, limit: 50).isEmpty)
    }

    @Test func theDemoHasIncidentsWithAndWithoutAnAgency() {
        #expect(all.contains { $0.agencyShortName == nil } && Set(all.compactMap(\.agencyShortName)).count > 3)
    }

    /// Each order is an index walk that reads index entries only: no temporary B-tree on a
    /// million rows; filtered by status or owner too (the v7 indexes carry those columns).
    @Test(arguments: [InboxSort.newest, .number, .status, .agency])
    func ordersAreIndexWalks(sort: InboxSort) throws {
        let expectedIndex = ["newest": "incident_by_created", "number": "sqlite_autoindex_incident_1",
                             "status": "incident_sort_by_status", "agency": "incident_filter_by_agency"][sort.rawValue]!
        let segments = try store.pool.read { db in try SortSegment.segments(sort, db: db) }
        let agencies = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM agency")! }
        #expect(segments.count == (sort == .agency ? 1 + agencies : 1))
        for segment in segments {
            for order in [segment.forward, segment.backward] {
                let plan = try store.pool.read { db in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT i.id FROM incident i \(segment.whereSQL(.none)) ORDER BY \(order) LIMIT 400")
                        .map { $0["detail"] as String }
                }
                #expect(plan.contains { $0.contains(expectedIndex) && $0.contains("COVERING INDEX") }, "\(plan)")
                #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
            }
        }
        guard sort == .status || sort == .agency else { return }
        let filter = try InboxFilter.parse("открытые @я")
        for segment in segments.prefix(2) {
            let plan = try store.pool.read { db in
                let clause = try #require(try FilterClause(filter, operatorLogin: "ivanova", now: fixedNow, db: db))
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT i.id FROM incident i \(segment.whereSQL(clause)) ORDER BY \(segment.forward) LIMIT 400",
                                        arguments: clause.arguments).map { $0["detail"] as String }
            }
            #expect(plan.allSatisfy { !$0.contains(" i USING INDEX") && !($0.hasPrefix("SCAN i") && !$0.contains("COVERING")) }, "\(plan)")
        }
    }

    /// The CASE of the status index ranks statuses as `InboxSort.rank(of:)` does.
    @Test func statusRankInSQLMatchesSwift() throws {
        for status in IncidentStatus.allCases {
            let rank = try store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT \(SchemaV7.statusRank("?"))", arguments: [status.rawValue])
            }
            #expect(rank == InboxSort.rank(of: status), "\(status)")
        }
    }
}
