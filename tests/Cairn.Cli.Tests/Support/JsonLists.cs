using System.Text.Json.Nodes;

namespace Cairn.Cli.Tests.Support;

/// <summary>Lists read from what cairn prints as JSON: the ids in a resume plan, the steps a journal completed.</summary>
public static class JsonLists
{
    /// <summary>The <c>id</c> of each element, such as the calls of a plan's <c>kept</c>, <c>rerun</c> or <c>notReached</c>.</summary>
    public static List<string> Ids(JsonNode? calls) => calls!.AsArray().Select(c => (string)c!["id"]!).ToList();

    /// <summary>The steps completed after a journal's last rewind (all of them when it has none), in journal order.</summary>
    public static List<string?> CompletedAfterLastRewind(JsonArray journal)
    {
        var from = journal.Select((e, i) => (string?)e!["kind"] == "runRewound" ? i : -1).Max();
        return journal.Skip(from + 1).Where(e => (string?)e!["kind"] == "stepCompleted").Select(e => (string?)e!["name"]).ToList();
    }
}
