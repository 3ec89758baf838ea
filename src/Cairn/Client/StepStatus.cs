namespace Cairn;

/// <summary>The status of one step in a run's progress.</summary>
public enum StepStatus
{
    /// <summary>Known but not started.</summary>
    Pending = 0,

    /// <summary>Executing now.</summary>
    Running = 1,

    /// <summary>Finished with a result.</summary>
    Completed = 2,

    /// <summary>Failed after its attempts.</summary>
    Failed = 3,

    /// <summary>Skipped.</summary>
    Skipped = 4,
}
