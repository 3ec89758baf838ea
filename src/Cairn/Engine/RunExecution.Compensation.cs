namespace Cairn.Engine;

/// <content>Compensations (saga): the undo of each completed step that declares one, run latest first, each once.</content>
internal sealed partial class RunExecution
{
    private readonly List<(Compensation Compensation, int Order)> _compensations = new();

    internal void RegisterCompensation(Compensation compensation)
    {
        lock (_compensations)
        {
            _compensations.Add((compensation, _compensations.Count == 0 ? 0 : _compensations[^1].Order + 1));
        }
    }

    /// <summary>Runs the undo of every step that completed before the given journal sequence, latest completion first.</summary>
    /// <remarks>
    /// The bound is the sequence of the failure that asked for compensation, so replay undoes exactly the steps the live
    /// run undid, whatever parallel branches recorded later. Each undo runs in a context of its own at
    /// <c>{position}.undo.</c>, so its calls are journaled and replayed like any other.
    /// </remarks>
    internal async Task CompensateAsync(long before)
    {
        List<Compensation> due;
        lock (_compensations)
        {
            var taken = _compensations.Where(c => c.Compensation.Sequence < before).ToList();
            _compensations.RemoveAll(taken.Contains);

            // Registered after the step that completed last (same sequence): undone before it.
            due = [.. taken.OrderByDescending(c => c.Compensation.Sequence).ThenByDescending(c => c.Order).Select(c => c.Compensation)];
        }

        foreach (var c in due)
        {
            await c.Undo(new WorkflowContext(this, c.Position + ".undo."), c.Result).ConfigureAwait(false);
        }
    }
}
