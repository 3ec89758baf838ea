namespace Cairn;

/// <summary>The names of <see cref="ResumeStrategy"/> values used in JSON, in the store and on the command line (<c>from-checkpoint</c>).</summary>
public static class ResumeStrategyNames
{
    private static readonly (ResumeStrategy Strategy, string Name)[] All =
    [
        (ResumeStrategy.Resume, "resume"),
        (ResumeStrategy.Restart, "restart"),
        (ResumeStrategy.FromCheckpoint, "from-checkpoint"),
        (ResumeStrategy.Fork, "fork"),
        (ResumeStrategy.FromStep, "from-step"),
        (ResumeStrategy.RetryFailed, "retry-failed"),
        (ResumeStrategy.SkipFailed, "skip-failed"),
        (ResumeStrategy.Auto, "auto"),
    ];

    /// <summary>Gets every name, in the order of the enum.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(a => a.Name).ToArray();

    /// <summary>Returns the wire name of a strategy.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>For example <c>retry-failed</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a strategy.</exception>
    public static string ToWireName(this ResumeStrategy strategy)
    {
        foreach (var (s, name) in All)
        {
            if (s == strategy)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown resume strategy.");
    }

    /// <summary>Reads a wire name.</summary>
    /// <param name="name">The name, such as <c>from-checkpoint</c>.</param>
    /// <param name="strategy">The strategy, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out ResumeStrategy strategy)
    {
        foreach (var (s, n) in All)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                strategy = s;
                return true;
            }
        }

        strategy = default;
        return false;
    }
}
