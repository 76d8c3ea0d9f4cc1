/// Migration `v7-inbox-sort`: indexes for the inbox's sort orders (`Store+Sort.swift`,
/// DECISIONS.md "Inbox sort orders"). Released migrations never change; a different set
/// of indexes is a new migration.
///
/// "Newest first" walks v1's `incident_by_created` (created_at, then the rowid) and "by
/// number" the unique index on `number`; both already exist. The two below make "by
/// status" and "by agency" index walks too. Like v3's indexes they carry every filtered
/// column, so a filtered page in these orders is also read from index entries alone, and
/// only the rows shown come from the table.
enum SchemaV7 {
    /// An incident's status as its rank in the order of its life; the same expression in
    /// the index and in the queries, so SQLite matches them (`InboxSort.rank(of:)` is the
    /// Swift side, and a test keeps the two equal).
    static func statusRank(_ column: String) -> String {
        """
        CASE \(column) WHEN 'new' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'waiting_agency' THEN 2 \
        WHEN 'waiting_citizen' THEN 3 WHEN 'answered' THEN 4 WHEN 'closed' THEN 5 WHEN 'no_answer' THEN 6 END
        """
    }

    /// The deadline part of every order: `SchemaV3`'s key (stopped clocks after every
    /// running one).
    static func deadlineKey(_ column: String) -> String { "coalesce(\(column), \(SchemaV3.noDeadline))" }

    static let statements: [String] = [
        // By status in the order of an incident's life, nearest deadline first within one.
        """
        CREATE INDEX incident_sort_by_status ON incident((\(statusRank("status"))), \(deadlineKey("due_at")), id,
            status, owner_id, source_id, priority, topic_id, agency_id, due_at, warn_at, closed_at)
        """,
        // One agency in inbox order: the runs of "by agency" (one per agency, walked by
        // short name), and the filter's `ведомство:` in the deadline order.
        """
        CREATE INDEX incident_filter_by_agency ON incident(agency_id, \(deadlineKey("due_at")), id,
            status, owner_id, source_id, priority, topic_id, due_at, warn_at, closed_at)
        """,
        // v1's index on agency_id alone: the one above starts with the same column.
        "DROP INDEX IF EXISTS incident_by_agency",
    ]
}
