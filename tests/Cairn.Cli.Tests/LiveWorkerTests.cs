using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>A long-running <c>cairn worker</c> receives signals and answers sent from other processes while it waits.</summary>
public sealed class LiveWorkerTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task LiveWorker_SignalAndAnswerFromOtherProcesses_CompleteTheRunsItWaitsOn()
    {
        var signalled = _workspace.Write("signalled.yaml", Flows.Signalled);
        var approval = _workspace.Write("approval.yaml", Flows.Approval);
        Assert.Equal(3, (await _workspace.RunAsync("run", signalled, "--id", "live-s")).ExitCode);
        Assert.Equal(3, (await _workspace.RunAsync("run", approval, "--id", "live-a")).ExitCode);
        await using var worker = _workspace.Start("worker");
        await Eventually.HoldsAsync(() => worker.Printed.Contains("Ctrl+C stops it", StringComparison.Ordinal), "the worker is up");

        var signal = await _workspace.RunAsync("signal", "live-s", "go", "--data", """{"n": 9}""");
        var answer = await _workspace.RunAsync("answer", "live-a", "no");
        await Eventually.HoldsAsync(
            () => worker.Printed.Contains("live-s signalled v1 completed", StringComparison.Ordinal) && worker.Printed.Contains("live-a approval v1 completed", StringComparison.Ordinal),
            "the worker completes both runs");
        var shownSignalled = (await _workspace.RunAsync("show", "live-s", "--json")).Json;
        var shownApproval = (await _workspace.RunAsync("show", "live-a", "--json")).Json;

        Assert.True(signal.ExitCode == 0 && answer.ExitCode == 0, signal + "\n" + answer);
        Assert.Equal(10, (int)shownSignalled["output"]!);
        Assert.False((bool)shownApproval["output"]!["approved"]!);
    }

    [Fact]
    public async Task ApprovalExample_AnsweredFromASecondProcess_RunsToCompletion()
    {
        var example = Path.Combine(CliProcess.RepositoryRoot, "examples", "approval.yaml");

        var run = await _workspace.RunAsync("run", example, "--input", """{"amount": 40}""", "--id", "refund-1");
        var answer = await _workspace.RunAsync("answer", "refund-1", "yes");
        var resume = await _workspace.RunAsync("resume", "refund-1", "--json");
        var show = (await _workspace.RunAsync("show", "refund-1", "--json")).Json;

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("cairn answer refund-1", run.Stderr, StringComparison.Ordinal);
        Assert.True(answer.ExitCode == 0, answer.ToString());
        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal("completed", (string?)show["status"]);
        Assert.Equal("paid 40 EUR\n", (string?)show["output"]!["stdout"]);
        Assert.Contains(show["steps"]!.AsArray(), s => (string?)s!["id"] == "pay" && (string?)s["status"] == "completed");
    }

    public void Dispose() => _workspace.Dispose();
}
