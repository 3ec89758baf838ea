namespace Cairn.Storage;

/// <summary>What <see cref="IWorkflowStore.DeleteRunAsync"/> did.</summary>
public enum DeleteRunOutcome
{
    /// <summary>The run, its journal, archived branches, waits and inbox were deleted.</summary>
    Deleted = 0,

    /// <summary>No run has that id.</summary>
    NotFound = 1,

    /// <summary>The run has not finished (pending, running, suspended or paused); nothing was deleted.</summary>
    NotFinished = 2,

    /// <summary>A child of the run has not finished; nothing was deleted.</summary>
    ChildActive = 3,

    /// <summary>The run's parent has not finished and may still read it; nothing was deleted.</summary>
    ParentActive = 4,
}
