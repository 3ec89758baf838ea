namespace Cairn.Definitions;

/// <summary><c>parallel</c>: runs branches at once; each branch is a list of steps run in order.</summary>
public sealed class ParallelStep : StepDefinition
{
    /// <inheritdoc/>
    public override string Type => "parallel";

    /// <summary>Gets the branches.</summary>
    public required IReadOnlyList<IReadOnlyList<StepDefinition>> Branches { get; init; }

    /// <summary>Gets how many branches may run at once, or <see langword="null"/> for all.</summary>
    public int? MaxConcurrency { get; init; }

    /// <inheritdoc/>
    public override IEnumerable<StepDefinition> Children => Branches.SelectMany(b => b);
}
