namespace Cairn.Sqlite.Internal;

/// <summary>The store's tables, by schema version.</summary>
/// <remarks>
/// The journal is appended in commit order (<c>journal.id</c>), not clustered by run: a batch of commits from many
/// runs then dirties a handful of pages instead of one page per run, which is what makes group commit cheap.
/// Each run's entries form a chain through <c>prev</c>, anchored at <c>run_heads.last_entry</c>;
/// <c>run_heads</c> is a narrow table, keyed by the run's <c>create_order</c>, holding what every commit checks and
/// changes (last sequence and entry, owner, lease): a step updates one small row found by an integer key and
/// touches neither the wide <c>runs</c> row nor any index.
/// </remarks>
internal static class StoreSchema
{
    /// <summary>The schema version this build writes and reads.</summary>
    public const int CurrentVersion = 6;

    /// <summary>Gets the script that brings a store from version <c>n - 1</c> to <c>n</c>, indexed by <c>n - 1</c>.</summary>
    public static IReadOnlyList<string> Migrations { get; } = [Version1, Version2, Version3, Version4, Version5, Version6];

    /// <summary>
    /// Version 6: run priorities. Claims take the highest priority first, then the earliest due, then the oldest; the
    /// claim index leads with the priority (descending) so each branch of the claim query still reads it in order.
    /// </summary>
    public const string Version6 = """
        ALTER TABLE runs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
        DROP INDEX runs_claim;
        CREATE INDEX runs_claim ON runs (status, priority DESC, coalesce(wake_at, created_at), create_order);
        """;

    /// <summary>
    /// Version 5: state snapshots at checkpoints, one row per run and checkpoint entry (<c>seq</c>). They are derived
    /// from the journal, so thinning or deleting them never loses history.
    /// </summary>
    public const string Version5 = """
        CREATE TABLE snapshots (
            run_id     TEXT    NOT NULL,
            seq        INTEGER NOT NULL,
            checkpoint INTEGER NOT NULL,
            payload    TEXT    NOT NULL,
            at         INTEGER NOT NULL,
            PRIMARY KEY (run_id, seq)
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// Version 4: circuit breakers, shared by every host on the store; written compare-and-set on <c>version</c>. The
    /// <c>parked</c> run status (7) needs no change: it is claimed like <c>suspended</c> through <c>runs_claim</c>.
    /// </summary>
    public const string Version4 = """
        CREATE TABLE circuits (
            key        TEXT    NOT NULL PRIMARY KEY,
            state      INTEGER NOT NULL,
            failures   INTEGER NOT NULL,
            until      INTEGER,
            trials     INTEGER NOT NULL,
            openings   INTEGER NOT NULL,
            version    INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// Version 3: lineage (the run a restart or fork came from) and archived journal branches. A branch is the tail an
    /// in-place rewind took out of the journal: the entries stay where they are, and the branch row keeps the last of
    /// them (<c>last_entry</c>), from which its chain leads back to <c>after_seq</c>.
    /// </summary>
    public const string Version3 = """
        ALTER TABLE runs ADD COLUMN origin_run_id TEXT;
        ALTER TABLE runs ADD COLUMN origin_strategy TEXT;
        ALTER TABLE runs ADD COLUMN origin_checkpoint INTEGER;
        ALTER TABLE runs ADD COLUMN origin_sequence INTEGER;
        CREATE INDEX runs_origin ON runs (origin_run_id, created_at, create_order) WHERE origin_run_id IS NOT NULL;
        CREATE TABLE journal_branches (
            run_id      TEXT    NOT NULL,
            number      INTEGER NOT NULL,
            after_seq   INTEGER NOT NULL,
            last_entry  INTEGER,
            archived_at INTEGER NOT NULL,
            reason      TEXT,
            PRIMARY KEY (run_id, number)
        ) WITHOUT ROWID;
        """;

    /// <summary>Version 2: stored workflow definitions (YAML/JSON sources) with their versions.</summary>
    public const string Version2 = """
        CREATE TABLE definitions (
            name       TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            hash       TEXT    NOT NULL,
            source     TEXT    NOT NULL,
            file       TEXT    NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (name, version)
        ) WITHOUT ROWID;
        """;

    /// <summary>The tables and indexes of version 1.</summary>
    public const string Version1 = """
        CREATE TABLE cairn_schema (
            version    INTEGER NOT NULL,
            applied_at INTEGER NOT NULL
        );
        CREATE TABLE runs (
            create_order    INTEGER PRIMARY KEY,
            id              TEXT    NOT NULL UNIQUE,
            workflow        TEXT    NOT NULL,
            version         INTEGER NOT NULL,
            status          INTEGER NOT NULL,
            input           TEXT,
            output          TEXT,
            error           TEXT,
            session_id      TEXT,
            user_id         TEXT,
            parent_run_id   TEXT,
            parent_position TEXT,
            created_at      INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL,
            wake_at         INTEGER,
            control         INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX runs_claim ON runs (status, coalesce(wake_at, created_at), create_order);
        CREATE INDEX runs_created ON runs (created_at, create_order);
        CREATE INDEX runs_status ON runs (status, created_at, create_order);
        CREATE INDEX runs_workflow ON runs (workflow, created_at, create_order);
        CREATE INDEX runs_parent ON runs (parent_run_id, created_at, create_order) WHERE parent_run_id IS NOT NULL;
        CREATE TABLE run_heads (
            run_key     INTEGER PRIMARY KEY,
            run_id      TEXT    NOT NULL UNIQUE,
            last_seq    INTEGER NOT NULL,
            last_entry  INTEGER NOT NULL,
            owner       TEXT,
            lease_until INTEGER
        );
        CREATE INDEX run_heads_owner ON run_heads (owner) WHERE owner IS NOT NULL;
        CREATE TABLE journal (
            id         INTEGER PRIMARY KEY,
            run_id     TEXT    NOT NULL,
            seq        INTEGER NOT NULL,
            prev       INTEGER,
            kind       INTEGER NOT NULL,
            position   TEXT,
            name       TEXT,
            payload    TEXT,
            attempt    INTEGER NOT NULL,
            at         INTEGER NOT NULL,
            started_at INTEGER
        );
        CREATE TABLE waits (
            run_id   TEXT    NOT NULL,
            position TEXT    NOT NULL,
            kind     INTEGER NOT NULL,
            name     TEXT    NOT NULL,
            due_at   INTEGER,
            detail   TEXT,
            PRIMARY KEY (run_id, position)
        );
        CREATE INDEX waits_name ON waits (run_id, name);
        CREATE TABLE signals (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id  TEXT    NOT NULL,
            name    TEXT    NOT NULL,
            payload TEXT,
            at      INTEGER NOT NULL
        );
        CREATE INDEX signals_run ON signals (run_id, name);
        CREATE TABLE scoped_state (
            scope    INTEGER NOT NULL,
            scope_id TEXT    NOT NULL,
            key      TEXT    NOT NULL,
            value    TEXT,
            version  INTEGER NOT NULL,
            PRIMARY KEY (scope, scope_id, key)
        ) WITHOUT ROWID;
        """;
}
