namespace Cairn;

/// <summary>A definition declares a version that is already stored with different content.</summary>
public sealed class DefinitionVersionConflictException : CairnException
{
    /// <summary>Initializes a new instance of the <see cref="DefinitionVersionConflictException"/> class.</summary>
    /// <param name="name">The workflow name.</param>
    /// <param name="version">The version.</param>
    public DefinitionVersionConflictException(string name, int version)
        : base($"Version {version} of workflow '{name}' is already registered with different content. Runs pinned to it must keep it: give the changed definition a new version, or remove 'version' to have the next one assigned.")
    {
        Name = name;
        Version = version;
    }

    /// <summary>Gets the workflow name.</summary>
    public string Name { get; }

    /// <summary>Gets the conflicting version.</summary>
    public int Version { get; }
}
