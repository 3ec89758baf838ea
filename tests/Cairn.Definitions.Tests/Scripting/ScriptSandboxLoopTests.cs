namespace Cairn.Definitions.Tests.Scripting;

/// <summary>The sandbox checks every loop iteration and function call; the code must mean exactly what it meant as written.</summary>
public class ScriptSandboxLoopTests
{
    private readonly ScriptSandbox _sandbox = new(new ScriptLimits { MaxStatements = 100_000, Timeout = TimeSpan.FromSeconds(30) });

    [Theory]
    [InlineData("var a = [1, 2, null], i = 0, x; while ((x = a[i++]) !== null) {} i", "3")]
    [InlineData("var a = [1, 2, 3], s = 0; for (var i = 0, n = a.length; i < n; i++) s += a[i]; s", "6")]
    [InlineData("var x = 0; do x++; while (x < 5) x", "5")]
    [InlineData("var x = 0; for (;;) if (++x > 4) break; x", "5")]
    [InlineData("var i; for (i = 0;; i++) if (i > 2) break; i", "3")]
    [InlineData("var x = 0; for (/* a ; */ ; /* b */ ;) { if (++x === 3) break; } x", "3")]
    [InlineData("var c = 0; outer: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) { if (j === 1) continue outer; c++; } } c", "3")]
    [InlineData("var o = { a: 1, b: 2 }, x = 0; for (var k in o) if (k) x++; x", "2")]
    [InlineData("var n = 0; while ((function () { return n++ < 3; })()) {} n", "4")]
    [InlineData("var o = { get a() { return 1; }, set a(v) { this.b = v; } }; o.a = 5; [o.a, o.b]", "[1,5]")]
    [InlineData("var i = 0; for (i = 0; i++, i < 3;) {} i", "3")]
    [InlineData("var s = 'aaa', n = 0; while (/a/.test(s)) { s = s.slice(1); n++; } n", "3")]
    [InlineData("var f = function (a) { for (;;) { return a; } }; f(3)", "3")]
    [InlineData("var n = 0; do { n++; } while (n < 3 && (function () { for (var i = 0; ; i++) if (i) return true; })()); n", "3")]
    [InlineData("[3, 1, 2].sort(function (x, y) { return x - y; })", "[1,2,3]")]
    [InlineData("var x = 0; while (x < 3) x++ // a comment at the end", "2")]
    public void Loops_KeepTheirMeaning(string code, string expectedJson)
    {
        Assert.Equal(expectedJson, _sandbox.RunScript(code, [])!.ToJsonString());
    }

    [Theory]
    [InlineData("var x = 0;\r\nwhile (x < 3) x++;\r\n  null.y;", 3, 3)]
    [InlineData("var s = '\ud83d\ude00'; for (var i = 0; i < 2; i++) {}\n  null.y;", 2, 3)]
    [InlineData("function f() { for (;;) { return 1; } } f(); while (false) {} null.y;", 1, 63)]
    public void ErrorPositions_AreInTheCodeAsWritten(string code, int line, int column)
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript(code, []));

        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
