using System.Text.Json.Nodes;

namespace Cairn.Cli.Views;

/// <summary>The <c>--json</c> shapes of dead letters and error statistics (documented in docs/cli.md).</summary>
internal static class FailureJson
{
    public static JsonObject DeadLetter(DeadLetter letter) => new()
    {
        ["runId"] = letter.RunId,
        ["workflow"] = letter.Workflow,
        ["version"] = letter.Version,
        ["status"] = Names.Of(letter.Status),
        ["step"] = letter.Step,
        ["position"] = letter.Position,
        ["attempts"] = letter.Attempts,
        ["error"] = Error(letter.Error),
        ["circuit"] = letter.Circuit,
        ["until"] = Json.Time(letter.Until),
        ["updatedAt"] = Json.Time(letter.UpdatedAt),
    };

    public static JsonObject Statistics(RunStatistics stats) => new()
    {
        ["since"] = Json.Time(stats.Since),
        ["runs"] = stats.Runs,
        ["workflows"] = new JsonArray(stats.Workflows.Select(w => (JsonNode)Workflow(w)).ToArray()),
    };

    private static JsonObject Workflow(WorkflowStatistics w) => new()
    {
        ["workflow"] = w.Workflow,
        ["runs"] = w.Total,
        ["byStatus"] = new JsonObject(w.Runs.Where(p => p.Value > 0).Select(p => KeyValuePair.Create(Names.Of(p.Key), (JsonNode?)p.Value))),
        ["errorRate"] = w.ErrorRate is { } rate ? Math.Round(rate, 4) : null,
        ["runDurations"] = Summary(w.RunDurations),
        ["stepTypes"] = new JsonArray(w.StepTypes.Select(s => (JsonNode)Step("type", s)).ToArray()),
        ["steps"] = new JsonArray(w.Steps.Select(s => (JsonNode)Step("id", s)).ToArray()),
        ["topErrors"] = new JsonArray(w.TopErrors.Select(e => (JsonNode)new JsonObject
        {
            ["type"] = e.Type,
            ["message"] = e.Message,
            ["count"] = e.Count,
            ["lastSeen"] = Json.Time(e.LastSeen),
            ["lastRunId"] = e.LastRunId,
        }).ToArray()),
    };

    private static JsonObject Step(string key, StepStatistics s) => new()
    {
        [key] = s.Step,
        ["completed"] = s.Completed,
        ["failed"] = s.Failed,
        ["skipped"] = s.Skipped,
        ["failedAttempts"] = s.FailedAttempts,
        ["durations"] = Summary(s.Durations),
    };

    private static JsonObject Summary(DurationSummary d) => new()
    {
        ["count"] = d.Count,
        ["meanMs"] = Durations.Milliseconds(d.Mean),
        ["p50Ms"] = Durations.Milliseconds(d.P50),
        ["p95Ms"] = Durations.Milliseconds(d.P95),
    };

    private static JsonObject? Error(FailureInfo? error) =>
        error is null ? null : new JsonObject { ["type"] = error.Type, ["message"] = error.Message };
}
