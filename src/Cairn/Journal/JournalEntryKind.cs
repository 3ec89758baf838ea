namespace Cairn.Journal;

/// <summary>The kind of a durable event in a run's journal.</summary>
/// <remarks>Values are stored as integers; never renumber them.</remarks>
public enum JournalEntryKind
{
    /// <summary>The run was created; <see cref="JournalEntry.Payload"/> holds the input.</summary>
    RunStarted = 1,

    /// <summary>A step finished; the payload holds its JSON result.</summary>
    StepCompleted = 2,

    /// <summary>An attempt of a step failed; the payload holds the failure and, when another attempt follows, <c>retryAt</c>: when it is due.</summary>
    StepAttemptFailed = 3,

    /// <summary>A step failed for good; the payload holds the failure.</summary>
    StepFailed = 4,

    /// <summary>The run started to wait (timer, event, question or child run); the payload describes the wait.</summary>
    WaitStarted = 5,

    /// <summary>A wait ended; the payload holds the delivered data (or the time-out marker).</summary>
    WaitCompleted = 6,

    /// <summary>A durable state key changed; the payload holds the scope, old and new value.</summary>
    StateChanged = 7,

    /// <summary>A named checkpoint; the payload holds label and metadata.</summary>
    Checkpoint = 8,

    /// <summary>A non-deterministic value (time, GUID, random seed, shared-state read) was recorded.</summary>
    ValueRecorded = 9,

    /// <summary>A child run was started; the payload holds the child's run id.</summary>
    ChildStarted = 10,

    /// <summary>The workflow reported progress (no position; not replayed).</summary>
    ProgressReported = 11,

    /// <summary>The run was paused.</summary>
    RunPaused = 12,

    /// <summary>The run was resumed after a pause.</summary>
    RunResumed = 13,

    /// <summary>The run completed; the payload holds its JSON output.</summary>
    RunCompleted = 14,

    /// <summary>The run failed; the payload holds the failure.</summary>
    RunFailed = 15,

    /// <summary>The run was cancelled.</summary>
    RunCancelled = 16,

    /// <summary>A step was skipped (its condition was false, or a person chose to skip it); the payload holds the output it stands in with.</summary>
    StepSkipped = 17,

    /// <summary>An attempt of a side-effecting step started; written before its body runs, so a step interrupted by a crash is known to have started.</summary>
    StepStarted = 18,

    /// <summary>The run was rewound in place by a resume strategy; the payload says which, and which archived branch holds the discarded entries.</summary>
    RunRewound = 19,

    /// <summary>The run's input was replaced by a person; the payload holds the old and the new input.</summary>
    InputEdited = 20,

    /// <summary>A key of the run's state was set by a person; <see cref="JournalEntry.Position"/> is the call after which replay applies it (none: before the first call), the payload holds the key, old and new value.</summary>
    StateEdited = 21,

    /// <summary>The run was created from another run (restart or fork); the payload names the origin run, checkpoint and strategy.</summary>
    RunCreatedFrom = 22,

    /// <summary>A step was parked: its circuit breaker is open, or its failure policy waits for someone to act; the payload says why and until when.</summary>
    StepParked = 23,
}
