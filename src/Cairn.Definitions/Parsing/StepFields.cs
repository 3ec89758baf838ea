namespace Cairn.Definitions.Parsing;

/// <summary>The fields the format accepts: at the top level, in every step, and per step type.</summary>
/// <remarks>The published schema (<c>Schema/definition.schema.json</c>) must list the same names; a test checks it.</remarks>
internal static class StepFields
{
    /// <summary>The top-level fields.</summary>
    public static readonly IReadOnlyList<string> TopLevel = ["name", "version", "description", "inputs", "env", "timeout", "keepSnapshots", "retry", "onFailure", "steps"];

    /// <summary>The fields every step accepts. For <c>workflow</c> steps <c>name</c> is the child workflow's name; for <c>wait</c> steps <c>timeout</c> is how long to wait.</summary>
    public static readonly IReadOnlyList<string> Common = ["id", "type", "name", "if", "timeout", "retry", "onFailure", "compensate"];

    /// <summary>The fields of a <c>retry</c> block.</summary>
    public static readonly IReadOnlyList<string> Retry = ["maxAttempts", "delay", "backoff", "maxDelay", "jitter", "retryOn"];

    /// <summary>The fields of a <c>retryOn</c> block.</summary>
    public static readonly IReadOnlyList<string> RetryOn = ["status", "exitCode", "timeout"];

    /// <summary>The fields of a <c>circuitBreaker</c> block (of exec, http and script steps).</summary>
    public static readonly IReadOnlyList<string> CircuitBreaker = ["key", "threshold", "breakFor", "halfOpenTrials"];

    /// <summary>The fields of an <c>onFailure</c> mapping.</summary>
    public static readonly IReadOnlyList<string> OnFailure = ["action", "output", "steps", "prompt"];

    /// <summary>The actions of <c>onFailure</c>, by name.</summary>
    public static readonly IReadOnlyDictionary<string, FailureAction> FailureActions = new SortedDictionary<string, FailureAction>(StringComparer.Ordinal)
    {
        ["compensate"] = FailureAction.Compensate,
        ["escalate"] = FailureAction.Escalate,
        ["fail"] = FailureAction.Fail,
        ["fallback"] = FailureAction.Fallback,
        ["park"] = FailureAction.Park,
        ["skip"] = FailureAction.Skip,
    };

    /// <summary>The fields of an option of a <c>choice</c> question.</summary>
    public static readonly IReadOnlyList<string> ChoiceOption = ["id", "label"];

    /// <summary>The fields each step type adds to <see cref="Common"/>.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByType = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["ask"] = ["question", "kind", "options"],
        ["condition"] = ["then", "else"],
        ["delay"] = ["duration"],
        ["exec"] = ["circuitBreaker", "command", "env", "cwd", "stdin"],
        ["fail"] = ["message"],
        ["http"] = ["circuitBreaker", "method", "url", "headers", "body", "expectStatus"],
        ["loop"] = ["while", "forEach", "steps", "maxIterations"],
        ["parallel"] = ["branches", "maxConcurrency"],
        ["script"] = ["circuitBreaker", "code"],
        ["sequence"] = ["steps"],
        ["set"] = ["state"],
        ["wait"] = ["event"],
        ["workflow"] = ["version", "input"],
    };

    /// <summary>
    /// The common fields a step type refuses, each with the reason its error gives: settings that would mean nothing
    /// there are rejected rather than ignored.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Refused = new SortedDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
    {
        ["ask"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["retry"] = "asking again after a time-out only waits longer for the same answer; give the step a longer timeout instead",
        },
        ["delay"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["retry"] = "a delay cannot fail once its duration is valid, so there is nothing to retry",
        },
        ["set"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["retry"] = "a set step only evaluates expressions over the run's own data, so a failed one would fail the same way again",
            ["timeout"] = "a set step finishes at once and never waits, so there is nothing to time",
        },
        ["wait"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["retry"] = "waiting again after a time-out only waits longer; give the step a longer timeout instead",
        },
        ["workflow"] = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["timeout"] = "a parent cannot cut a child run short; bound the child with the top-level timeout of its own definition",
        },
    };

    /// <summary>Gets the known step types, sorted.</summary>
    public static IReadOnlyCollection<string> Types => (IReadOnlyCollection<string>)ByType.Keys;

    /// <summary>Gets the known step types as a comma-separated list for messages.</summary>
    public static string TypeList => string.Join(", ", ByType.Keys);

    /// <summary>Gets every field a step of a known type accepts.</summary>
    /// <param name="type">The step type.</param>
    /// <returns>The common fields (but those in <see cref="Refused"/>) followed by the type's own.</returns>
    public static IReadOnlyList<string> For(string type) => [.. Common.Where(f => !RefusedBy(type).ContainsKey(f)), .. ByType[type]];

    /// <summary>Gets the common fields a step type refuses, with the reasons.</summary>
    /// <param name="type">The step type.</param>
    /// <returns>The refused fields and why; empty when the type takes them all.</returns>
    public static IReadOnlyDictionary<string, string> RefusedBy(string type) =>
        Refused.TryGetValue(type, out var refused) ? refused : new Dictionary<string, string>();
}
