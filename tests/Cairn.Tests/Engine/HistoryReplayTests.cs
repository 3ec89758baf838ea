using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Hosting;
using Cairn.Journal;
using Cairn.Storage;
using Cairn.Tests.Support;

namespace Cairn.Tests.Engine;

/// <summary>
/// Replays journals checked in under <c>Histories/</c> against today's workflow code: a change that breaks runs in
/// flight shows up here before it ships.
/// </summary>
public sealed class HistoryReplayTests : EngineTests
{
    private static readonly JsonSerializerOptions HistoryJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task OrderV1History_CurrentCode_ReplaysWithoutRunningAnyRecordedStep()
    {
        var ran = new List<string>();
        await using var host = await StartHostAsync(b => RegisterOrder(b, chargeName: "charge", ran), await LoadAsync("order-v1.json"));

        var output = await host.Client.WaitForOutputAsync<string>("order-7");

        Assert.Equal("pay-7/inv-7/sent/True", output);
        Assert.Empty(ran);
    }

    [Fact]
    public async Task OrderV1History_CodeThatRenamedAStep_FailsWithNonDeterminismAtThatPosition()
    {
        var ran = new List<string>();
        await using var host = await StartHostAsync(b => RegisterOrder(b, chargeName: "payment", ran), await LoadAsync("order-v1.json"));

        var run = await host.Client.WaitForCompletionAsync("order-7");

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.StartsWith("Non-determinism in run 'order-7' at position 2: the journal recorded step 'charge', but the workflow code asked for step 'payment'.", run.Error!.Message);
        Assert.Empty(ran);
    }

    private static void RegisterOrder(CairnBuilder builder, string chargeName, List<string> ran) =>
        builder.AddWorkflow<Order, string>("order", async (ctx, order) =>
        {
            string Live(string step)
            {
                ran.Add(step);
                return "live";
            }

            await ctx.Step("validate", _ => Live("validate") is not null && order.Amount > 0);
            var payment = await ctx.Step(chargeName, _ => Live(chargeName), new StepOptions { Retry = RetryPolicy.Exponential(3) });
            var documents = await ctx.Gather(
                "documents",
                branch => branch.Step("invoice", _ => Live("invoice")),
                branch => branch.Step("email", _ => Live("email")));
            var ship = await ctx.AskUser<bool>("ship", $"Ship order {order.Id}?");
            return $"{payment}/{documents[0]}/{documents[1]}/{ship}";
        });

    private async Task<IWorkflowStore> LoadAsync(string file)
    {
        var entries = JsonSerializer.Deserialize<JournalEntry[]>(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Engine", "Histories", file)), HistoryJson)!;
        var store = NewStore();
        await new SharedStore(store).InitializeAsync();
        await store.CreateRunAsync(new NewRun { RunId = "order-7", Workflow = "order", Input = entries[0].Payload, CreatedAt = entries[0].At });
        await store.CommitAsync(new RunCommit { RunId = "order-7", Entries = entries[1..], At = entries[^1].At });
        return store;
    }

    private sealed record Order(int Id, decimal Amount);
}
