namespace Cairn.Definitions;

/// <summary>Settings for running definitions.</summary>
public sealed class DefinitionOptions
{
    /// <summary>Gets or sets the limits every expression and script runs under.</summary>
    public ScriptLimits ScriptLimits { get; set; } = new();

    /// <summary>Gets or sets how long the names of stored definitions are cached before a host looks for new ones.</summary>
    public TimeSpan NamesCacheDuration { get; set; } = TimeSpan.FromSeconds(1);
}
