using Cairn.Hosting;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Resume;

/// <summary>The workflows resume scenarios use: "chain" (a → b → c → d, c multiplied by state "factor") and "fan" (three parallel steps, then "sum").</summary>
public abstract class ResumeTestBase : EngineTests
{
    protected StepLog Log { get; } = new();

    /// <summary>Registers the scenario workflows.</summary>
    protected void Workflows(CairnBuilder b)
    {
        b.AddWorkflow<int, int>("chain", async (ctx, n) =>
        {
            var a = await ctx.Step("a", Log.Body("a", () => n + 1));
            var x = await ctx.Step("b", Log.Body("b", () => a * 2));
            var factor = ctx.State.Get("factor", 1);
            var c = await ctx.Step("c", Log.Body("c", () => x * factor));
            return await ctx.Step("d", Log.Body("d", () => c + 1));
        });
        b.AddWorkflow<int>("fan", async ctx =>
        {
            var parts = await ctx.Gather("fan", Enumerable.Range(0, 3).Select<int, Func<WorkflowContext, Task<int>>>(i => branch => branch.Step("p" + i, Log.Body("p" + i, () => i + 1))).ToArray());
            return await ctx.Step("sum", Log.Body("sum", () => parts.Sum()));
        });
    }

    protected async Task<TestHost> StartAsync(IWorkflowStore? store = null) => await StartHostAsync(Workflows, store);

    /// <summary>Runs a workflow to its end and forgets the bodies that ran.</summary>
    protected async Task<string> RunToEndAsync(TestHost host, string workflow, object? input = null)
    {
        var id = await host.Client.StartAsync(workflow, input);
        await host.Client.WaitForCompletionAsync(id);
        Log.Clear();
        return id;
    }

    protected static async Task<RunInfo> FinishAsync(TestHost host, string runId) => await host.Client.WaitForCompletionAsync(runId);

    protected static IReadOnlyList<string> Names(IEnumerable<PlannedCall> calls) => calls.Select(c => c.Name).ToList();

    /// <summary>Everything a client can read of a run, as text: record, journal and archived branches.</summary>
    protected static async Task<string> SnapshotAsync(TestHost host, string runId)
    {
        var run = await host.Client.GetRunAsync(runId);
        var journal = await host.Client.GetJournalAsync(runId);
        var branches = await host.Client.GetJournalBranchesAsync(runId);
        return System.Text.Json.JsonSerializer.Serialize(run) + "\n" + string.Join("\n", journal.Select(Line))
            + "\n" + string.Join("\n", branches.Select(b => $"branch {b.Number} after {b.AfterSequence}: " + string.Join(" ", b.Entries.Select(Line))));
    }

    protected static string Line(JournalEntry e) => $"{e.Sequence}|{e.Kind}|{e.Position}|{e.Name}|{e.Payload}|{e.Attempt}|{e.At:O}|{e.StartedAt:O}";
}
