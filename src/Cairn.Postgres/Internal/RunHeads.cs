using Cairn.Storage;
using Npgsql;

namespace Cairn.Postgres.Internal;

/// <summary>
/// What the commits of one batch check (status, owner, last sequence, parent), read once for every run the batch
/// touches and locked (<c>FOR UPDATE</c>, in id order, so batches of different processes never deadlock) until the
/// batch's transaction ends. The batch updates them as its commits apply, so later commits see earlier ones.
/// </summary>
internal sealed class RunHeads
{
    private readonly Dictionary<string, Head> _heads;

    private RunHeads(Dictionary<string, Head> heads) => _heads = heads;

    /// <summary>Reads and locks the runs a batch of commits touches: their own, their children and the runs they signal.</summary>
    public static RunHeads Lock(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PendingCommit> batch)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pending in batch)
        {
            var commit = pending.Commit;
            ids.Add(commit.RunId);
            if (commit.ChildRun is { } child)
            {
                ids.Add(child.RunId);
            }

            foreach (var signal in commit.Signals)
            {
                ids.Add(signal.RunId);
            }
        }

        var heads = new Dictionary<string, Head>(ids.Count, StringComparer.Ordinal);
        using var command = Db.Command(
            connection,
            transaction,
            "SELECT id, status, owner, last_seq, parent_run_id FROM runs WHERE id = ANY($1) ORDER BY id FOR UPDATE",
            Db.TextArray(ids));
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            heads[rows.GetString(0)] = new Head((RunStatus)rows.GetInt32(1), rows.GetStringOrNull(2), rows.GetInt64(3), rows.GetStringOrNull(4));
        }

        return new RunHeads(heads);
    }

    public bool TryGet(string runId, out Head head) => _heads.TryGetValue(runId, out head);

    public void Set(string runId, Head head) => _heads[runId] = head;

    public void Remove(string runId) => _heads.Remove(runId);

    /// <summary>A run as the batch sees it.</summary>
    public readonly record struct Head(RunStatus Status, string? Owner, long Sequence, string? ParentRunId);
}
