using System.Globalization;
using Cairn.Definitions;
using Cairn.Storage;

namespace Cairn.Cli.Views;

/// <summary>The display names (<c>name</c>) of a definition's steps, by id, read from the version a run is pinned to.</summary>
internal sealed class StepNames
{
    private readonly Dictionary<string, string> _names;

    private StepNames(Dictionary<string, string> names) => _names = names;

    /// <summary>Gets names for a run whose definition is not stored (or no longer parses): every step goes by its id.</summary>
    public static StepNames None { get; } = new([]);

    /// <summary>Reads the names from the stored definition the run is pinned to.</summary>
    public static async Task<StepNames> ReadAsync(IWorkflowStore store, RunInfo run, CancellationToken cancellationToken)
    {
        if (await store.GetDefinitionAsync(run.Workflow, run.Version, cancellationToken) is not { } record)
        {
            return None;
        }

        WorkflowDefinition definition;
        try
        {
            definition = DefinitionParser.Parse(record.Source, record.File);
        }
        catch (DefinitionException)
        {
            return None;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(definition.Steps, names);
        return new StepNames(names);
    }

    /// <summary>Returns the step's name, or <see langword="null"/> when it has none.</summary>
    public string? Of(string id) => _names.GetValueOrDefault(id);

    /// <summary>A step's label for progress lines: its name (or id); a step that ran more than once (in a loop) adds which time it is: <c>count #2</c>.</summary>
    public string Label(StepProgress step, RunProgress progress)
    {
        var label = Of(step.Name) ?? step.Name;
        var same = progress.Steps.Where(s => s.Name == step.Name).ToList();
        return same.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"{label} #{same.IndexOf(step) + 1}") : label;
    }

    private static void Collect(IEnumerable<StepDefinition> steps, Dictionary<string, string> names)
    {
        foreach (var step in steps)
        {
            if (step.Name is { Length: > 0 } name)
            {
                names[step.Id] = name;
            }

            Collect(step.Children.Concat(step.Compensate).Concat(step.OnFailure?.Steps ?? []), names);
        }
    }
}
