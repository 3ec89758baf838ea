namespace Cairn.Postgres.Internal;

/// <summary>The store's tables, by schema version; they live in the schema named by <see cref="PostgresStoreOptions.Schema"/>.</summary>
/// <remarks>
/// <para>
/// Times are <c>bigint</c> UTC ticks (100 ns), as in the SQLite store: <c>timestamptz</c> keeps microseconds only, and
/// the engine compares the times it stored with the ones it reads back. <c>ticks_to_timestamptz(bigint)</c> converts
/// them for people querying the tables.
/// </para>
/// <para>
/// JSON values (inputs, outputs, failures, journal payloads, signals, state, snapshots) are <c>json</c>: checked as
/// JSON and queryable with <c>-&gt;</c> and <c>-&gt;&gt;</c> (cast to <c>jsonb</c> for containment and GIN indexes), and
/// returned byte for byte as written. <c>jsonb</c> would rewrite them (key order, spacing, duplicate keys) and refuses
/// <c>\u0000</c>, which a step's result may contain.
/// </para>
/// <para>
/// The live journal is branch 0; an in-place rewind moves the tail it discards to the archived branch's number.
/// Ownership (owner, lease) and the last journal sequence are columns of the run, which every commit locks first.
/// </para>
/// </remarks>
internal static class StoreSchema
{
    /// <summary>The schema version this build writes and reads.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The name of the version table.</summary>
    public const string VersionTable = "cairn_schema";

    /// <summary>Gets the script that brings a store from version <c>n - 1</c> to <c>n</c>, indexed by <c>n - 1</c>.</summary>
    public static IReadOnlyList<string> Migrations { get; } = [Version1, Version2];

    /// <summary>The tables, indexes and the tick conversion of version 1.</summary>
    public const string Version1 = """
        CREATE TABLE cairn_schema (
            version    integer NOT NULL,
            applied_at bigint  NOT NULL
        );
        CREATE FUNCTION ticks_to_timestamptz(ticks bigint) RETURNS timestamptz
            LANGUAGE sql IMMUTABLE STRICT
            AS 'SELECT to_timestamp((ticks - 621355968000000000) / 10000000.0)';
        CREATE TABLE runs (
            create_order      bigint  GENERATED ALWAYS AS IDENTITY,
            id                text    NOT NULL PRIMARY KEY,
            workflow          text    NOT NULL,
            version           integer NOT NULL,
            status            integer NOT NULL,
            input             json,
            output            json,
            error             json,
            session_id        text,
            user_id           text,
            parent_run_id     text,
            parent_position   text,
            created_at        bigint  NOT NULL,
            updated_at        bigint  NOT NULL,
            wake_at           bigint,
            control           integer NOT NULL DEFAULT 0,
            owner             text,
            lease_until       bigint,
            last_seq          bigint  NOT NULL,
            origin_run_id     text,
            origin_strategy   text,
            origin_checkpoint integer,
            origin_sequence   bigint,
            priority          integer NOT NULL DEFAULT 0
        );
        CREATE INDEX runs_claim ON runs (status, priority DESC, (coalesce(wake_at, created_at)), create_order);
        CREATE INDEX runs_created ON runs (created_at, create_order);
        CREATE INDEX runs_workflow ON runs (workflow, created_at, create_order);
        CREATE INDEX runs_parent ON runs (parent_run_id, created_at, create_order) WHERE parent_run_id IS NOT NULL;
        CREATE INDEX runs_origin ON runs (origin_run_id, created_at, create_order) WHERE origin_run_id IS NOT NULL;
        CREATE INDEX runs_owner ON runs (owner) WHERE owner IS NOT NULL;
        CREATE TABLE journal (
            run_id     text    NOT NULL,
            branch     integer NOT NULL,
            seq        bigint  NOT NULL,
            kind       integer NOT NULL,
            position   text,
            name       text,
            payload    json,
            attempt    integer NOT NULL,
            at         bigint  NOT NULL,
            started_at bigint,
            PRIMARY KEY (run_id, branch, seq)
        );
        CREATE TABLE journal_branches (
            run_id      text    NOT NULL,
            number      integer NOT NULL,
            after_seq   bigint  NOT NULL,
            archived_at bigint  NOT NULL,
            reason      text,
            PRIMARY KEY (run_id, number)
        );
        CREATE TABLE waits (
            run_id   text    NOT NULL,
            position text    NOT NULL,
            kind     integer NOT NULL,
            name     text    NOT NULL,
            due_at   bigint,
            detail   text,
            opened   bigint  GENERATED ALWAYS AS IDENTITY,
            PRIMARY KEY (run_id, position)
        );
        CREATE INDEX waits_name ON waits (run_id, name);
        CREATE TABLE signals (
            id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            run_id  text   NOT NULL,
            name    text   NOT NULL,
            payload json,
            at      bigint NOT NULL
        );
        CREATE INDEX signals_run ON signals (run_id, name);
        CREATE TABLE scoped_state (
            scope    integer NOT NULL,
            scope_id text    NOT NULL,
            key      text    NOT NULL,
            value    json,
            version  bigint  NOT NULL,
            PRIMARY KEY (scope, scope_id, key)
        );
        CREATE TABLE definitions (
            name       text    NOT NULL,
            version    integer NOT NULL,
            hash       text    NOT NULL,
            source     text    NOT NULL,
            file       text    NOT NULL,
            created_at bigint  NOT NULL,
            PRIMARY KEY (name, version)
        );
        CREATE TABLE circuits (
            key        text    NOT NULL PRIMARY KEY,
            state      integer NOT NULL,
            failures   integer NOT NULL,
            until      bigint,
            trials     integer NOT NULL,
            openings   bigint  NOT NULL,
            version    bigint  NOT NULL,
            updated_at bigint  NOT NULL
        );
        CREATE TABLE snapshots (
            run_id     text    NOT NULL,
            seq        bigint  NOT NULL,
            checkpoint integer NOT NULL,
            payload    json    NOT NULL,
            at         bigint  NOT NULL,
            PRIMARY KEY (run_id, seq)
        );
        """;

    /// <summary>
    /// Version 2: triggers that <c>NOTIFY</c> the channel <c>&lt;schema&gt;_wake</c> (see <see cref="WakeChannel"/>) with a
    /// run id when work becomes runnable for any host: a run is created; an unowned, unfinished run changes status or
    /// wake time (released by a host, suspended on a timer, resumed); a signal or answer is stored. Claims, step commits
    /// and finished runs notify nobody.
    /// </summary>
    public const string Version2 = """
        CREATE FUNCTION notify_wake() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_TABLE_NAME = 'signals' THEN
                PERFORM pg_notify(left(TG_TABLE_SCHEMA || '_wake', 63), NEW.run_id);
            ELSE
                PERFORM pg_notify(left(TG_TABLE_SCHEMA || '_wake', 63), NEW.id);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER runs_created_wake AFTER INSERT ON runs
            FOR EACH ROW WHEN (NEW.owner IS NULL AND NEW.status NOT IN (4, 5, 6)) EXECUTE FUNCTION notify_wake();
        CREATE TRIGGER runs_runnable_wake AFTER UPDATE OF status, wake_at, owner ON runs
            FOR EACH ROW WHEN (NEW.owner IS NULL AND NEW.status NOT IN (4, 5, 6)
                AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.wake_at IS DISTINCT FROM NEW.wake_at OR OLD.owner IS NOT NULL))
            EXECUTE FUNCTION notify_wake();
        CREATE TRIGGER signals_wake AFTER INSERT ON signals FOR EACH ROW EXECUTE FUNCTION notify_wake();
        """;

    /// <summary>Gets the channel the store's triggers notify, for the store in <paramref name="schema"/>.</summary>
    /// <param name="schema">The store's schema.</param>
    /// <returns>The channel name, to be quoted as an identifier in <c>LISTEN</c>.</returns>
    public static string WakeChannel(string schema) => (schema + "_wake") is var channel && channel.Length > 63 ? channel[..63] : channel;
}
