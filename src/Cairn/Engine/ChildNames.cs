using System.Text.Json.Nodes;
using Cairn.Storage;

namespace Cairn.Engine;

/// <summary>How a child run reports its end to its parent: a signal <c>child:{id}</c> carrying <c>{"status","output","error"}</c>.</summary>
internal static class ChildNames
{
    public static string Signal(string childRunId) => "child:" + childRunId;

    public static string RunIdOf(string signalName) => signalName["child:".Length..];

    /// <summary>Returns whether a child run id is the one Cairn derives from the parent and position (so a child that runs again after a rewind gets a new one).</summary>
    public static bool IsDerived(string parentRunId, string position, string childRunId) =>
        childRunId == parentRunId + "/" + position || childRunId.StartsWith(parentRunId + "/" + position + "~", StringComparison.Ordinal);

    public static string Result(RunStatus status, string? output, string? error) => new JsonObject
    {
        ["status"] = status.ToWireName(),
        ["output"] = output is null ? null : JsonNode.Parse(output),
        ["error"] = error is null ? null : JsonNode.Parse(error),
    }.ToJsonString(JsonText.Options);
}
