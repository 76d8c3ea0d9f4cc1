/// Migration `v3-inbox-filter`: indexes for the inbox filter (`Store+Filter.swift`).
/// Released migrations never change; a different set of indexes is a new migration.
///
/// Measured on a 1,000,000-incident demo store: a filtered count or page that has to
/// visit table rows costs 1–2 µs a row (the rows are wide: excerpt, place, URL), so a
/// condition matching 50,000 incidents took 70–250 ms, and a page sorted by deadline up to
/// 500 ms. Each index below starts with a column a filter narrows by and carries every
/// other filtered column, so SQLite answers counts from index entries alone; two of them
/// are in inbox order, so a page is found by walking that order, and only the rows shown
/// are read from the table.
enum SchemaV3 {
    /// Stands for "no deadline" in the filter's order key, `coalesce(due_at, noDeadline)`:
    /// after every real deadline, so the key sorts like `due_at IS NULL, due_at`.
    static let noDeadline = "9223372036854775807"

    static let statements: [String] = [
        // Inbox order with every filtered column: pages of broad filters ("open", "@я",
        // a source) stop after the first entries that match.
        """
        CREATE INDEX incident_filter_by_order ON incident(coalesce(due_at, \(noDeadline)), id,
            status, owner_id, source_id, priority, topic_id, agency_id, due_at, warn_at, closed_at)
        """,
        // A status (also "open" = the five non-terminal statuses), in inbox order within it:
        // a page of one status is the first entries of its range, even for statuses that
        // all sit at the end of the inbox (closed, no answer, waiting for the citizen).
        """
        CREATE INDEX incident_filter_by_status ON incident(status, coalesce(due_at, \(noDeadline)), id,
            owner_id, source_id, priority, topic_id, agency_id, due_at, warn_at, closed_at)
        """,
        // "@я", an owner, unassigned; with few operators, statuses and sources SQLite also
        // skip-scans it for a source or a priority alone.
        """
        CREATE INDEX incident_filter_by_owner ON incident(owner_id, status, source_id, priority,
            topic_id, agency_id, due_at, warn_at, closed_at)
        """,
        // Topics (a parent is a list of topic ids) and agencies.
        """
        CREATE INDEX incident_filter_by_topic ON incident(topic_id, agency_id,
            status, owner_id, source_id, priority, due_at, warn_at, closed_at)
        """,
        // Overdue (due_at <= now) and at risk (warn_at <= now < due_at).
        """
        CREATE INDEX incident_filter_by_due ON incident(due_at, warn_at,
            status, owner_id, source_id, priority, topic_id, agency_id) WHERE due_at IS NOT NULL
        """,
        // Closed since (closed today).
        """
        CREATE INDEX incident_filter_by_closed ON incident(closed_at,
            status, owner_id, source_id, priority, topic_id, agency_id, due_at) WHERE closed_at IS NOT NULL
        """,
    ]
}
