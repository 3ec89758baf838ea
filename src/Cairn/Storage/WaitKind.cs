namespace Cairn.Storage;

/// <summary>What a suspended run is waiting for.</summary>
public enum WaitKind
{
    /// <summary>A durable timer.</summary>
    Timer = 0,

    /// <summary>A named external event (signal).</summary>
    Event = 1,

    /// <summary>An answer from a human to a question.</summary>
    Question = 2,

    /// <summary>The completion of a child run.</summary>
    Child = 3,

    /// <summary>A parked step: a person's resolution (<see cref="IWorkflowClient.ResolveAsync"/>), or, with a due time, its circuit breaker half-opening.</summary>
    Park = 4,
}
