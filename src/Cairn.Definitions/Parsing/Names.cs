using System.Text.RegularExpressions;

namespace Cairn.Definitions.Parsing;

/// <summary>The rules names follow, with how messages state them.</summary>
internal static partial class Names
{
    /// <summary>How messages state the rule for step ids.</summary>
    public const string StepIdRule = "an id starts with a letter or '_' and holds only letters, digits, '_' and '-'";

    /// <summary>How messages state the rule for workflow names.</summary>
    public const string WorkflowRule = "a workflow name holds only letters, digits, '-', '_' and '.'";

    /// <summary>How messages state the rule for environment variable names.</summary>
    public const string EnvRule = "an environment variable name starts with a letter or '_' and holds only letters, digits and '_'";

    /// <summary>How messages state the rule for state keys.</summary>
    public const string StateKeyRule = "a state key starts with a letter, '_' or '$' and holds only letters, digits, '_' and '$', so that state.<key> reads it";

    /// <summary>How messages state the rule for header names.</summary>
    public const string HeaderRule = "a header name holds only letters, digits and !#$%&'*+.^_`|~-";

    /// <summary>Tells whether a string is a valid step id.</summary>
    /// <param name="text">The string.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsStepId(string text) => StepId().IsMatch(text);

    /// <summary>Tells whether a string is a valid workflow name.</summary>
    /// <param name="text">The string.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsWorkflowName(string text) => WorkflowName().IsMatch(text);

    /// <summary>Tells whether a string is a valid environment variable name.</summary>
    /// <param name="text">The string.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsEnvName(string text) => EnvName().IsMatch(text);

    /// <summary>Tells whether a string is a valid state key.</summary>
    /// <param name="text">The string.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsStateKey(string text) => StateKey().IsMatch(text);

    /// <summary>Tells whether a string is a valid HTTP header name.</summary>
    /// <param name="text">The string.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsHeaderName(string text) => HeaderName().IsMatch(text);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex StepId();

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex WorkflowName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex StateKey();

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderName();
}
