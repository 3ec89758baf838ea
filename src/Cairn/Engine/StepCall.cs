namespace Cairn.Engine;

/// <summary>One live step call: what it runs, under which settings, and where its attempts stand.</summary>
/// <typeparam name="T">The step's result type.</typeparam>
internal sealed class StepCall<T>(string position, string name, Func<StepContext, Task<T>> body, StepPlan plan)
{
    public string Position { get; } = position;

    public string Name { get; } = name;

    public Func<StepContext, Task<T>> Body { get; } = body;

    public StepPlan Plan { get; } = plan;

    /// <summary>Gets the task the workflow code awaits.</summary>
    public TaskCompletionSource<T> Done { get; } = new();

    /// <summary>Gets or sets the number of the attempt about to run (counted over the step's whole life, from 1).</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>Gets or sets the attempts made before the current round (a round is the attempts one retry policy allows; a person's "retry" starts another).</summary>
    public int RoundStart { get; set; }

    /// <summary>Gets or sets when the next attempt is due, or <see langword="null"/> for now.</summary>
    public DateTimeOffset? RetryAt { get; set; }

    /// <summary>Gets or sets whether a wait may be open in the store at the step's position (a retry's timer), to close with the next commit.</summary>
    public bool WaitOpen { get; set; }

    /// <summary>Gets the attempt number within the current round.</summary>
    public int AttemptInRound => Attempt - RoundStart;
}
