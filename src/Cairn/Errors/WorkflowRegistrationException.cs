namespace Cairn;

/// <summary>One or more workflows were registered wrongly. The message lists every problem, one per line.</summary>
public sealed class WorkflowRegistrationException : CairnException
{
    internal WorkflowRegistrationException(IReadOnlyList<string> errors)
        : base("Cairn workflow registration failed with " + errors.Count + " error(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    /// <summary>Gets every problem found, each saying how to fix it.</summary>
    public IReadOnlyList<string> Errors { get; }
}
