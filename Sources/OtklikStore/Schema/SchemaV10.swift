/// Migration `v10-inbox-on-order-index`: the unfiltered inbox walks v3's order index.
/// Released migrations never change; a different set of indexes is a new migration.
///
/// v1's `incident_by_due (due_at IS NULL, due_at, id)` held the inbox order that v3's
/// `incident_filter_by_order` also leads with (`coalesce(due_at, noDeadline), id`: no Unix
/// time reaches Int64.max, so stopped clocks come last, by id). The inbox query is now
/// written on that key (`Store.inboxOrder`), and a bulk load rebuilds one index fewer
/// (1 s of a million incidents' load). The wider index makes deep OFFSET walks slower
/// (half-way through a million incidents: 9.7 → 15.6 ms).
enum SchemaV10 {
    static let statements: [String] = [
        "DROP INDEX IF EXISTS incident_by_due",
    ]
}
