using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <content>Recorded values, durable state and checkpoints.</content>
internal sealed partial class RunExecution
{
    private readonly Dictionary<string, string?> _runState = new(StringComparer.Ordinal);
    private readonly Dictionary<(StateScope, string), long> _observedVersions = new();

    /// <summary>Returns the recorded value at the position, or produces, records (with the next commit) and returns a new one.</summary>
    internal T RecordValue<T>(string position, string name, Func<T> produce)
    {
        var recorded = _log.Match(RunId, position, CallClass.Value, name);
        if (recorded?.Final is { } final)
        {
            return _engine.Payloads.Deserialize<T>(final.Payload);
        }

        var value = produce();
        AddPiggyback(new Draft(JournalEntryKind.ValueRecorded, position, name, _engine.Payloads.Serialize(value, new PayloadSubject("The value '{0}'", name))));
        return value;
    }

    internal bool TryGetRunState(string key, out string? json)
    {
        lock (_runState)
        {
            return _runState.TryGetValue(key, out json);
        }
    }

    internal IReadOnlyDictionary<string, string?> RunStateSnapshot()
    {
        lock (_runState)
        {
            return new Dictionary<string, string?>(_runState, StringComparer.Ordinal);
        }
    }

    internal Task SetRunState(string position, string key, string? json)
    {
        var recorded = _log.Match(RunId, position, CallClass.State, "run:" + key);
        string? old;
        lock (_runState)
        {
            old = _runState.GetValueOrDefault(key);
            if (json is null)
            {
                _runState.Remove(key);
            }
            else
            {
                _runState[key] = json;
            }
        }

        if (recorded?.Final is not null)
        {
            return Task.CompletedTask;
        }

        return Live(CommitAsync(new Draft(JournalEntryKind.StateChanged, position, "run:" + key, StateChange("run", key, old, json, null))));
    }

    internal Task<ScopedValue?> ReadShared(string position, StateScope scope, string scopeId, string key) =>
        Tracked(() => ReadSharedCore(position, scope, scopeId, key));

    internal Task WriteShared(string position, StateScope scope, string scopeId, string key, string? json) =>
        Tracked(async () =>
        {
            await WriteSharedCore(position, scope, scopeId, key, json).ConfigureAwait(false);
            return true;
        });

    private async Task<ScopedValue?> ReadSharedCore(string position, StateScope scope, string scopeId, string key)
    {
        var name = $"read:{Scope(scope)}:{key}";
        var recorded = _log.Match(RunId, position, CallClass.Value, name);
        ScopedValue? value;
        if (recorded?.Final is { } final)
        {
            value = _engine.Payloads.Deserialize<ScopedValue?>(final.Payload);
        }
        else
        {
            value = await _engine.Store.GetScopedStateAsync(scope, scopeId, key).ConfigureAwait(false);
            AddPiggyback(new Draft(JournalEntryKind.ValueRecorded, position, name, _engine.Payloads.Serialize(value, new PayloadSubject("A shared state value"))));
        }

        lock (_observedVersions)
        {
            _observedVersions[(scope, key)] = value?.Version ?? 0;
        }

        return value;
    }

    private async Task WriteSharedCore(string position, StateScope scope, string scopeId, string key, string? json)
    {
        var name = Scope(scope) + ":" + key;
        var recorded = _log.Match(RunId, position, CallClass.State, name);
        long? expected;
        lock (_observedVersions)
        {
            expected = _observedVersions.TryGetValue((scope, key), out var v) ? v : null;
        }

        if (recorded?.Final is { } final)
        {
            using var doc = JsonDocument.Parse(final.Payload!);
            long? version = doc.RootElement.TryGetProperty("version", out var v) ? v.GetInt64() : null;
            if (doc.RootElement.TryGetProperty("conflict", out var c) && c.GetBoolean())
            {
                throw new StateConflictException(scope, scopeId, key, expected, null);
            }

            Observe(scope, key, version);
            return;
        }

        _cancel.Token.ThrowIfCancellationRequested();
        {
            var write = new ScopedStateWrite(scope, scopeId, key, json, expected);
            var result = await CommitAsync(
                new Draft(JournalEntryKind.StateChanged, position, name, StateChange(Scope(scope), key, null, json, expected + 1)),
                new CommitExtras
                {
                    StateWrite = write,
                    OnConflict = new Draft(JournalEntryKind.StateChanged, position, name, StateChange(Scope(scope), key, null, json, null, conflict: true)),
                }).ConfigureAwait(false);
            if (result.Outcome == CommitOutcome.StateConflict)
            {
                throw new StateConflictException(scope, scopeId, key, expected, result.StateVersion);
            }

            Observe(scope, key, result.StateVersion);
        }
    }

    internal Task Checkpoint(string position, string label, string? metadata)
    {
        var recorded = _log.Match(RunId, position, CallClass.Checkpoint, label);
        if (recorded?.Final is not null)
        {
            return Task.CompletedTask;
        }

        var payload = new JsonObject { ["label"] = label, ["metadata"] = metadata is null ? null : JsonNode.Parse(metadata) }.ToJsonString(JsonText.Options);
        return Live(CommitAsync(new Draft(JournalEntryKind.Checkpoint, position, label, payload)));
    }

    /// <summary>Records that the step at the position was skipped, standing in with an output; it rides with the next commit.</summary>
    internal void Skip(string position, string name, string? output)
    {
        if (_log.Match(RunId, position, CallClass.Step, name)?.Final is null)
        {
            AddPiggyback(new Draft(JournalEntryKind.StepSkipped, position, name, output));
        }
    }

    internal void ReportProgress(int? done, int? total, string? message)
    {
        var payload = new JsonObject { ["done"] = done, ["total"] = total, ["message"] = message }.ToJsonString(JsonText.Options);
        AddPiggyback(new Draft(JournalEntryKind.ProgressReported, null, null, payload));
        _engine.Notifications.Progress(RunId, done, total, message);
    }

    private void Observe(StateScope scope, string key, long? version)
    {
        lock (_observedVersions)
        {
            if (version is { } v)
            {
                _observedVersions[(scope, key)] = v;
            }
            else
            {
                _observedVersions.Remove((scope, key));
            }
        }
    }

    /// <summary>Wraps a live commit so that the awaiting code counts as in flight until it has run on.</summary>
    private Task Live(Task commit) => Tracked(async () =>
    {
        await commit.ConfigureAwait(false);
        return true;
    });

    /// <summary>
    /// Runs asynchronous engine work so that it counts as in flight, and completes the returned task inline: the
    /// awaiting workflow code runs on before the work stops counting, so the run is never seen idle in between.
    /// </summary>
    private Task<T> Tracked<T>(Func<Task<T>> work)
    {
        var done = new TaskCompletionSource<T>();
        Enter();
        _ = Run();
        return done.Task;

        async Task Run()
        {
            try
            {
                done.SetResult(await work().ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (e is not CairnException || e is RunOwnershipLostException)
                {
                    Fatal(e);
                }

                done.TrySetException(e);
            }
            finally
            {
                Exit();
            }
        }
    }

    private static string Scope(StateScope scope) => scope.ToString().ToLowerInvariant();

    private static string StateChange(string scope, string key, string? old, string? value, long? version, bool conflict = false)
    {
        var node = new JsonObject
        {
            ["scope"] = scope,
            ["key"] = key,
            ["old"] = old is null ? null : JsonNode.Parse(old),
            ["new"] = value is null ? null : JsonNode.Parse(value),
        };
        if (version is not null)
        {
            node["version"] = version;
        }

        if (conflict)
        {
            node["conflict"] = true;
        }

        return node.ToJsonString(JsonText.Options);
    }
}
