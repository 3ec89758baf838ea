namespace Cairn.Storage;

/// <summary>The lifecycle state of a run.</summary>
/// <remarks>Values are stored as integers; never renumber them.</remarks>
public enum RunStatus
{
    /// <summary>Created and waiting for a host to execute it.</summary>
    Pending = 0,

    /// <summary>Loaded and executing in a host.</summary>
    Running = 1,

    /// <summary>Waiting for a timer, an event, an answer or a child run; unloaded from memory.</summary>
    Suspended = 2,

    /// <summary>Paused by a user; resumes only when asked.</summary>
    Paused = 3,

    /// <summary>Finished with an output.</summary>
    Completed = 4,

    /// <summary>Finished with an error.</summary>
    Failed = 5,

    /// <summary>Cancelled by a user.</summary>
    Cancelled = 6,

    /// <summary>A step is parked, unloaded from memory: it waits for someone to retry, skip or fail it, or (with a wake time) for its circuit breaker to half-open.</summary>
    Parked = 7,
}
