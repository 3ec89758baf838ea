using Cairn.Memory;
using Cairn.Storage;
using Cairn.Storage.Specification;

namespace Cairn.Tests.Memory;

public sealed class InMemoryWorkflowStoreContractTests : WorkflowStoreContractTests
{
    protected override Task<IWorkflowStore> CreateStoreAsync() => Task.FromResult<IWorkflowStore>(new InMemoryWorkflowStore());
}
