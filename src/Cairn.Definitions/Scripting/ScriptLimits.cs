namespace Cairn.Definitions;

/// <summary>
/// The limits one script or expression runs under. Each exceeded limit stops the script with a
/// <see cref="ScriptException"/> whose <see cref="ScriptException.Kind"/> names it.
/// </summary>
public sealed record ScriptLimits
{
    /// <summary>Gets the default limits.</summary>
    public static ScriptLimits Default { get; } = new();

    /// <summary>Gets how long one evaluation may run.</summary>
    /// <value>2 seconds.</value>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets how many statements one evaluation may execute.</summary>
    /// <value>1,000,000.</value>
    /// <remarks>Besides the statements as written, each function call and each iteration of a <c>for</c>-<c>in</c> loop counts one statement (the sandbox's check).</remarks>
    public int MaxStatements { get; init; } = 1_000_000;

    /// <summary>Gets how deeply function calls may nest.</summary>
    /// <value>256.</value>
    public int MaxRecursionDepth { get; init; } = 256;

    /// <summary>Gets roughly how much memory the values of one evaluation may hold, beyond its inputs.</summary>
    /// <value>64 MiB.</value>
    /// <remarks>
    /// The values reachable from the script's variables are measured each time it has allocated half of this
    /// limit (checked on every loop iteration and function call), and built-ins that can build a large value in one
    /// call (<c>join</c>, <c>concat</c>, <c>replace</c>, <c>apply</c>, <c>JSON.stringify</c>) check the size first.
    /// Arrays are also limited to one element per 128 bytes of this limit (524,288 elements by default).
    /// </remarks>
    public long MaxMemoryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Gets how large the result may be, as UTF-8 JSON.</summary>
    /// <value>1 MiB.</value>
    public int MaxOutputBytes { get; init; } = 1024 * 1024;

    /// <summary>Gets the most elements an array may have under these limits.</summary>
    internal long MaxArrayLength => Math.Max(1024, MaxMemoryBytes / 128);

    /// <summary>Gets the longest string a single built-in call may build.</summary>
    internal long MaxStringLength => Math.Max(1024, MaxMemoryBytes / 2);

    /// <summary>Checks that every limit is positive; all problems are reported at once.</summary>
    /// <exception cref="ArgumentException">A limit is zero or negative.</exception>
    internal void Validate()
    {
        var problems = new List<string>();
        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"Timeout must be positive (was {Timeout}).");
        }

        if (MaxStatements <= 0)
        {
            problems.Add($"MaxStatements must be positive (was {MaxStatements}).");
        }

        if (MaxRecursionDepth <= 0)
        {
            problems.Add($"MaxRecursionDepth must be positive (was {MaxRecursionDepth}).");
        }

        if (MaxMemoryBytes <= 0)
        {
            problems.Add($"MaxMemoryBytes must be positive (was {MaxMemoryBytes}).");
        }

        if (MaxOutputBytes <= 0)
        {
            problems.Add($"MaxOutputBytes must be positive (was {MaxOutputBytes}).");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The script limits are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }
}
