using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>The plain text of <c>cairn checkpoints</c>, <c>cairn checkpoint show</c> and <c>cairn checkpoint diff</c>.</summary>
public sealed class CheckpointTextTests : IDisposable
{
    private const string Priced = """
        name: priced
        steps:
          - id: quote
            type: script
            code: "12"
          - id: keep
            type: set
            state: { total: "steps.quote.output * 2" }
          - id: done
            type: script
            code: "'total ' + state.total"
        """;

    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Checkpoints_ListNumberPositionStepTimeLabelAndMetadata()
    {
        await RunWithANamedCheckpointAsync();
        var times = (await _workspace.RunOkAsync("checkpoints", "p2", "--json")).Json.AsArray()
            .Select(c => DateTimeOffset.Parse((string)c!["at"]!, CultureInfo.InvariantCulture).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
            .ToList();

        var text = await _workspace.RunOkAsync("checkpoints", "p2");

        Assert.Equal(
            $$"""
            NUMBER  POSITION  STEP   AT                   LABEL   METADATA
            1       1         quote  {{times[0]}}
            2       3         done   {{times[1]}}
            3       4                {{times[2]}}  priced  {"by":"review","total":24}

            """,
            text.Stdout);
    }

    [Fact]
    public async Task CheckpointShow_GivesTheStateAndTheStepOutputsAtThatCheckpoint()
    {
        await RunWithANamedCheckpointAsync();

        var first = await _workspace.RunOkAsync("checkpoint", "show", "p2", "1");
        var named = await _workspace.RunOkAsync("checkpoint", "show", "p2", "3");
        var start = await _workspace.RunOkAsync("checkpoint", "show", "p2", "0");

        Assert.Matches(@"^Run p2 at checkpoint 1 \(step 'quote', \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)\n", first.Stdout);
        Assert.EndsWith(
            """

              state
                (empty)

              steps
                POSITION  STEP   STATUS     OUTPUT
                1         quote  completed  12

            """,
            first.Stdout,
            StringComparison.Ordinal);
        Assert.StartsWith("Run p2 at checkpoint 3 (checkpoint 'priced', ", named.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(
            """

              state
                total = 24

              steps
                POSITION  STEP   STATUS     OUTPUT
                1         quote  completed  12
                3         done   completed  "total 24"

            """,
            named.Stdout,
            StringComparison.Ordinal);
        Assert.Equal(
            """
            Run p2 at checkpoint 0 (the start)

              state
                (empty)

              steps
                (none)

            """,
            start.Stdout);
    }

    [Fact]
    public async Task CheckpointDiff_SaysWhatChangedBetweenTwoCheckpoints()
    {
        await RunWithANamedCheckpointAsync();

        var diff = await _workspace.RunOkAsync("checkpoint", "diff", "p2", "1", "2");
        var none = await _workspace.RunOkAsync("checkpoint", "diff", "p2", "2", "3");

        Assert.Equal(
            """
            Run p2, checkpoint 1 -> 2

              state
                total: (unset) -> 24

              steps in between
                POSITION  STEP  STATUS     OUTPUT
                3         done  completed  "total 24"

            """,
            diff.Stdout);
        Assert.Equal(
            """
            Run p2, checkpoint 2 -> 3

              state
                (no change)

              steps in between
                (none)

            """,
            none.Stdout);
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>
    /// Runs <see cref="Priced"/> as p1, then imports it as p2 with a named checkpoint (label and metadata, as a C#
    /// workflow's <c>ctx.Checkpoint</c> records it) before its end: definitions have no checkpoint step.
    /// </summary>
    private async Task RunWithANamedCheckpointAsync()
    {
        await _workspace.RunOkAsync("run", _workspace.Write("priced.yaml", Priced), "--id", "p1");
        var archive = JsonNode.Parse((await _workspace.RunOkAsync("export", "p1")).Stdout)!;
        archive["run"]!["id"] = "p2";
        var journal = archive["journal"]!.AsArray();
        var end = journal[^1]!;
        journal.RemoveAt(journal.Count - 1);
        journal.Add(new JsonObject
        {
            ["seq"] = journal.Count + 1,
            ["kind"] = "Checkpoint",
            ["position"] = "4",
            ["name"] = "priced",
            ["payload"] = """{"label":"priced","metadata":{"by":"review","total":24}}""",
            ["attempt"] = 0,
            ["at"] = end["at"]!.DeepClone(),
            ["startedAt"] = null,
        });
        end["seq"] = journal.Count + 1;
        journal.Add(end);
        await _workspace.RunOkAsync("import", _workspace.Write("p2.jsonl", archive.ToJsonString() + "\n"));
    }
}
