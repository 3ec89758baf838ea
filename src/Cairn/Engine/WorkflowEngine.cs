using Cairn.Hosting;
using Cairn.Storage;
using Microsoft.Extensions.Logging;

namespace Cairn.Engine;

/// <summary>What every run execution shares: the store, the clock, the payload rules, the registry and the notifications.</summary>
internal sealed class WorkflowEngine(
    IWorkflowStore store,
    WorkflowRegistry registry,
    CairnOptions options,
    TimeProvider time,
    RunNotifications notifications,
    IServiceProvider services,
    ILogger logger)
{
    public IWorkflowStore Store { get; } = store;

    public WorkflowRegistry Registry { get; } = registry;

    public CairnOptions Options { get; } = options;

    public TimeProvider Time { get; } = time;

    public RunNotifications Notifications { get; } = notifications;

    public IServiceProvider Services { get; } = services;

    public ILogger Logger { get; } = logger;

    public Payloads Payloads { get; } = new(options.SerializerOptions, options.MaxPayloadBytes);

    /// <summary>Gets or sets the host executing runs in this process, if any.</summary>
    public WorkflowHost? Host { get; set; }
}
