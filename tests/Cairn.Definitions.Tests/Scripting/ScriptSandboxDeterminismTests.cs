using System.Text.Json.Nodes;

namespace Cairn.Definitions.Tests.Scripting;

/// <summary>Expressions are evaluated again on replay, so the clock and random numbers are refused there; scripts keep them.</summary>
public class ScriptSandboxDeterminismTests
{
    private readonly ScriptSandbox _sandbox = new(new ScriptLimits { Timeout = TimeSpan.FromSeconds(30) });

    [Theory]
    [InlineData("Math.random() > 0.5", "Math.random()")]
    [InlineData("Date.now()", "Date.now()")]
    public void Evaluate_ClockOrRandom_FailsSayingWhyAndWhatToDoInstead(string expression, string named)
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.Evaluate(expression, []));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
        Assert.Contains(named + " is not allowed in expressions: they are evaluated again when a run is replayed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Compute it in a script step", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TemplateUsingTheClock_FailsToo()
    {
        Assert.Throws<ScriptException>(() => _sandbox.Render("at ${{ Date.now() }}", []));
    }

    [Fact]
    public void RunScript_ClockAndRandom_AreAvailableBecauseTheOutputIsRecorded()
    {
        var value = _sandbox.RunScript("[typeof Math.random(), Date.now() > 0]", new JsonObject())!;

        Assert.Equal("""["number",true]""", value.ToJsonString());
    }
}
