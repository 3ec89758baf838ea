using Cairn.Definitions;

namespace Cairn.Cli.Views;

/// <summary>The step types of stored definitions, by workflow, version and step id, for statistics per step type.</summary>
internal sealed class StepTypes
{
    private readonly Dictionary<(string Workflow, int Version), Dictionary<string, string>> _types = new();

    /// <summary>Reads and parses every stored definition version once.</summary>
    public static async Task<StepTypes> LoadAsync(DefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        var types = new StepTypes();
        foreach (var record in await catalog.ListAsync(cancellationToken))
        {
            var byId = new Dictionary<string, string>(StringComparer.Ordinal);
            try
            {
                Collect(DefinitionParser.Parse(record.Source, record.File).Steps, byId);
            }
            catch (DefinitionException)
            {
                // A version this Cairn no longer accepts: its steps count as type "step".
            }

            types._types[(record.Name, record.Version)] = byId;
        }

        return types;
    }

    /// <summary>Returns the type of a step, or <see langword="null"/> when the definition is unknown.</summary>
    public string? Of(string workflow, int version, string step) =>
        _types.TryGetValue((workflow, version), out var byId) && byId.TryGetValue(step, out var type) ? type : null;

    private static void Collect(IEnumerable<StepDefinition> steps, Dictionary<string, string> byId)
    {
        foreach (var step in steps)
        {
            byId[step.Id] = step.Type;
            Collect(step.Children.Concat(step.Compensate).Concat(step.OnFailure?.Steps ?? []), byId);
        }
    }
}
