namespace Cairn;

/// <summary>
/// Replay found that the workflow code no longer makes the calls its journal recorded, usually because the code
/// changed while the run was in flight.
/// </summary>
public sealed class NonDeterminismException : CairnException
{
    internal NonDeterminismException(string runId, string position, string? recorded, string requested)
        : base(recorded is null
            ? $"Non-determinism in run '{runId}' at position {position}: the journal has no call there, but the workflow code asked for {requested}. The code changed since the run started; restore the old code, or resume from a checkpoint before this position."
            : $"Non-determinism in run '{runId}' at position {position}: the journal recorded {recorded}, but the workflow code asked for {requested}. The code changed since the run started; restore the old code, or resume from a checkpoint before this position.")
    {
        RunId = runId;
        Position = position;
        Recorded = recorded;
        Requested = requested;
    }

    /// <summary>Gets the run.</summary>
    public string RunId { get; }

    /// <summary>Gets the position where the code and the journal differ.</summary>
    public string Position { get; }

    /// <summary>Gets the recorded call (for example <c>step 'charge'</c>), or <see langword="null"/> when nothing was recorded there.</summary>
    public string? Recorded { get; }

    /// <summary>Gets the call the code asked for.</summary>
    public string Requested { get; }
}
