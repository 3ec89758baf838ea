using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Cairn.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Engine;

/// <summary>
/// The workflows a host can execute: those registered in code, validated once (every registration problem is reported
/// together), then those its <see cref="IWorkflowSource"/>s supply at run time.
/// </summary>
internal sealed class WorkflowRegistry
{
    private readonly Dictionary<string, WorkflowRegistration> _byName;
    private readonly IReadOnlyList<IWorkflowSource> _sources;
    private readonly ConcurrentDictionary<(string Name, int Version), WorkflowRegistration> _sourced = new();

    public WorkflowRegistry(IEnumerable<WorkflowRegistration> registrations, IReadOnlyList<string> errors, IEnumerable<IWorkflowSource>? sources = null)
    {
        _sources = sources?.ToArray() ?? [];
        var all = new List<string>(errors);
        _byName = new Dictionary<string, WorkflowRegistration>(StringComparer.Ordinal);
        foreach (var r in registrations)
        {
            if (!_byName.TryAdd(r.Name, r))
            {
                all.Add($"Workflow name '{r.Name}' is registered more than once; give each workflow a unique name ([Workflow(\"name\")] or the name argument).");
            }
        }

        if (all.Count > 0)
        {
            throw new WorkflowRegistrationException(all);
        }

        Names = _byName.Keys.ToArray();
    }

    public IReadOnlyCollection<string> Names { get; }

    /// <summary>Gets whether the registry can only run workflows registered in code.</summary>
    public bool IsStatic => _sources.Count == 0;

    /// <summary>Finds a workflow registered in code.</summary>
    public WorkflowRegistration? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Finds a workflow registered in code or, failing that, supplied by a source, without waiting when it is known already.</summary>
    /// <param name="name">The workflow name.</param>
    /// <param name="version">The pinned version, or <see langword="null"/> for the latest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<WorkflowRegistration?> FindAsync(string name, int? version, CancellationToken cancellationToken = default)
    {
        if (_byName.TryGetValue(name, out var registration))
        {
            return ValueTask.FromResult<WorkflowRegistration?>(registration);
        }

        if (version is { } v && _sourced.TryGetValue((name, v), out registration))
        {
            return ValueTask.FromResult<WorkflowRegistration?>(registration);
        }

        return _sources.Count == 0 ? ValueTask.FromResult<WorkflowRegistration?>(null) : FindInSourcesAsync(name, version, cancellationToken);
    }

    /// <summary>Lists every workflow name a host can run now.</summary>
    public async ValueTask<IReadOnlyCollection<string>> GetNamesAsync(CancellationToken cancellationToken = default)
    {
        if (_sources.Count == 0)
        {
            return Names;
        }

        var names = new HashSet<string>(Names, StringComparer.Ordinal);
        foreach (var source in _sources)
        {
            names.UnionWith(await source.GetNamesAsync(cancellationToken).ConfigureAwait(false));
        }

        return names;
    }

    private async ValueTask<WorkflowRegistration?> FindInSourcesAsync(string name, int? version, CancellationToken cancellationToken)
    {
        foreach (var source in _sources)
        {
            if (await source.FindAsync(name, version, cancellationToken).ConfigureAwait(false) is { } found)
            {
                var registration = new WorkflowRegistration(found.Name, found.Version, typeof(JsonElement), (context, input, _) => found.Run(context, (JsonElement?)input))
                {
                    CheckInput = found.CheckInput is { } check ? json => check(json is null ? null : JsonElement.Parse(json)) : null,
                    Options = found.Options,
                    StepsAfter = found.StepsAfter,
                };
                return _sourced.GetOrAdd((found.Name, found.Version), registration);
            }
        }

        return null;
    }

    /// <summary>Builds a registration for a workflow class, adding every problem found to <paramref name="errors"/>.</summary>
    public static WorkflowRegistration? FromType(Type type, List<string> errors)
    {
        var attribute = type.GetCustomAttribute<WorkflowAttribute>();
        var name = attribute?.Name ?? type.Name;
        var problems = new List<string>();
        if (type.IsAbstract || type.IsInterface || type.IsGenericTypeDefinition)
        {
            problems.Add($"Workflow type {type.FullName} is abstract, an interface or an open generic; register a concrete class.");
        }

        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "RunAsync").ToList();
        var nonPublic = type.GetMethods(BindingFlags.NonPublic | BindingFlags.Instance).Any(m => m.Name == "RunAsync");
        MethodInfo? run = null;
        if (methods.Count == 0)
        {
            problems.Add(nonPublic
                ? $"Workflow type {type.FullName} has a RunAsync method that is not public; make it public."
                : $"Workflow type {type.FullName} has no public RunAsync(WorkflowContext[, TInput]) method; add one.");
        }
        else if (methods.Count > 1)
        {
            problems.Add($"Workflow type {type.FullName} has {methods.Count} public RunAsync overloads; keep exactly one.");
        }
        else
        {
            run = methods[0];
            var parameters = run.GetParameters();
            if (parameters.Length is < 1 or > 2 || parameters[0].ParameterType != typeof(WorkflowContext))
            {
                problems.Add($"Workflow type {type.FullName}: RunAsync must take (WorkflowContext) or (WorkflowContext, TInput), but takes ({string.Join(", ", parameters.Select(p => p.ParameterType.Name))}).");
            }

            if (!typeof(Task).IsAssignableFrom(run.ReturnType))
            {
                problems.Add($"Workflow type {type.FullName}: RunAsync must return Task or Task<TOutput>, but returns {run.ReturnType.Name}.");
            }
        }

        if (problems.Count > 0 || run is null)
        {
            errors.AddRange(problems);
            return null;
        }

        var inputType = run.GetParameters().Length == 2 ? run.GetParameters()[1].ParameterType : null;
        var factory = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
        return new WorkflowRegistration(name, attribute?.Version ?? 1, inputType, async (context, input, services) =>
        {
            var instance = factory(services, null);
            var args = inputType is null ? new object?[] { context } : [context, input];
            var task = (Task)run.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, args, null)!;
            await task.ConfigureAwait(true);
            return run.ReturnType.IsGenericType ? run.ReturnType.GetProperty("Result")!.GetValue(task) : null;
        });
    }
}
