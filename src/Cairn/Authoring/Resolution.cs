using System.Text.Json;

namespace Cairn;

/// <summary>A person's decision about a failed step: retry it, skip it with a stand-in output, or fail it.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Value">The stand-in output of a skip, as JSON, or <see langword="null"/> for the policy's own.</param>
public sealed record Resolution(ResolutionAction Action, JsonElement? Value = null)
{
    /// <summary>Gets the resolution that tries the step again.</summary>
    public static Resolution Retry { get; } = new(ResolutionAction.Retry);

    /// <summary>Gets the resolution that fails the step.</summary>
    public static Resolution Fail { get; } = new(ResolutionAction.Fail);

    /// <summary>Creates the resolution that skips the step.</summary>
    /// <param name="value">The stand-in output, or <see langword="null"/> for the policy's own.</param>
    /// <returns>The resolution.</returns>
    public static Resolution Skip(JsonElement? value = null) => new(ResolutionAction.Skip, value);
}
