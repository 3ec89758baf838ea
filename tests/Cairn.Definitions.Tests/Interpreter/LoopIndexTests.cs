using Cairn.Storage;

namespace Cairn.Definitions.Tests.Interpreter;

/// <summary><c>index</c> and <c>item</c> in loops: a while check sees the index of the iteration it decides on.</summary>
public sealed class LoopIndexTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WhileLoop_FirstCheckSeesIndexZero_AndEachLaterCheckItsIterationsIndex()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: counted
            steps:
              - id: count
                type: loop
                while: "index < 3"
                maxIterations: 10
                steps:
                  - { id: tick, type: script, code: "index * 10" }
            """);

        var run = await host.WaitForStatusAsync(await host.Client.StartAsync("counted"), RunStatus.Completed);

        Assert.Equal("[0,10,20]", run.Output);
    }

    [Fact]
    public async Task WhileInsideForEach_ChecksWithItsOwnIndexAndTheOuterItem()
    {
        await using var host = await DefinitionHost.StartAsync(_folder.Path);
        await host.RegisterAsync(_folder.Path, """
            name: nested
            steps:
              - id: rows
                type: loop
                forEach: "['a', 'b', 'c']"
                maxIterations: 5
                steps:
                  - id: cells
                    type: loop
                    while: "index < (item === 'b' ? 1 : 2)"
                    maxIterations: 5
                    steps:
                      - { id: cell, type: script, code: "item + index" }
            """);

        var run = await host.WaitForStatusAsync(await host.Client.StartAsync("nested"), RunStatus.Completed);

        Assert.Equal("""[["a0","a1"],["b0"],["c0","c1"]]""", run.Output);
    }
}
