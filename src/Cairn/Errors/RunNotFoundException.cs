namespace Cairn;

/// <summary>No run has the given id.</summary>
public sealed class RunNotFoundException : CairnException
{
    /// <summary>Initializes a new instance of the <see cref="RunNotFoundException"/> class.</summary>
    /// <param name="runId">The id that was asked for.</param>
    public RunNotFoundException(string runId)
        : base($"No run with id '{runId}' exists in this store. Check the id (list runs to see them) and the store it was started on.")
    {
        RunId = runId;
    }

    /// <summary>Gets the id that was asked for.</summary>
    public string RunId { get; }
}
