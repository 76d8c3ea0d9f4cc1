/// Schema version 1. The rules live in SQL (NOT NULL, CHECK, foreign keys, unique keys),
/// so a buggy writer, an ingest tool or a hand-typed `sqlite3` statement cannot store an
/// incident that the console would misread.
///
/// Conventions: instants are INTEGER Unix seconds (UTC); enumerations are TEXT with a
/// CHECK listing the values of the matching Swift enum in OtklikCore.
enum SchemaV1 {
    static let sources = "'vk','ok','telegram','pos','email','open311'"
    static let statuses = "'new','in_progress','waiting_agency','waiting_citizen','answered','closed','no_answer'"
    static let priorities = "'low','normal','high','critical'"
    static let roles = "'operator','supervisor','admin'"
    static let messageKinds = "'citizen_post','citizen_followup','intermediate_reply','final_reply','internal_note'"
    static let slaUnits = "'working_minutes','working_days','calendar_minutes','calendar_days'"

    /// ё/Ё fold to е/Е in the full-text index (unicode61 folds case but not ё). Queries
    /// fold the same way (`SearchText.foldYo`). Same length in UTF-8, so highlight
    /// offsets into the original text stay right.
    static func foldYo(_ expression: String) -> String {
        "replace(replace(\(expression), 'ё', 'е'), 'Ё', 'Е')"
    }

    static let statements: [String] = [
        """
        CREATE TABLE setting (
            key   TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),
            value TEXT NOT NULL
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE source (
            id   INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
            kind TEXT NOT NULL CHECK (kind IN (\(sources))),
            name TEXT NOT NULL CHECK (length(name) > 0)
        )
        """,
        """
        CREATE TABLE calendar (
            id        INTEGER PRIMARY KEY,
            code      TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
            name      TEXT NOT NULL,
            -- Regional calendars extend a base (national) calendar.
            parent_id INTEGER REFERENCES calendar(id),
            CHECK (parent_id IS NULL OR parent_id <> id)
        )
        """,
        """
        -- Working intervals of an ordinary week; several a day (lunch breaks).
        CREATE TABLE calendar_interval (
            calendar_id  INTEGER NOT NULL REFERENCES calendar(id) ON DELETE CASCADE,
            weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
            end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
            CHECK (start_minute < end_minute),
            PRIMARY KEY (calendar_id, weekday, start_minute)
        ) WITHOUT ROWID
        """,
        """
        -- Holidays, transferred working days and shortened pre-holiday days.
        CREATE TABLE calendar_day (
            calendar_id INTEGER NOT NULL REFERENCES calendar(id) ON DELETE CASCADE,
            day         TEXT NOT NULL CHECK (day GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
            kind        TEXT NOT NULL CHECK (kind IN ('holiday','working','shortened')),
            note        TEXT,
            PRIMARY KEY (calendar_id, day)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE agency (
            id           INTEGER PRIMARY KEY,
            parent_id    INTEGER REFERENCES agency(id),
            short_name   TEXT NOT NULL UNIQUE CHECK (length(short_name) > 0),
            name         TEXT NOT NULL CHECK (length(name) > 0),
            municipality TEXT,
            time_zone    TEXT NOT NULL CHECK (length(time_zone) > 0),
            -- NULL: the center's calendar.
            calendar_id  INTEGER REFERENCES calendar(id),
            CHECK (parent_id IS NULL OR parent_id <> id)
        )
        """,
        """
        CREATE TABLE topic (
            id                INTEGER PRIMARY KEY,
            parent_id         INTEGER REFERENCES topic(id),
            code              TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
            name              TEXT NOT NULL CHECK (length(name) > 0),
            default_agency_id INTEGER REFERENCES agency(id),
            CHECK (parent_id IS NULL OR parent_id <> id)
        )
        """,
        """
        CREATE TABLE sla_policy (
            id                   INTEGER PRIMARY KEY,
            code                 TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
            name                 TEXT NOT NULL,
            -- Which incidents it applies to; NULL matches any.
            source_kinds         TEXT,
            topic_id             INTEGER REFERENCES topic(id),
            minimum_priority     TEXT CHECK (minimum_priority IN (\(priorities))),
            rank                 INTEGER NOT NULL DEFAULT 0,
            first_reaction_amount INTEGER NOT NULL CHECK (first_reaction_amount > 0),
            first_reaction_unit  TEXT NOT NULL CHECK (first_reaction_unit IN (\(slaUnits))),
            answer_amount        INTEGER NOT NULL CHECK (answer_amount > 0),
            answer_unit          TEXT NOT NULL CHECK (answer_unit IN (\(slaUnits))),
            final_amount         INTEGER NOT NULL CHECK (final_amount > 0),
            final_unit           TEXT NOT NULL CHECK (final_unit IN (\(slaUnits))),
            final_anchor         TEXT NOT NULL CHECK (final_anchor IN ('registration','intermediate_answer')),
            warning_percent      INTEGER NOT NULL CHECK (warning_percent BETWEEN 1 AND 99)
        )
        """,
        """
        CREATE TABLE operator (
            id        INTEGER PRIMARY KEY,
            login     TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64 AND login NOT GLOB '*[^a-z0-9._-]*'),
            name      TEXT NOT NULL CHECK (length(name) > 0),
            role      TEXT NOT NULL CHECK (role IN (\(roles))),
            agency_id INTEGER REFERENCES agency(id),
            active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
        )
        """,
        """
        CREATE TABLE reply_template (
            id       INTEGER PRIMARY KEY,
            code     TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
            title    TEXT NOT NULL CHECK (length(title) > 0),
            kind     TEXT NOT NULL CHECK (kind IN ('intermediate','final','clarification','no_answer')),
            topic_id INTEGER REFERENCES topic(id),
            language TEXT NOT NULL DEFAULT 'ru' CHECK (language IN ('ru','en')),
            body     TEXT NOT NULL CHECK (length(body) > 0)
        )
        """,
        """
        -- A citizen as one source knows them.
        CREATE TABLE author (
            id          INTEGER PRIMARY KEY,
            source_id   INTEGER NOT NULL REFERENCES source(id),
            external_id TEXT NOT NULL CHECK (length(external_id) > 0),
            name        TEXT NOT NULL,
            profile_url TEXT,
            UNIQUE (source_id, external_id)
        )
        """,
        """
        CREATE TABLE incident (
            id                 INTEGER PRIMARY KEY,
            number             INTEGER NOT NULL UNIQUE CHECK (number > 0),
            source_id          INTEGER NOT NULL REFERENCES source(id),
            external_id        TEXT NOT NULL CHECK (length(external_id) > 0),
            author_id          INTEGER REFERENCES author(id),
            status             TEXT NOT NULL DEFAULT 'new' CHECK (status IN (\(statuses))),
            priority           TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN (\(priorities))),
            topic_id           INTEGER REFERENCES topic(id),
            agency_id          INTEGER REFERENCES agency(id),
            owner_id           INTEGER REFERENCES operator(id),
            sla_policy_id      INTEGER REFERENCES sla_policy(id),
            excerpt            TEXT NOT NULL,
            place              TEXT,
            latitude           REAL CHECK (latitude BETWEEN -90 AND 90),
            longitude          REAL CHECK (longitude BETWEEN -180 AND 180),
            url                TEXT,
            created_at         INTEGER NOT NULL,
            registered_at      INTEGER NOT NULL CHECK (registered_at >= created_at),
            first_reaction_due INTEGER,
            first_reaction_at  INTEGER,
            answer_due         INTEGER,
            answered_at        INTEGER,
            final_due          INTEGER,
            closed_at          INTEGER,
            -- The deadline the current state waits on (NULL: no clock runs), and the
            -- moment it becomes "at risk" under the policy's warning threshold.
            due_at             INTEGER,
            warn_at            INTEGER CHECK (warn_at IS NULL OR (due_at IS NOT NULL AND warn_at <= due_at)),
            version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
            updated_at         INTEGER NOT NULL,
            UNIQUE (source_id, external_id),
            CHECK ((status IN ('closed','no_answer')) = (closed_at IS NOT NULL)),
            CHECK (status NOT IN ('closed','no_answer','waiting_citizen') OR due_at IS NULL),
            CHECK ((latitude IS NULL) = (longitude IS NULL))
        )
        """,
        // The inbox: running clocks first, nearest deadline first.
        "CREATE INDEX incident_by_due ON incident(due_at IS NULL, due_at, id)",
        "CREATE INDEX incident_by_status ON incident(status)",
        "CREATE INDEX incident_due ON incident(due_at) WHERE due_at IS NOT NULL",
        "CREATE INDEX incident_warn ON incident(warn_at) WHERE warn_at IS NOT NULL",
        "CREATE INDEX incident_by_agency ON incident(agency_id)",
        "CREATE INDEX incident_by_topic ON incident(topic_id)",
        "CREATE INDEX incident_by_owner ON incident(owner_id)",
        "CREATE INDEX incident_by_created ON incident(created_at)",
        """
        -- The thread: citizen posts and follow-ups, our replies, internal notes.
        CREATE TABLE message (
            id          INTEGER PRIMARY KEY,
            incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
            source_id   INTEGER REFERENCES source(id),
            external_id TEXT,
            parent_id   INTEGER REFERENCES message(id),
            kind        TEXT NOT NULL CHECK (kind IN (\(messageKinds))),
            author_id   INTEGER REFERENCES author(id),
            operator_id INTEGER REFERENCES operator(id),
            text        TEXT NOT NULL,
            url         TEXT,
            created_at  INTEGER NOT NULL,
            edited_at   INTEGER,
            UNIQUE (source_id, external_id),
            CHECK ((external_id IS NULL) OR (source_id IS NOT NULL)),
            -- Citizens' messages come from an author; staff messages from an operator.
            CHECK (kind NOT IN ('citizen_post','citizen_followup') OR operator_id IS NULL),
            CHECK (kind IN ('citizen_post','citizen_followup') OR (operator_id IS NOT NULL AND author_id IS NULL))
        )
        """,
        "CREATE INDEX message_by_incident ON message(incident_id, created_at)",
        """
        -- Earlier texts of edited messages.
        CREATE TABLE message_revision (
            id         INTEGER PRIMARY KEY,
            message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
            text       TEXT NOT NULL,
            replaced_at INTEGER NOT NULL
        )
        """,
        """
        -- Who is working on an incident right now (advisory, expires).
        CREATE TABLE claim (
            incident_id INTEGER PRIMARY KEY REFERENCES incident(id) ON DELETE CASCADE,
            operator_id INTEGER NOT NULL REFERENCES operator(id),
            claimed_at  INTEGER NOT NULL,
            expires_at  INTEGER NOT NULL,
            CHECK (expires_at > claimed_at)
        )
        """,
        """
        -- Append-only audit log: who, when, what, before → after.
        CREATE TABLE event (
            id          INTEGER PRIMARY KEY,
            at          INTEGER NOT NULL,
            actor       TEXT NOT NULL CHECK (length(actor) > 0),
            operator_id INTEGER REFERENCES operator(id),
            incident_id INTEGER REFERENCES incident(id),
            action      TEXT NOT NULL CHECK (length(action) > 0),
            field       TEXT,
            before      TEXT,
            after       TEXT
        )
        """,
        "CREATE INDEX event_by_incident ON event(incident_id, at)",
        """
        CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END
        """,
        """
        CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END
        """,
        """
        -- Replies waiting to be delivered to their channel.
        CREATE TABLE outbox (
            id              INTEGER PRIMARY KEY,
            message_id      INTEGER NOT NULL UNIQUE REFERENCES message(id),
            source_id       INTEGER NOT NULL REFERENCES source(id),
            status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed')),
            attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_at INTEGER NOT NULL,
            last_error      TEXT,
            external_id     TEXT,
            created_at      INTEGER NOT NULL,
            sent_at         INTEGER,
            CHECK ((status = 'sent') = (sent_at IS NOT NULL))
        )
        """,
        "CREATE INDEX outbox_due ON outbox(status, next_attempt_at)",
        """
        -- Input that could not be stored, with where it came from and why.
        CREATE TABLE quarantine (
            id          INTEGER PRIMARY KEY,
            format      TEXT NOT NULL CHECK (length(format) > 0),
            file        TEXT NOT NULL,
            line        INTEGER CHECK (line > 0),
            byte_offset INTEGER CHECK (byte_offset >= 0),
            reason      TEXT NOT NULL CHECK (length(reason) > 0),
            raw         BLOB NOT NULL,
            received_at INTEGER NOT NULL,
            status      TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held','retried','discarded'))
        )
        """,
        """
        CREATE VIRTUAL TABLE message_fts USING fts5(
            text, content='message', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
            detail='none', columnsize=0
        )
        """,
        """
        CREATE TRIGGER message_fts_insert AFTER INSERT ON message BEGIN
            INSERT INTO message_fts(rowid, text) VALUES (new.id, \(foldYo("new.text")));
        END
        """,
        """
        CREATE TRIGGER message_fts_delete AFTER DELETE ON message BEGIN
            INSERT INTO message_fts(message_fts, rowid, text) VALUES ('delete', old.id, \(foldYo("old.text")));
        END
        """,
        """
        CREATE TRIGGER message_fts_update AFTER UPDATE OF text ON message BEGIN
            INSERT INTO message_fts(message_fts, rowid, text) VALUES ('delete', old.id, \(foldYo("old.text")));
            INSERT INTO message_fts(rowid, text) VALUES (new.id, \(foldYo("new.text")));
        END
        """,
    ]
}
