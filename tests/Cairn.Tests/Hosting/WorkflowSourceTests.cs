using Cairn.Hosting;
using Cairn.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Tests.Hosting;

/// <summary>Workflows supplied at run time by an <see cref="IWorkflowSource"/>: started by name, pinned to a version, claimed and resumed like code workflows.</summary>
public sealed class WorkflowSourceTests
{
    [Fact]
    public async Task Start_SourcedWorkflow_RunsTheLatestVersionAndPinsIt()
    {
        var source = new VersionedSource();
        await using var host = await TestHost.StartAsync(b => b.Services.AddSingleton<IWorkflowSource>(source));

        var first = await host.Client.StartAsync("greet", new { who = "Ada" });
        Assert.Equal("\"v1 Ada\"", (await host.Client.WaitForCompletionAsync(first)).Output);

        source.Latest = 2;
        var second = await host.Client.StartAsync("greet", new { who = "Bob" });
        var pinned = await host.Client.StartAsync("greet", new { who = "Cy" }, new StartRunOptions { Version = 1 });

        var latest = await host.Client.WaitForCompletionAsync(second);
        Assert.Equal(("\"v2 Bob\"", 2), (latest.Output, latest.Version));
        Assert.Equal("\"v1 Cy\"", (await host.Client.WaitForCompletionAsync(pinned)).Output);
    }

    [Fact]
    public async Task Claim_RunCreatedWhileNoHostRan_IsExecutedWithTheVersionItWasPinnedTo()
    {
        var source = new VersionedSource();
        var store = new Cairn.Memory.InMemoryWorkflowStore();
        await using (var starter = await TestHost.StartAsync(b => b.Services.AddSingleton<IWorkflowSource>(source), store, start: false))
        {
            await starter.Client.StartAsync("greet", new { who = "Ada" }, new StartRunOptions { RunId = "r1" });
        }

        source.Latest = 2;
        await using var worker = await TestHost.StartAsync(b => b.Services.AddSingleton<IWorkflowSource>(source), store);

        var done = await worker.Client.WaitForCompletionAsync("r1");
        Assert.Equal(("\"v1 Ada\"", 1), (done.Output, done.Version));
    }

    [Fact]
    public async Task Start_UnknownName_ListsCodeAndSourcedNames()
    {
        await using var host = await TestHost.StartAsync(b => b
            .AddWorkflow<int>("coded", _ => Task.FromResult(1))
            .Services.AddSingleton<IWorkflowSource>(new VersionedSource()));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartAsync("nope"));
        Assert.StartsWith("Workflow 'nope' is not registered. Registered: coded, greet. Register it with AddWorkflow or register its definition.", error.Message, StringComparison.Ordinal);

        var version = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartAsync("greet", null, new StartRunOptions { Version = 9 }));
        Assert.StartsWith("Workflow 'greet' has no version 9", version.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Client.ListRunsAsync());
    }

    [Fact]
    public async Task Start_InputTheSourceRejects_ThrowsWithEveryProblemAndCreatesNoRun()
    {
        await using var host = await TestHost.StartAsync(b => b.Services.AddSingleton<IWorkflowSource>(new VersionedSource { RequireWho = true }));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartAsync("greet", new { name = "Ada" }));

        Assert.StartsWith("The input does not fit workflow 'greet' (version 1): input.who is required. Fix the input", error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Client.ListRunsAsync());
    }

    [Fact]
    public async Task RunChild_SourcedChildWithVersion_RunsThatVersion()
    {
        var source = new VersionedSource { Latest = 2 };
        await using var host = await TestHost.StartAsync(b => b
            .AddWorkflow<string>("parent", ctx => ctx.RunChild<string>("greet", new { who = "Kid" }, version: 1))
            .Services.AddSingleton<IWorkflowSource>(source));

        var id = await host.Client.StartAsync("parent");

        Assert.Equal("\"v1 Kid\"", (await host.Client.WaitForCompletionAsync(id)).Output);
        Assert.Equal(1, (await host.Client.GetRunAsync(id + "/1")).Version);
    }

    /// <summary>A source with one workflow, "greet", in versions 1 up to <see cref="Latest"/>.</summary>
    private sealed class VersionedSource : IWorkflowSource
    {
        public int Latest { get; set; } = 1;

        public bool RequireWho { get; init; }

        public ValueTask<IReadOnlyCollection<string>> GetNamesAsync(CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyCollection<string>>(["greet"]);

        public ValueTask<SourcedWorkflow?> FindAsync(string name, int? version, CancellationToken cancellationToken = default)
        {
            var v = version ?? Latest;
            return ValueTask.FromResult(name == "greet" && v >= 1 && v <= Latest
                ? new SourcedWorkflow(name, v, async (ctx, input) =>
                {
                    var who = input!.Value.GetProperty("who").GetString();
                    return await ctx.Step("greet", _ => $"v{v} {who}");
                })
                {
                    CheckInput = RequireWho ? input => input?.TryGetProperty("who", out _) == true ? [] : ["input.who is required."] : null,
                }
                : null);
        }
    }
}
