namespace Cairn.Samples.Pipeline;

/// <summary>
/// Researches a topic: fetches sources, summarizes them in parallel, drafts a report, lets it rest on a durable
/// timer, asks an editor for approval, then publishes. Each step stands for slow or costly work (an HTTP call, an
/// LLM call) that must not be repeated once it has succeeded.
/// </summary>
[Workflow("report-pipeline")]
public sealed class ReportPipeline(StepLog log)
{
    public async Task<string> RunAsync(WorkflowContext ctx, string topic)
    {
        var sources = await ctx.Step("fetch-sources", s => log.RunAsync(s, () => new[] { "journal", "wiki", "news" }));

        var summaries = await ctx.WhenAll(sources.Select(source =>
            ctx.Step($"summarize-{source}", s => log.RunAsync(s, () => $"{source}: three facts about {topic}"))).ToArray());

        var draft = await ctx.Step("draft-report", s => log.RunAsync(s, () => $"Report on {topic} from {summaries.Length} summaries"));
        await ctx.Checkpoint("draft-ready", new { words = draft.Length });

        await ctx.Sleep(TimeSpan.FromSeconds(3));

        var approved = await ctx.AskUser<bool>("publish", $"Publish \"{draft}\"?");
        if (!approved)
        {
            return "rejected";
        }

        return await ctx.Step("publish", s => log.RunAsync(s, () => $"published: {draft}"));
    }
}
