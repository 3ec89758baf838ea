namespace Cairn.Definitions;

/// <summary><c>wait</c>: waits for an event sent to the run. Output: the event's data.</summary>
public sealed class WaitStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "wait";

    /// <summary>Gets the event name.</summary>
    public required string Event { get; init; }

    /// <summary>Gets how long to wait before the step fails, or <see langword="null"/> to wait forever.</summary>
    public string? WaitTimeout { get; init; }
}
