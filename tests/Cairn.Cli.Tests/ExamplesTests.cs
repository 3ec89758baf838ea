using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>The definitions in examples/ are valid and the ETL runs as its comments say, offline.</summary>
public sealed class ExamplesTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Theory]
    [InlineData("etl.yaml")]
    [InlineData("approval.yaml")]
    [InlineData("fix.yaml")]
    public async Task Example_IsValid(string name)
    {
        var result = await _workspace.RunAsync("validate", Example(name));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Etl_WritesTheRevenuePerRegion()
    {
        var report = _workspace.File("report.csv");
        var input = $$"""{"csv": "{{Example("data/orders.csv")}}", "out": "{{report}}"}""";

        var result = await _workspace.RunAsync("run", Example("etl.yaml"), "--input", input, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["region,orders,revenue", "east,3,291.50", "north,3,428.30", "south,3,356.00", "west,3,126.70"],
            File.ReadAllLines(report));
    }

    [Fact]
    public async Task Fix_FailsOnTheMissingRatesFile_ThenRetryFailedRunsOnlyThatStepAndTheRest()
    {
        var rates = _workspace.File("rates.csv");
        var input = $$"""{"orders": "{{Example("data/orders.csv")}}", "rates": "{{rates}}"}""";

        var failed = await _workspace.RunAsync("run", Example("fix.yaml"), "--id", "fix-1", "--input", input);
        File.Copy(Example("data/rates.csv"), rates);
        var fixedRun = await _workspace.RunAsync("resume", "fix-1", "--strategy", "retry-failed", "--json");
        var show = (await _workspace.RunAsync("show", "fix-1", "--json")).Json;
        var journal = (await _workspace.RunAsync("journal", "fix-1", "--json")).Json.AsArray();

        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("cannot open", failed.Stderr + failed.Stdout, StringComparison.Ordinal);
        Assert.True(fixedRun.ExitCode == 0, fixedRun.ToString());
        Assert.Equal("""{"usd":1202.5,"rate":0.92,"eur":1106.3}""", show["output"]!.ToJsonString());
        Assert.Single(journal, e => (string?)e!["name"] == "total" && ((string?)e["kind"])?.Contains("completed", StringComparison.OrdinalIgnoreCase) == true);
    }

    public void Dispose() => _workspace.Dispose();

    private static string Example(string name) => Path.Combine(CliProcess.RepositoryRoot, "examples", name);
}
