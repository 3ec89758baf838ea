namespace Cairn.Storage;

/// <summary>One stored version of a workflow definition (YAML or JSON source), as registered.</summary>
public sealed record DefinitionRecord
{
    /// <summary>Gets the workflow name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the version, from 1.</summary>
    public required int Version { get; init; }

    /// <summary>Gets the SHA-256 of the source text (hex), to recognise a re-registration of the same content.</summary>
    public required string Hash { get; init; }

    /// <summary>Gets the source text exactly as registered.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the file name the source came from (used in error locations).</summary>
    public required string File { get; init; }

    /// <summary>Gets when this version was registered.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
