using Cairn.Cli.Tests.Support;

namespace Cairn.Cli.Tests;

/// <summary>The definitions in examples/ are valid and the ETL runs as its comments say, offline.</summary>
public sealed class ExamplesTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Theory]
    [InlineData("etl.yaml")]
    [InlineData("approval.yaml")]
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

    public void Dispose() => _workspace.Dispose();

    private static string Example(string name) => Path.Combine(CliProcess.RepositoryRoot, "examples", name);
}
