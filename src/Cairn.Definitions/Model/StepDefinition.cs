namespace Cairn.Definitions;

/// <summary>A step of a definition: the fields every step type shares.</summary>
public abstract class StepDefinition
{
    /// <summary>Gets the id, unique in the definition; <c>steps.&lt;id&gt;</c> in expressions.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the type name as written (<c>exec</c>, <c>http</c>, ...).</summary>
    public abstract string Type { get; }

    /// <summary>Gets the display name, or <see langword="null"/>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the expression that must be truthy for the step to run; otherwise it is skipped. For <c>condition</c> steps, the branch condition.</summary>
    public string? If { get; init; }

    /// <summary>Gets how long the step may take: one attempt of a step that does work, the whole of a composite step, the wait of a wait, ask or delay.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the retry settings (of a composite step: the default of the steps inside that do work), or <see langword="null"/> for one attempt.</summary>
    public RetryDefinition? Retry { get; init; }

    /// <summary>Gets the circuit breaker the step's attempts go through (<c>exec</c>, <c>http</c> and <c>script</c> steps), or <see langword="null"/>.</summary>
    public CircuitBreakerDefinition? CircuitBreaker { get; init; }

    /// <summary>Gets what happens once the step's attempts are exhausted, or <see langword="null"/> for the definition's default (fail).</summary>
    public OnFailureDefinition? OnFailure { get; init; }

    /// <summary>Gets the steps that undo this one once it has completed, run (latest completed step first) when a later step's <c>onFailure</c> is <c>compensate</c>.</summary>
    public IReadOnlyList<StepDefinition> Compensate { get; init; } = [];

    /// <summary>Gets where the step starts in its file.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Gets whether running the step again repeats an effect outside the run (a process, a request, a child run).</summary>
    public virtual bool HasOutsideEffects => false;

    /// <summary>Gets the steps nested in this one, in document order (empty for leaf steps).</summary>
    public virtual IEnumerable<StepDefinition> Children => [];
}
