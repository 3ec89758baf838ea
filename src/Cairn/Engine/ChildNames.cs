using System.Text.Json.Nodes;
using Cairn.Storage;

namespace Cairn.Engine;

/// <summary>How a child run reports its end to its parent: a signal <c>child:{id}</c> carrying <c>{"status","output","error"}</c>.</summary>
internal static class ChildNames
{
    public static string Signal(string childRunId) => "child:" + childRunId;

    public static string Result(RunStatus status, string? output, string? error) => new JsonObject
    {
        ["status"] = status.ToWireName(),
        ["output"] = output is null ? null : JsonNode.Parse(output),
        ["error"] = error is null ? null : JsonNode.Parse(error),
    }.ToJsonString(JsonText.Options);
}
