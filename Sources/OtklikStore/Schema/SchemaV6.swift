/// Migration `v6-sla`: the SLA engine (`Store+SLA.swift`, docs/sla.md, DECISIONS.md "SLA
/// engine"). Released migrations never change; more SLA columns are a new migration.
enum SchemaV6 {
    static let statements: [String] = [
        // The version at which the engine last computed the incident's deadlines. Every
        // writer bumps `version`; `sla tick` recomputes incidents where the two differ.
        // Rows written before, or by writers that computed deadlines themselves, count as
        // computed (the default 1 is every new row's version).
        "ALTER TABLE incident ADD COLUMN sla_version INTEGER NOT NULL DEFAULT 1",
        // The deadline of the next-reply clock owed to a citizen's follow-up, while it runs.
        "ALTER TABLE incident ADD COLUMN next_reply_due INTEGER",
        // The warn_at / due_at values whose crossing the engine has checked and recorded
        // (`sla.warning` / `sla.breached` events): the tick visits only the others.
        "ALTER TABLE incident ADD COLUMN sla_marked_warn INTEGER",
        "ALTER TABLE incident ADD COLUMN sla_marked_due INTEGER",
        // The next moment something happens to a running clock that the inbox columns do not
        // show (a later clock's warning or deadline, an escalation's delay running out).
        "ALTER TABLE incident ADD COLUMN sla_check_at INTEGER",
        "CREATE INDEX incident_sla_stale ON incident(id) WHERE version <> sla_version",
        "CREATE INDEX incident_sla_check ON incident(sla_check_at) WHERE sla_check_at IS NOT NULL",
        "CREATE INDEX incident_sla_warn ON incident(warn_at) WHERE warn_at IS NOT sla_marked_warn",
        "CREATE INDEX incident_sla_due ON incident(due_at) WHERE due_at IS NOT sla_marked_due",

        // Policies: the reply owed to a follow-up, and extensions of the final deadline.
        "ALTER TABLE sla_policy ADD COLUMN next_reply_amount INTEGER CHECK (next_reply_amount > 0)",
        "ALTER TABLE sla_policy ADD COLUMN next_reply_unit TEXT CHECK (next_reply_unit IN (\(SchemaV1.slaUnits)))",
        "ALTER TABLE sla_policy ADD COLUMN extension_amount INTEGER CHECK (extension_amount > 0)",
        "ALTER TABLE sla_policy ADD COLUMN extension_unit TEXT CHECK (extension_unit IN (\(SchemaV1.slaUnits)))",
        "ALTER TABLE sla_policy ADD COLUMN max_extensions INTEGER NOT NULL DEFAULT 0 CHECK (max_extensions >= 0)",
        // The built-in 59-ФЗ policy as stores made before v6 hold it: one 30-day extension.
        """
        UPDATE sla_policy SET extension_amount = 30, extension_unit = 'calendar_days', max_extensions = 1
        WHERE code = 'appeal-59fz' AND final_unit = 'calendar_days'
        """,

        // Calendars: how much shorter a shortened day is (NULL: 60 minutes), and the
        // intervals of a transferred working day ("09:00-13:00,13:45-18:00"; NULL: the
        // calendar's Monday).
        "ALTER TABLE calendar_day ADD COLUMN minutes INTEGER CHECK (minutes BETWEEN 1 AND 720)",
        "ALTER TABLE calendar_day ADD COLUMN intervals TEXT",

        // Warnings, breaches and escalations are recorded once per incident and clock,
        // however many processes tick (INSERT OR IGNORE against this index).
        """
        CREATE UNIQUE INDEX event_sla_once ON event(incident_id, action, field)
        WHERE action IN ('sla.warning', 'sla.breached', 'sla.escalated')
        """,
    ]
}
