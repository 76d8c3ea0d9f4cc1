import OtklikCore

/// Migration `v9-status-by-rank`: one index for statuses instead of two.
/// Released migrations never change; a different set of indexes is a new migration.
///
/// v3's `incident_filter_by_status` (status, inbox order, every filtered column) and v7's
/// `incident_sort_by_status` (the status's rank, inbox order, the same columns) hold the
/// same entries in the same order within one status: the rank names a status as well as
/// its text does. Status conditions are written on the rank (`FilterClause`, the header's
/// counters), so v7's index serves them — except beside an owner condition, where the text
/// lets v3's owner index seek the status right after the owner — and a bulk load rebuilds
/// one index fewer (1.5 s of a million incidents' load).
enum SchemaV9 {
    static let statements: [String] = [
        "DROP INDEX IF EXISTS incident_filter_by_status",
    ]

    /// A condition on statuses that `incident_sort_by_status` can seek: their ranks.
    static func statusIn(_ statuses: some Collection<IncidentStatus>, column: String = "i.status") -> String {
        let ranks = Set(statuses.map(InboxSort.rank(of:))).sorted()
        return "(\(SchemaV7.statusRank(column))) IN (\(ranks.map(String.init).joined(separator: ",")))"
    }
}
