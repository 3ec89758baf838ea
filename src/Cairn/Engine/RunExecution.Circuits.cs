using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Engine;

/// <content>
/// Circuit breakers: before an attempt the step asks its breaker (in the store, shared by every host); while it is open
/// the step is parked — journaled, with a wait that wakes the run when it half-opens — and no attempt is used up.
/// </content>
internal sealed partial class RunExecution
{
    private const int CircuitWriteTries = 100;

    /// <summary>Asks the breaker whether an attempt may start; returns until when to park, or <see langword="null"/> to go.</summary>
    private async Task<DateTimeOffset?> EnterCircuitAsync(CircuitBreakerPolicy breaker)
    {
        for (var i = 0; i < CircuitWriteTries; i++)
        {
            var current = await _engine.Store.GetCircuitAsync(breaker.Key).ConfigureAwait(false);
            var (parkUntil, write) = CircuitRules.BeforeAttempt(current, breaker, _engine.Time.GetUtcNow());
            if (write is null || await _engine.Store.SaveCircuitAsync(write).ConfigureAwait(false))
            {
                return parkUntil;
            }
        }

        throw Contended(breaker);
    }

    /// <summary>Reports an attempt's outcome to its breaker.</summary>
    private async Task LeaveCircuitAsync(CircuitBreakerPolicy breaker, bool succeeded)
    {
        for (var i = 0; i < CircuitWriteTries; i++)
        {
            var current = await _engine.Store.GetCircuitAsync(breaker.Key).ConfigureAwait(false);
            var write = CircuitRules.AfterAttempt(current, breaker.Key, breaker, succeeded, _engine.Time.GetUtcNow());
            if (write is null || await _engine.Store.SaveCircuitAsync(write).ConfigureAwait(false))
            {
                return;
            }
        }

        throw Contended(breaker);
    }

    /// <summary>Parks the step until its breaker half-opens: journaled, with a wait at the step's position (the run shows as parked once unloaded).</summary>
    private async Task HoldForCircuitAsync<T>(StepCall<T> call, CircuitBreakerPolicy breaker, DateTimeOffset openUntil)
    {
        var until = openUntil.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var payload = new JsonObject { ["reason"] = "circuit", ["circuit"] = breaker.Key, ["until"] = until }.ToJsonString(JsonText.Options);
        var wait = new WaitRecord(call.Position, WaitKind.Park, "circuit:" + breaker.Key, openUntil, ResolutionPayloads.ParkDetail(call.Name, "circuit", null, null, breaker.Key));
        await CommitAsync(new Draft(JournalEntryKind.StepParked, call.Position, call.Name, payload, call.Attempt - 1), new CommitExtras { OpenWait = wait }).ConfigureAwait(false);
        call.WaitOpen = true;
        call.Holding = wait;
        call.RetryAt = openUntil;
    }

    private static InvalidOperationException Contended(CircuitBreakerPolicy breaker) =>
        new($"Circuit breaker '{breaker.Key}' changed under every one of {CircuitWriteTries} tries to update it; the run continues from its journal on its next load.");
}
