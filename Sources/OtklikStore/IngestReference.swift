import GRDB
import OtklikCore

/// The store's reference data as the ingest uses it — topics, agencies, SLA policies and
/// working calendars, with what it derives from them (each routed name's agency, each
/// source, priority and topic's policy, topic paths) — kept across the transactions of
/// one run while no other connection commits. Loading it for every transaction was a
/// twentieth of the bulk writer's time (agency names are folded through Foundation), and
/// a calendar's days a tenth of the bulk load.
///
/// `PRAGMA data_version` changes when another connection commits; the ingest itself never
/// writes these tables, so an unchanged version means unchanged reference data.
final class IngestReference {
    let dataVersion: Int64
    let topics: [String: (id: Int64, agency: Int64?)]
    let agencies: [String: Int64]
    let policies: [(id: Int64?, policy: SLAPolicy)]
    var topicPaths = SLAResolverTopics()
    var policyMemo: [PolicyKey: (policy: SLAPolicy, id: Int64?)] = [:]
    var agencyMemo: [String: Int64?] = [:]
    /// Working calendars by agency, read when first needed.
    var calendars: [Int64?: WorkingCalendar] = [:]

    struct PolicyKey: Hashable {
        let source: SourceKind
        let priority: Priority
        let topic: Int64?
    }

    /// `known` if the store's reference data cannot have changed since it was read.
    static func current(_ db: Database, known: IngestReference?) throws -> IngestReference {
        let version = try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
        if let known, known.dataVersion == version { return known }
        return try IngestReference(db, dataVersion: version)
    }

    private init(_ db: Database, dataVersion: Int64) throws {
        self.dataVersion = dataVersion
        var topics: [String: (Int64, Int64?)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, id, default_agency_id FROM topic") {
            topics[row[0]] = (row[1], row[2])
        }
        self.topics = topics
        var agencies: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT short_name, name, id FROM agency") {
            agencies[IntakeClassifier.categoryKey(row[0])] = row[2]
            agencies[IntakeClassifier.categoryKey(row[1])] = row[2]
        }
        self.agencies = agencies
        policies = try Store.policies(db)
    }

    func calendar(agency: Int64?, db: Database) throws -> WorkingCalendar {
        if let known = calendars[agency] { return known }
        let calendar = try Store.calendar(db, agencyID: agency)
        calendars[agency] = calendar
        return calendar
    }

    /// The agency a routed name resolves to, if any.
    func agencyID(named name: String) -> Int64? {
        if let known = agencyMemo[name] { return known }
        let id = agencies[IntakeClassifier.categoryKey(name)]
        agencyMemo[name] = id
        return id
    }

    /// The policy that applies to a new incident (the first in `policies`' order).
    func policy(source: SourceKind, priority: Priority, topic: Int64?, db: Database) throws -> (SLAPolicy, Int64?) {
        let key = PolicyKey(source: source, priority: priority, topic: topic)
        if let known = policyMemo[key] { return known }
        let policy = SLAPolicy.select(from: policies.map(\.policy), source: source, priority: priority,
                                      topicPath: try topicPaths.path(db, topicID: topic)) ?? .socialStandard
        let chosen = (policy: policy, id: policies.first { $0.policy.code == policy.code }?.id)
        policyMemo[key] = chosen
        return chosen
    }
}
