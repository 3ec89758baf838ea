namespace Cairn;

/// <summary>How a person resolves a failed step that was escalated or parked.</summary>
public enum ResolutionAction
{
    /// <summary>Try the step again, with a fresh round of its retry policy.</summary>
    Retry = 0,

    /// <summary>Record the step as skipped with a stand-in output, and go on.</summary>
    Skip = 1,

    /// <summary>Fail the step.</summary>
    Fail = 2,
}
