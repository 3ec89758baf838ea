using System.Runtime.CompilerServices;
using Cairn.Storage;

namespace Cairn.Tests.Support;

/// <summary>
/// Hands a store to a host without letting the host dispose it, so that several hosts (a restart) can use it in
/// turn; the store is initialized once, by the first host.
/// </summary>
public sealed class SharedStore : DelegatingStore
{
    private static readonly ConditionalWeakTable<IWorkflowStore, Task> Initialized = new();
    private readonly IWorkflowStore _inner;

    public SharedStore(IWorkflowStore inner)
        : base(inner)
    {
        _inner = inner;
    }

    public override ValueTask InitializeAsync(CancellationToken cancellationToken = default)
    {
        Task init;
        lock (Initialized)
        {
            init = Initialized.GetValue(_inner, s => s.InitializeAsync(cancellationToken).AsTask());
        }

        return new ValueTask(init);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
