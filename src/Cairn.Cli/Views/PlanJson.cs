using System.Text.Json.Nodes;

namespace Cairn.Cli.Views;

/// <summary>The JSON document of <c>cairn resume --dry-run --json</c>: a resume plan.</summary>
internal static class PlanJson
{
    public static JsonObject Plan(ResumePlan plan) => new()
    {
        ["runId"] = plan.RunId,
        ["strategy"] = plan.Strategy.ToWireName(),
        ["reason"] = plan.Reason,
        ["continuingRunId"] = plan.ContinuingRunId,
        ["changesRun"] = plan.ChangesRun,
        ["dryRun"] = plan.DryRun,
        ["checkpoint"] = plan.Checkpoint,
        ["keptThrough"] = plan.KeptThrough,
        ["archivedBranch"] = plan.ArchivedBranch,
        ["archivedEntries"] = plan.ArchivedEntries,
        ["kept"] = Calls(plan.Kept),
        ["rerun"] = Calls(plan.Rerun),
        ["notReached"] = new JsonArray(plan.NotReached.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["type"] = s.Type,
            ["mayRun"] = s.MayRun,
            ["sideEffecting"] = s.HasOutsideEffects,
        }).ToArray()),
        ["outsideEffects"] = Calls(plan.OutsideEffects),
        ["waitsAgain"] = Calls(plan.WaitsAgain),
        ["skipped"] = Calls(plan.Skipped),
        ["edits"] = new JsonArray(plan.Edits.Select(e => (JsonNode)new JsonObject
        {
            ["target"] = e.Target,
            ["key"] = e.Key,
            ["old"] = Json.Embed(e.Old),
            ["new"] = Json.Embed(e.New),
        }).ToArray()),
        ["warnings"] = new JsonArray(plan.Warnings.Select(w => (JsonNode)JsonValue.Create(w)).ToArray()),
    };

    private static JsonArray Calls(IEnumerable<PlannedCall> calls) => new(calls.Select(c => (JsonNode)new JsonObject
    {
        ["position"] = c.Position,
        ["id"] = c.Name,
        ["kind"] = c.Kind.ToString().ToLowerInvariant(),
        ["status"] = Names.Of(c.Status),
        ["sideEffecting"] = c.SideEffecting,
    }).ToArray());
}
