using JsEngine = Jint.Engine;

namespace Cairn.Definitions.Tests.Scripting;

public class HeapEstimatorTests
{
    [Fact]
    public void Measure_CountsWhatCallersHold()
    {
        var engine = new JsEngine();
        long measured = 0;
        engine.SetValue("measure", new Action(() => measured = HeapEstimator.Measure(engine, long.MaxValue)));

        engine.Execute(
            """
            function callee() { measure(); }
            function caller() { var big = 'x'; for (var i = 0; i < 20; i++) { big += big; } callee(); return big.length; }
            caller();
            """);

        Assert.True(HeapEstimator.SeesCallers);
        Assert.InRange(measured, 2_000_000, 3_000_000);
    }

    [Fact]
    public void Measure_StopsOnceOverTheBudget()
    {
        var engine = new JsEngine();
        engine.Execute("var s = 'x', parts = []; for (var i = 0; i < 14; i++) { s += s; } for (var j = 0; j < 100; j++) { parts.push(s + j); }");

        var measured = HeapEstimator.Measure(engine, 100_000);

        Assert.InRange(measured, 100_000, 150_000);
    }
}
