/// Migration `v11-excerpt-from-thread`: the inbox's excerpt is read from the incident's
/// first message instead of being stored twice.
/// Released migrations never change; a different schema is a new migration.
///
/// v1's `incident.excerpt` held the first 160 characters of the citizen's post, which the
/// message row holds in full: more than half of each incident row (144 of 250 bytes in a
/// million-incident load). Every rebuild of an incident index scans the table, and a bulk
/// load rebuilds nine. The summary now takes `substr(text, 1, 160)` of the post
/// (`Store.summarySelect`); an edit of the post changes what the inbox shows with no
/// second write. The migration rewrites the table once (3 s for a million incidents).
enum SchemaV11 {
    static let statements: [String] = [
        "ALTER TABLE incident DROP COLUMN excerpt",
    ]

    /// The excerpt of incident `i`: the first 160 Unicode scalars of its citizen's post
    /// (SQLite's substr counts characters as scalars), wider than the text column of any
    /// terminal. An incident has one post; were there two, the thread index
    /// (`message_by_incident`) yields the earliest first, with no sort.
    static let excerpt = """
        coalesce((SELECT substr(m.text, 1, 160) FROM message m
                  WHERE m.incident_id = i.id AND m.kind = 'citizen_post' LIMIT 1), '')
        """
}
