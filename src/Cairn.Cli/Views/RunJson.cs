using System.Text.Json.Nodes;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Cli.Views;

/// <summary>The JSON documents of <c>--json</c>; their shapes are documented in docs/cli.md and stable.</summary>
internal static class RunJson
{
    /// <summary>The document of <c>cairn show</c>.</summary>
    public static JsonObject Show(RunInfo run, RunProgress progress, RunLineage lineage, StepNames names) => new()
    {
        ["runId"] = run.RunId,
        ["workflow"] = run.Workflow,
        ["version"] = run.Version,
        ["status"] = Names.Of(run.Status),
        ["input"] = Json.Embed(run.Input),
        ["output"] = Json.Embed(run.Output),
        ["error"] = run.Error is { } error ? new JsonObject { ["type"] = error.Type, ["message"] = error.Message } : null,
        ["progress"] = new JsonObject
        {
            ["done"] = progress.Done,
            ["total"] = progress.Total,
            ["percent"] = progress.Percent,
        },
        ["steps"] = new JsonArray(progress.Steps.Select(s => Step(s, names)).ToArray()),
        ["waitingFor"] = new JsonArray(run.WaitingFor.Select(Wait).ToArray()),
        ["origin"] = run.Origin is { } origin ? Origin(origin) : null,
        ["derived"] = new JsonArray(lineage.Descendants.Select(d => (JsonNode)new JsonObject
        {
            ["runId"] = d.RunId,
            ["status"] = Names.Of(d.Status),
            ["origin"] = d.Origin is { } o ? Origin(o) : null,
        }).ToArray()),
    };

    /// <summary>One run of <c>cairn runs</c>.</summary>
    public static JsonObject Summary(RunInfo run) => new()
    {
        ["runId"] = run.RunId,
        ["workflow"] = run.Workflow,
        ["version"] = run.Version,
        ["status"] = Names.Of(run.Status),
        ["createdAt"] = Json.Time(run.CreatedAt),
        ["updatedAt"] = Json.Time(run.UpdatedAt),
        ["parentRunId"] = run.ParentRunId,
    };

    /// <summary>The document of <c>cairn run --json</c> and of the control commands.</summary>
    public static JsonObject Status(string runId, RunStatus status) => new()
    {
        ["runId"] = runId,
        ["status"] = Names.Of(status),
    };

    /// <summary>One entry of <c>cairn journal</c>.</summary>
    public static JsonObject Entry(JournalEntry entry) => new()
    {
        ["sequence"] = entry.Sequence,
        ["kind"] = Names.Of(entry.Kind),
        ["position"] = entry.Position,
        ["name"] = entry.Name,
        ["attempt"] = entry.Attempt,
        ["at"] = Json.Time(entry.At),
        ["startedAt"] = Json.Time(entry.StartedAt),
        ["payload"] = Json.Embed(entry.Payload),
    };

    /// <summary>One checkpoint of <c>cairn checkpoints</c>.</summary>
    public static JsonObject Checkpoint(CheckpointInfo checkpoint) => new()
    {
        ["number"] = checkpoint.Number,
        ["position"] = checkpoint.Position,
        ["stepId"] = checkpoint.StepName,
        ["at"] = Json.Time(checkpoint.At),
        ["label"] = checkpoint.Label,
        ["metadata"] = Json.Embed(checkpoint.Metadata),
    };

    /// <summary>One stored version of <c>cairn definitions</c>.</summary>
    public static JsonObject Definition(DefinitionRecord definition) => new()
    {
        ["name"] = definition.Name,
        ["version"] = definition.Version,
        ["hash"] = definition.Hash,
        ["file"] = definition.File,
        ["createdAt"] = Json.Time(definition.CreatedAt),
    };

    private static JsonObject Origin(RunOrigin origin) => new()
    {
        ["runId"] = origin.RunId,
        ["strategy"] = origin.Strategy.ToWireName(),
        ["checkpoint"] = origin.Checkpoint,
    };

    private static JsonObject Step(StepProgress step, StepNames names) => new()
    {
        ["position"] = step.Position,
        ["id"] = step.Name,
        ["name"] = names.Of(step.Name),
        ["status"] = Names.Of(step.Status),
        ["attempts"] = step.Attempts,
        ["startedAt"] = Json.Time(step.StartedAt),
        ["endedAt"] = Json.Time(step.EndedAt),
        ["durationMs"] = Durations.Milliseconds(step.Duration),
        ["output"] = Json.Embed(step.Output),
    };

    private static JsonObject Wait(WaitInfo wait) => new()
    {
        ["kind"] = Names.Of(wait.Kind),
        ["name"] = wait.Kind == WaitKind.Question && wait.Question is { } q ? q.Id : wait.Name,
        ["dueAt"] = Json.Time(wait.DueAt),
        ["question"] = wait.Question is { } question
            ? new JsonObject
            {
                ["id"] = question.Id,
                ["prompt"] = question.Prompt,
                ["kind"] = Names.Of(question.Kind),
                ["options"] = new JsonArray((question.Options ?? []).Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["label"] = o.Label }).ToArray()),
            }
            : null,
        ["step"] = wait.Step,
        ["failure"] = wait.Failure is { } failure ? new JsonObject { ["type"] = failure.Type, ["message"] = failure.Message } : null,
    };
}
