using Cairn.Engine;
using Cairn.Memory;
using Cairn.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Hosting;

/// <summary>Registers workflows and chooses the store. Problems are collected and reported together when the registry is first used.</summary>
public sealed class CairnBuilder
{
    private readonly List<WorkflowRegistration> _registrations = new();
    private readonly List<string> _errors = new();

    internal CairnBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers a workflow class (see <see cref="WorkflowAttribute"/> for its shape).</summary>
    /// <typeparam name="TWorkflow">The workflow class.</typeparam>
    /// <param name="options">The step defaults and run deadline, or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    public CairnBuilder AddWorkflow<TWorkflow>(WorkflowOptions? options = null)
        where TWorkflow : class
    {
        if (WorkflowRegistry.FromType(typeof(TWorkflow), _errors) is { } registration && CheckOptions(registration.Name, options))
        {
            _registrations.Add(options is null ? registration : new WorkflowRegistration(registration, options));
        }

        return this;
    }

    /// <summary>Registers a workflow written as a delegate with an input.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The workflow name.</param>
    /// <param name="run">The workflow.</param>
    /// <param name="version">The version.</param>
    /// <param name="options">The step defaults and run deadline, or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    public CairnBuilder AddWorkflow<TInput, TOutput>(string name, Func<WorkflowContext, TInput, Task<TOutput>> run, int version = 1, WorkflowOptions? options = null)
    {
        if (Check(name, run) && CheckOptions(name, options))
        {
            _registrations.Add(new WorkflowRegistration(name, version, typeof(TInput), async (context, input, _) => await run(context, (TInput)input!).ConfigureAwait(true))
            {
                Options = options ?? WorkflowOptions.Default,
            });
        }

        return this;
    }

    /// <summary>Registers a workflow written as a delegate without an input.</summary>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The workflow name.</param>
    /// <param name="run">The workflow.</param>
    /// <param name="version">The version.</param>
    /// <param name="options">The step defaults and run deadline, or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    public CairnBuilder AddWorkflow<TOutput>(string name, Func<WorkflowContext, Task<TOutput>> run, int version = 1, WorkflowOptions? options = null)
    {
        if (Check(name, run) && CheckOptions(name, options))
        {
            _registrations.Add(new WorkflowRegistration(name, version, null, async (context, _, _) => await run(context).ConfigureAwait(true))
            {
                Options = options ?? WorkflowOptions.Default,
            });
        }

        return this;
    }

    /// <summary>Uses a store instance.</summary>
    /// <param name="store">The store.</param>
    /// <returns>This builder.</returns>
    public CairnBuilder UseStore(IWorkflowStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return UseStore(_ => store);
    }

    /// <summary>Uses a store made from the services.</summary>
    /// <param name="factory">Makes the store.</param>
    /// <returns>This builder.</returns>
    public CairnBuilder UseStore(Func<IServiceProvider, IWorkflowStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>Uses the in-memory store (the default when no store is chosen).</summary>
    /// <returns>This builder.</returns>
    public CairnBuilder UseInMemoryStore() => UseStore(new InMemoryWorkflowStore());

    /// <summary>Uses a clock other than the system's (tests use a manual one).</summary>
    /// <param name="time">The clock.</param>
    /// <returns>This builder.</returns>
    public CairnBuilder UseTimeProvider(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Services.AddKeyedSingleton(CairnServiceCollectionExtensions.ServiceKey, time);
        return this;
    }

    internal WorkflowRegistry BuildRegistry(IEnumerable<IWorkflowSource> sources) => new(_registrations, _errors, sources);

    private bool CheckOptions(string name, WorkflowOptions? options)
    {
        var problems = options?.Validate() ?? [];
        foreach (var problem in problems)
        {
            _errors.Add($"Workflow '{name}': options.{problem}");
        }

        return problems.Count == 0;
    }

    private bool Check(string name, Delegate run)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            _errors.Add("A delegate workflow was registered without a name; pass a non-empty name.");
            return false;
        }

        if (run is null)
        {
            _errors.Add($"Workflow '{name}' was registered with a null delegate; pass the workflow function.");
            return false;
        }

        return true;
    }
}
