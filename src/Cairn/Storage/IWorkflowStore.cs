using Cairn.Journal;

namespace Cairn.Storage;

/// <summary>
/// The runtime side of a store: what the engine needs to create, execute, suspend and wake runs.
/// Every backend implements it and passes the shared contract test suite.
/// </summary>
/// <remarks>
/// Implementations must be safe for concurrent use. <see cref="CommitAsync"/> returns only after the commit is
/// durable at the store's configured durability, and may group concurrent commits into one transaction.
/// </remarks>
public interface IWorkflowStore : IAsyncDisposable
{
    /// <summary>Creates or checks the schema. Called once before any other member.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the store is usable.</returns>
    /// <exception cref="StoreSchemaException">The store is not a Cairn store, or has a newer schema.</exception>
    ValueTask InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a run in status <see cref="RunStatus.Pending"/> and writes journal entry 1 (<see cref="JournalEntryKind.RunStarted"/>).</summary>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when created; <see langword="false"/> when a run with that id exists (nothing is changed).</returns>
    ValueTask<bool> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default);

    /// <summary>Reads a run with its open waits.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run, or <see langword="null"/> when unknown.</returns>
    ValueTask<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Reads a run's whole journal in sequence order.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries; empty when the run is unknown.</returns>
    ValueTask<IReadOnlyList<JournalEntry>> ReadJournalAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Reads the signals a run has not consumed yet, oldest first.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending signals.</returns>
    ValueTask<IReadOnlyList<SignalRecord>> ReadSignalsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Applies a commit atomically and durably.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="cancellationToken">Cancels waiting; a commit already handed to the database may still apply.</param>
    /// <returns>Whether it applied.</returns>
    /// <exception cref="RunOwnershipLostException">Another owner holds the run, or another process appended the same sequence.</exception>
    ValueTask<CommitResult> CommitAsync(RunCommit commit, CancellationToken cancellationToken = default);

    /// <summary>Takes runnable runs for an owner: pending ones, suspended and parked ones that are due or woken, and running ones without a live lease.</summary>
    /// <param name="request">Who claims, when, and how many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed runs, now <see cref="RunStatus.Running"/> and owned by <see cref="ClaimRequest.Owner"/>.</returns>
    ValueTask<IReadOnlyList<RunRecord>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease of every run the owner holds.</summary>
    /// <param name="owner">The owner.</param>
    /// <param name="leaseUntil">The new lease end.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when renewed.</returns>
    ValueTask RenewLeasesAsync(string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Lists the owners that hold running runs (to find owners whose process died).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Distinct owner ids.</returns>
    ValueTask<IReadOnlyList<string>> ListOwnersAsync(CancellationToken cancellationToken = default);

    /// <summary>Frees every run an owner holds, so that any host can claim them at once.</summary>
    /// <param name="owner">The owner that is known to be dead.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many runs were freed.</returns>
    ValueTask<int> ReleaseOwnerAsync(string owner, CancellationToken cancellationToken = default);

    /// <summary>Returns the earliest wake time of the suspended and parked runs of the given workflows.</summary>
    /// <param name="workflows">The workflows a host can execute.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The earliest wake time, or <see langword="null"/> when none is set.</returns>
    ValueTask<DateTimeOffset?> GetNextWakeAsync(IReadOnlyCollection<string> workflows, CancellationToken cancellationToken = default);

    /// <summary>Accepts a signal or answer into a run's inbox durably, and wakes the run (suspended or parked) when it has an open wait with that name.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="name">The event name (<c>question:{id}</c> for answers).</param>
    /// <param name="payload">The JSON data.</param>
    /// <param name="requireOpenWait">When <see langword="true"/>, refuse (<see cref="SignalOutcome.NotWaiting"/>) unless the run has an open wait with that name.</param>
    /// <param name="at">The time of acceptance.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it was accepted; nothing is written otherwise.</returns>
    ValueTask<SignalOutcome> SendSignalAsync(string runId, string name, string? payload, bool requireOpenWait, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Reads a session- or user-scoped state value.</summary>
    /// <param name="scope">Session or user.</param>
    /// <param name="scopeId">The session or user id.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value, or <see langword="null"/> when the key was never written.</returns>
    ValueTask<ScopedValue?> GetScopedStateAsync(StateScope scope, string scopeId, string key, CancellationToken cancellationToken = default);

    /// <summary>Lists every session- and user-scoped state key with its value and version, ordered by scope, scope id and key.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, deleted ones (a <see langword="null"/> value) included.</returns>
    ValueTask<IReadOnlyList<ScopedStateEntry>> ListScopedStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a scoped state key exactly as given, its version included, when the key does not exist (copying a store).</summary>
    /// <param name="entry">The key, value and version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when written; <see langword="false"/> when the key exists (nothing is changed).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The version is less than 1.</exception>
    ValueTask<bool> ImportScopedStateAsync(ScopedStateEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Lists runs, newest first.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching runs (without their waits).</returns>
    ValueTask<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default);

    /// <summary>Stores a version of a workflow definition, atomically.</summary>
    /// <param name="definition">
    /// The definition. With <see cref="DefinitionRecord.Version"/> 0 the store numbers it: the latest version when its
    /// <see cref="DefinitionRecord.Hash"/> is the same (nothing is written), otherwise the latest plus one. With a
    /// version set, that version is returned when it holds the same hash, and written when it does not exist.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored version.</returns>
    /// <exception cref="DefinitionVersionConflictException">The version exists with different content.</exception>
    ValueTask<DefinitionRecord> SaveDefinitionAsync(DefinitionRecord definition, CancellationToken cancellationToken = default);

    /// <summary>Reads one version of a definition.</summary>
    /// <param name="name">The workflow name.</param>
    /// <param name="version">The version, or <see langword="null"/> for the latest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The definition, or <see langword="null"/> when unknown.</returns>
    ValueTask<DefinitionRecord?> GetDefinitionAsync(string name, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>Lists every stored version of every definition, ordered by name, then version.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The definitions.</returns>
    ValueTask<IReadOnlyList<DefinitionRecord>> ListDefinitionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the journal tails that in-place rewinds archived, by branch number.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The branches with their entries; empty when there are none or the run is unknown.</returns>
    ValueTask<IReadOnlyList<JournalBranch>> ReadJournalBranchesAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Rewinds a run in place, atomically: archives its journal after <see cref="RunRewind.KeepThrough"/> as a branch, appends the new entries, deletes the state snapshots after the kept sequence and resets the run.</summary>
    /// <param name="rewind">The rewind.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when applied; <see langword="false"/> when the run is unknown or does not meet the rewind's expectations (nothing is written).</returns>
    /// <exception cref="ArgumentException">The kept sequence or the entries' sequences do not fit the journal.</exception>
    ValueTask<bool> RewindRunAsync(RunRewind rewind, CancellationToken cancellationToken = default);

    /// <summary>Creates a whole run as given (record, journal, archived branches, inbox, state snapshots), owned by no host.</summary>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when created; <see langword="false"/> when a run with that id exists (nothing is changed).</returns>
    /// <exception cref="ArgumentException">The journal is not numbered 1, 2, 3 … or does not start with the run's start, or a snapshot lies outside the journal.</exception>
    ValueTask<bool> ImportRunAsync(RunImport run, CancellationToken cancellationToken = default);

    /// <summary>Reads a circuit breaker.</summary>
    /// <param name="key">The breaker's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The breaker, or <see langword="null"/> when it was never written (it is closed).</returns>
    ValueTask<CircuitRecord?> GetCircuitAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes a circuit breaker if nobody wrote it meanwhile: the stored version must be <c>circuit.Version - 1</c> (an absent breaker counts as version 0).</summary>
    /// <param name="circuit">The breaker with its new version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when written; <see langword="false"/> when the stored version differs (nothing is written; read it again).</returns>
    ValueTask<bool> SaveCircuitAsync(CircuitRecord circuit, CancellationToken cancellationToken = default);

    /// <summary>Lists every circuit breaker ever written, by key.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The breakers.</returns>
    ValueTask<IReadOnlyList<CircuitRecord>> ListCircuitsAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a circuit breaker exactly as given, its version included, when no breaker with its key exists (copying a store).</summary>
    /// <param name="circuit">The breaker.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when written; <see langword="false"/> when a breaker with that key exists (nothing is changed).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The version is less than 1.</exception>
    ValueTask<bool> ImportCircuitAsync(CircuitRecord circuit, CancellationToken cancellationToken = default);

    /// <summary>Reads the run's state snapshot nearest to a journal position: the one with the highest sequence at or before it.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="atOrBefore">The highest sequence the snapshot may have.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshot, or <see langword="null"/> when there is none (or the run is unknown).</returns>
    /// <remarks>Snapshots are written by <see cref="CommitAsync"/> (<see cref="RunCommit.Snapshot"/>); a rewind deletes those after the kept sequence, and deleting a run deletes all of them.</remarks>
    ValueTask<StateSnapshot?> ReadSnapshotAsync(string runId, long atOrBefore, CancellationToken cancellationToken = default);

    /// <summary>Lists a run's state snapshots by sequence.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshots; empty when there are none or the run is unknown.</returns>
    ValueTask<IReadOnlyList<StateSnapshot>> ListSnapshotsAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a run's state snapshots except the newest ones; the journal is not touched.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="keepLast">How many of the newest snapshots to keep (0 deletes all).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepLast"/> is negative.</exception>
    ValueTask<int> ThinSnapshotsAsync(string runId, int keepLast, CancellationToken cancellationToken = default);

    /// <summary>Deletes a finished run with its journal, archived branches, snapshots, waits and inbox, after checking atomically that it is finished, has no unfinished child and no unfinished parent.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it was deleted, or why not.</returns>
    ValueTask<DeleteRunOutcome> DeleteRunAsync(string runId, CancellationToken cancellationToken = default);
}
