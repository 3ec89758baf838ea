namespace Cairn.Storage;

/// <summary>A request from a user to a run that may be executing in another process.</summary>
public enum RunControl
{
    /// <summary>No request is pending.</summary>
    None = 0,

    /// <summary>Stop at the next step boundary and become <see cref="RunStatus.Paused"/>.</summary>
    Pause = 1,

    /// <summary>Cancel the running step's token and become <see cref="RunStatus.Cancelled"/>.</summary>
    Cancel = 2,
}
