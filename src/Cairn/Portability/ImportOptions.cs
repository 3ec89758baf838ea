namespace Cairn;

/// <summary>How <see cref="IWorkflowClient.ImportAsync"/> treats runs whose ids exist in the store.</summary>
public sealed record ImportOptions
{
    /// <summary>Gets whether to give an imported run whose id exists a new id (<c>{id}-imported</c>, then <c>-imported-2</c>, …) instead of refusing the import.</summary>
    /// <value>Defaults to <see langword="false"/>: refuse.</value>
    public bool Rename { get; init; }
}
