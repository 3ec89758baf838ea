namespace Cairn.Definitions.Tests.Scripting;

/// <summary>Each limit stops a script with its own kind and a message naming the limit, and the process carries on.</summary>
public class ScriptSandboxLimitTests
{
    // Tests of other limits allow plenty of time, so that a slow machine does not hit the timeout first.
    private static readonly ScriptLimits Patient = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static ScriptException Run(string code, ScriptLimits? limits = null)
    {
        var sandbox = new ScriptSandbox(limits ?? Patient);
        var error = Assert.Throws<ScriptException>(() => sandbox.RunScript(code, []));
        Assert.Equal(2, sandbox.Evaluate("1 + 1", [])!.GetValue<int>());
        return error;
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("for (;;) {}")]
    [InlineData("do { var a = 1; } while (true)")]
    [InlineData("try { while (true) {} } catch (e) {} finally {}")]
    public void EndlessLoop_StopsAtTheStatementLimit(string code)
    {
        var error = Run(code, Patient with { MaxStatements = 10_000 });

        Assert.Equal(ScriptErrorKind.StatementLimit, error.Kind);
        Assert.Equal(
            "the script executed more than 10,000 statements (ScriptLimits.MaxStatements); look for a loop that never ends, or raise the limit",
            error.Message);
    }

    [Fact]
    public void EndlessLoop_StopsAtTheTimeout()
    {
        var error = Run("while (true) {}", new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(100), MaxStatements = int.MaxValue });

        Assert.Equal(ScriptErrorKind.Timeout, error.Kind);
        Assert.Equal(
            "the script ran longer than the 100 ms limit (ScriptLimits.Timeout); make it do less work or raise the limit",
            error.Message);
    }

    [Fact]
    public void CatastrophicRegularExpression_StopsAtTheTimeout()
    {
        var error = Run(
            "/^(a+)+$/.test(new Array(40).join('a') + '!')",
            new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(200) });

        Assert.Equal(ScriptErrorKind.Timeout, error.Kind);
    }

    [Fact]
    public void DeepRecursion_StopsAtTheRecursionLimit()
    {
        var error = Run("function down(n) { return down(n + 1); } down(0);");

        Assert.Equal(ScriptErrorKind.RecursionLimit, error.Kind);
        Assert.Equal(
            "the script nested function calls more than 256 deep (ScriptLimits.MaxRecursionDepth); look for a recursion that never ends, or raise the limit",
            error.Message);
    }

    [Theory]
    [InlineData("var o = {}; o.toString = function () { return 'x' + o; }; '' + o;")]
    [InlineData("var o = { get x() { return this.x; } }; o.x;")]
    [InlineData("var a = []; for (var i = 0; i < 30000; i++) { a = [a]; } String(a);")]
    [InlineData("[1, 2].sort(function sorter() { return [3, 4].sort(sorter); });")]
    [InlineData("var o = {}; o.toString = o.toLocaleString; '' + o;")]
    [InlineData("var e = new Error(); e.message = e; '' + e;")]
    [InlineData("var o = {}; o.toString = String.prototype.indexOf; '' + o;")]
    public void RecursionThroughBuiltIns_StopsBeforeTheStackRunsOut(string code)
    {
        var error = Run(code);

        Assert.Equal(ScriptErrorKind.RecursionLimit, error.Kind);
        Assert.Contains("recursion that never ends", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new Array(1e9).join('x')")]
    [InlineData("var a = []; a.length = 4294967295; a.reverse();")]
    [InlineData("Array.apply(null, { length: 1e9 })")]
    [InlineData("String.fromCharCode.apply(null, new Array(1e8))")]
    [InlineData("var s = 'x'; while (true) { s += s; }")]
    [InlineData("var s = 'x'; try { while (true) { s = s + s; } } catch (e) {}")]
    [InlineData("var s = 'x'; while (true) { s = [s, s].join(''); }")]
    [InlineData("var s = 'x'; while (true) { s = s.concat(s, s); }")]
    [InlineData("var s = new Array(20001).join('x'); s.replace(/x/g, s);")]
    [InlineData("var s = new Array(20001).join('x'); s.replace(/x/g, function () { return s; });")]
    [InlineData("var a = ['xxxxxxxx']; for (var i = 0; i < 40; i++) { a = [a, a]; } JSON.stringify(a).length;")]
    [InlineData("var a = [], s = new Array(100001).join('x'); while (true) { a.push(s + a.length); }")]
    public void HugeAllocation_StopsAtTheMemoryLimit(string code)
    {
        var error = Run(code);

        Assert.Equal(ScriptErrorKind.MemoryLimit, error.Kind);
        Assert.StartsWith("the script needs more than the 64 MiB memory limit (ScriptLimits.MaxMemoryBytes): ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; work on less data at once, or raise the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeArray_SaysHowLargeItWas()
    {
        var error = Run("new Array(1e9).join('x')");

        Assert.Contains("an array of 1,000,000,000 elements (at most 524,288 fit this limit)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MemoryLimit_CanBeRaised()
    {
        var sandbox = new ScriptSandbox(Patient with { MaxMemoryBytes = 256L * 1024 * 1024 });

        var value = sandbox.RunScript("new Array(600000).join('x').length", []);

        Assert.Equal(599_999, value!.GetValue<int>());
    }

    [Theory]
    [InlineData("var o = {}; for (var i = 0; i < 5000; i++) { o = { a: o }; } JSON.stringify(o);", "nests more than 1000 levels")]
    [InlineData("JSON.parse(new Array(5000).join('['))", "nests more than 1000 levels")]
    public void DeepJson_IsRefusedBeforeItIsWalked(string code, string message)
    {
        var error = Run(code);

        Assert.Equal(ScriptErrorKind.RecursionLimit, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('(', ')')]
    [InlineData('[', ']')]
    [InlineData('!', ' ')]
    public void DeeplyNestedCode_IsASyntaxError(char open, char close)
    {
        var code = "x = " + new string(open, 5000) + "1" + new string(close, 5000);

        var error = Run(code);

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
        Assert.Contains("nests more than 1000 levels deep", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void LongExpressionChain_IsASyntaxError()
    {
        var error = Run("x = 1" + string.Concat(Enumerable.Repeat(" + 1", 5000)));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
    }

    [Fact]
    public void LargeResult_IsOutputTooLarge()
    {
        var error = Run("new Array(2000).join('x')", Patient with { MaxOutputBytes = 1000 });

        Assert.Equal(ScriptErrorKind.OutputTooLarge, error.Kind);
        Assert.Equal(
            "the result is 2,001 bytes of JSON, over the 1,000 bytes limit (ScriptLimits.MaxOutputBytes); return less data or raise the limit",
            error.Message);
    }

    [Fact]
    public void ResultSharingPartsManyTimes_IsOutputTooLargeBeforeItIsPrinted()
    {
        var error = Run("var a = ['x']; for (var i = 0; i < 50; i++) { a = [a, a]; } a;");

        Assert.Equal(ScriptErrorKind.OutputTooLarge, error.Kind);
    }

    [Fact]
    public void OrdinaryWork_StaysWithinTheLimits()
    {
        var value = new ScriptSandbox(Patient).RunScript(
            """
            var rows = [];
            for (var i = 0; i < 5000; i++) { rows.push({ id: i, name: 'row ' + i, tags: ['a', 'b'] }); }
            var text = JSON.stringify(rows);
            var back = JSON.parse(text).filter(function (r) { return r.id % 2 === 0; }).map(function (r) { return r.name.toUpperCase(); });
            [back.length, back[1], text.replace(/row/g, 'R').length > 0, /ROW \d+/.test(back.join(';'))];
            """,
            []);

        Assert.Equal("""[2500,"ROW 2",true,true]""", value!.ToJsonString());
    }
}
