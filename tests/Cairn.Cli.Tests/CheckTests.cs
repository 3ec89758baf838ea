using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary><c>cairn check</c>: clean on a sound store; on a store damaged with raw SQL, exactly the damage, with exit 1.</summary>
public sealed class CheckTests : IDisposable
{
    private static readonly string[] CheckNames = ["journal", "branches", "waits", "links", "definitions", "snapshots", "sqlite-integrity"];

    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task Check_OnASoundStore_RunsEveryCheckAndFindsNoProblem()
    {
        var child = await MakeStoreAsync();

        var json = await _workspace.RunOkAsync("check", "--json");
        var text = await _workspace.RunOkAsync("check");

        Assert.True((bool)json.Json["ok"]!, json.ToString());
        Assert.Equal(6, (int)json.Json["runs"]!);
        Assert.Equal(CheckNames, json.Json["checks"]!.AsArray().Select(c => (string?)c!["name"]));
        Assert.All(json.Json["checks"]!.AsArray(), c => Assert.Equal(0, (int)c!["problems"]!));
        Assert.Empty(json.Json["problems"]!.AsArray());
        Assert.StartsWith($"Checked {_workspace.Store}: 6 runs, ", text.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("No problems found.", text.Stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith("parent-1", child, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AfterAJournalRowIsDeletedAndAChildPointsAtAMissingParent_ReportsExactlyThoseWithExitOne()
    {
        var child = await MakeStoreAsync();
        Assert.Equal(1, RawSqlite.Execute(_workspace.Store, "DELETE FROM journal WHERE run_id = 'greet-1' AND seq = 3"));
        Assert.Equal(1, RawSqlite.Execute(_workspace.Store, $"UPDATE runs SET parent_run_id = 'gone' WHERE id = '{child}'"));

        var json = await _workspace.RunAsync("check", "--json");
        var text = await _workspace.RunAsync("check");

        Assert.True(json.ExitCode == 1, json.ToString());
        Assert.False((bool)json.Json["ok"]!);
        var problems = json.Json["problems"]!.AsArray();
        Assert.Equal([("journal", "greet-1"), ("links", child)], problems.Select(p => ((string?)p!["check"], (string?)p["runId"])));
        Assert.Equal("the journal starts at sequence 4, not 1: entries 1 to 3 are missing or cannot be read", (string?)problems[0]!["problem"]);
        Assert.Equal("the run is a child of run 'gone', which does not exist", (string?)problems[1]!["problem"]);
        Assert.Contains("cairn migrate --from the backup", (string?)problems[0]!["fix"], StringComparison.Ordinal);
        Assert.Contains("Restore the parent from a backup", (string?)problems[1]!["fix"], StringComparison.Ordinal);
        Assert.Equal([1, 0, 0, 1, 0, 0, 0], json.Json["checks"]!.AsArray().Select(c => (int)c!["problems"]!));
        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.Contains("2 problems:", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("  [journal] run greet-1: the journal starts at sequence 4, not 1", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  [links] run {child}: the run is a child of run 'gone', which does not exist", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, text.Stdout.Split('\n').Count(l => l.TrimStart().StartsWith("fix: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Check_OfAStoreThatDoesNotExist_ExitsNotFound()
    {
        var result = await _workspace.RunAsync("check");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains($"The store {_workspace.Store} does not exist", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>A completed, a failed and a suspended run, a run of the child workflow alone, and a parent with its child; returns that child's id.</summary>
    private async Task<string> MakeStoreAsync()
    {
        await _workspace.RunOkAsync("run", _workspace.Write("greet.yaml", Flows.Greet), "--input", """{"name": "Ada"}""", "--id", "greet-1");
        Assert.Equal(1, (await _workspace.RunAsync("run", _workspace.Write("failing.yaml", Flows.Failing), "--id", "failed-1")).ExitCode);
        Assert.Equal(3, (await _workspace.RunAsync("run", _workspace.Write("approval.yaml", Flows.Approval), "--id", "ask-1")).ExitCode);
        await _workspace.RunOkAsync("run", _workspace.Write("child.yaml", """
            name: child
            steps:
              - { id: work, type: script, code: "'child done'" }
            """), "--id", "child-1");
        await _workspace.RunOkAsync("run", _workspace.Write("parent.yaml", """
            name: parent
            steps:
              - { id: call, type: workflow, name: child }
              - { id: after, type: script, code: "steps.call.output + '!'" }
            """), "--id", "parent-1");
        return Assert.Single(RawSqlite.Rows(_workspace.Store, "SELECT id FROM runs WHERE parent_run_id = 'parent-1'"));
    }
}
