using Cairn.Journal;
using Cairn.Storage;
using SQLitePCL;

namespace Cairn.Sqlite.Internal;

/// <content>Writes other than commits; each runs inside a transaction opened by <see cref="RunAsync{T}"/>.</content>
internal sealed partial class StoreWriter
{
    /// <summary>Creates a run with journal entry 1: pending, or running and owned when <see cref="NewRun.Owner"/> is set.</summary>
    /// <param name="run">The run.</param>
    /// <returns><see langword="false"/> when a run with that id exists.</returns>
    public bool CreateRun(NewRun run)
    {
        var inserted = _s.InsertRun
            .Bind(1, run.RunId)
            .Bind(2, run.Workflow)
            .Bind(3, (long)run.Version)
            .Bind(4, run.Input)
            .Bind(5, run.SessionId)
            .Bind(6, run.UserId)
            .Bind(7, run.ParentRunId)
            .Bind(8, run.ParentPosition)
            .Bind(9, run.CreatedAt)
            .Bind(10, (long)(run.Owner is null ? RunStatus.Pending : RunStatus.Running))
            .Bind(11, (long)run.Priority)
            .Execute();
        if (inserted == 0)
        {
            return false;
        }

        var head = new RunHead(raw.sqlite3_last_insert_rowid(_connection.Handle), 1, _nextEntryId++);
        InsertEntry(run.RunId, head.Entry, 1, null, new JournalEntry { Sequence = 1, Kind = JournalEntryKind.RunStarted, Name = run.Workflow, Payload = run.Input, At = run.CreatedAt });
        _s.InsertHead.Bind(1, head.Key).Bind(2, run.RunId).Bind(3, head.Entry).Bind(4, run.Owner).Bind(5, run.LeaseUntil).Execute();
        RememberHead(run.RunId, head);
        return true;
    }

    /// <summary>Accepts a signal into a run's inbox and wakes the run when it is suspended and waits for that name.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="name">The event name.</param>
    /// <param name="payload">The JSON data.</param>
    /// <param name="at">The time of acceptance.</param>
    /// <param name="requireOpenWait">Whether to refuse unless the run has an open wait with that name.</param>
    /// <returns>Whether it was accepted; nothing is written otherwise.</returns>
    public SignalOutcome Deliver(string runId, string name, string? payload, DateTimeOffset at, bool requireOpenWait)
    {
        RunStatus status;
        bool waiting;
        using (var rows = _s.ReadSignalTarget.Bind(1, runId).Bind(2, name).Query())
        {
            if (!rows.Read())
            {
                return SignalOutcome.RunNotFound;
            }

            status = (RunStatus)rows.GetInt64(0);
            waiting = rows.GetInt64(1) != 0;
        }

        if (status.IsFinished())
        {
            return SignalOutcome.RunFinished;
        }

        if (requireOpenWait && !waiting)
        {
            return SignalOutcome.NotWaiting;
        }

        _s.InsertSignal.Bind(1, runId).Bind(2, name).Bind(3, payload).Bind(4, at).Execute();
        if (waiting && status.IsWaiting())
        {
            _s.WakeRun.Bind(1, runId).Bind(2, at).Execute();
        }

        return SignalOutcome.Accepted;
    }

    /// <summary>Takes runnable runs for an owner.</summary>
    /// <param name="request">The claim.</param>
    /// <param name="workflowsJson">The request's workflows as a JSON array.</param>
    /// <returns>The claimed runs, with their waits.</returns>
    public IReadOnlyList<RunRecord> Claim(ClaimRequest request, string workflowsJson)
    {
        var ids = _queries.FindClaimable(workflowsJson, request.Now, request.Limit);
        var claimed = new List<RunRecord>(ids.Count);
        foreach (var id in ids)
        {
            _s.ClaimRun.Bind(1, id).Bind(2, request.Now).Execute();
            _s.ClaimHead.Bind(1, id).Bind(2, request.Owner).Bind(3, request.LeaseUntil).Execute();
            claimed.Add(_queries.GetRun(id)!);
        }

        return claimed;
    }

    /// <summary>Extends the lease of every run an owner holds.</summary>
    /// <param name="owner">The owner.</param>
    /// <param name="leaseUntil">The new lease end.</param>
    /// <returns>How many runs were renewed.</returns>
    public int RenewLeases(string owner, DateTimeOffset leaseUntil) =>
        _s.RenewLeases.Bind(1, owner).Bind(2, leaseUntil).Execute();

    /// <summary>Frees every run an owner holds.</summary>
    /// <param name="owner">The owner.</param>
    /// <returns>How many runs were freed.</returns>
    public int ReleaseOwner(string owner) =>
        _s.ReleaseOwner.Bind(1, owner).Execute();
}
