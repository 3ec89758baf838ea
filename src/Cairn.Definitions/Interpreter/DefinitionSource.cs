using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cairn.Hosting;
using Cairn.Storage;

namespace Cairn.Definitions.Interpreter;

/// <summary>Supplies the stored definitions to hosts: each (name, version) is parsed once and run by <see cref="DefinitionRun"/>.</summary>
internal sealed class DefinitionSource(IWorkflowStore store, StoreInitializer initializer, DefinitionServices services, DefinitionOptions options, TimeProvider time) : IWorkflowSource
{
    private readonly ConcurrentDictionary<(string Name, int Version), SourcedWorkflow> _parsed = new();
    private volatile IReadOnlyCollection<string>? _names;
    private long _namesReadAt;

    public async ValueTask<IReadOnlyCollection<string>> GetNamesAsync(CancellationToken cancellationToken = default)
    {
        if (_names is { } names && time.GetElapsedTime(Interlocked.Read(ref _namesReadAt)) < options.NamesCacheDuration)
        {
            return names;
        }

        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var all = await store.ListDefinitionsAsync(cancellationToken).ConfigureAwait(false);
        _names = all.Select(d => d.Name).Distinct(StringComparer.Ordinal).ToArray();
        Interlocked.Exchange(ref _namesReadAt, time.GetTimestamp());
        return _names;
    }

    public async ValueTask<SourcedWorkflow?> FindAsync(string name, int? version, CancellationToken cancellationToken = default)
    {
        if (version is { } v && _parsed.TryGetValue((name, v), out var known))
        {
            return known;
        }

        await initializer.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var record = await store.GetDefinitionAsync(name, version, cancellationToken).ConfigureAwait(false);
        return record is null ? null : _parsed.GetOrAdd((record.Name, record.Version), _ => Build(record));
    }

    /// <summary>Forgets the cached names, so a definition registered in this process is claimable at once.</summary>
    public void NamesChanged() => _names = null;

    private SourcedWorkflow Build(DefinitionRecord record)
    {
        WorkflowDefinition? definition = null;
        DefinitionException? invalid = null;
        try
        {
            definition = DefinitionParser.Parse(record.Source, record.File);
        }
        catch (DefinitionException e)
        {
            invalid = e;
        }

        return new SourcedWorkflow(record.Name, record.Version, (context, input) =>
            definition is null
                ? throw new DefinitionRunException($"Version {record.Version} of definition '{record.Name}' is no longer valid for this version of Cairn: {invalid!.Message}", invalid)
                : new DefinitionRun(definition, record.File, context, input, services).RunAsync())
        {
            Options = new WorkflowOptions { Deadline = definition?.Timeout, KeepSnapshots = definition?.KeepSnapshots, RedactFailure = Redactor(definition) },
            StepsAfter = definition is null ? null : kept => DefinitionOutline.StepsAfter(definition, kept),
            CheckInput = definition?.Inputs is { } schema
                ? input => InputValidator.Validate(schema, input is { } json ? JsonNode.Parse(json.GetRawText()) : null)
                : null,
        };
    }

    /// <summary>Masks the allowlisted env values (read now, as the run reads them) in every failure a run records.</summary>
    private static Func<FailureInfo, FailureInfo>? Redactor(WorkflowDefinition? definition) =>
        definition is { Env.Count: > 0 } ? failure => new EnvSecrets(EnvSecrets.Read(definition.Env)).Mask(failure) : null;
}
