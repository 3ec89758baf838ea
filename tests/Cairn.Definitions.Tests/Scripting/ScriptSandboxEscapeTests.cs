using System.Text.Json.Nodes;

namespace Cairn.Definitions.Tests.Scripting;

/// <summary>Ways out of the sandbox a script might try: each finds nothing, or is stopped with a clear error.</summary>
public class ScriptSandboxEscapeTests
{
    private readonly ScriptSandbox _sandbox = new(new ScriptLimits { MaxStatements = 100_000, Timeout = TimeSpan.FromSeconds(30) });

    [Fact]
    public void Globals_AreTheStandardBuiltInsOnly()
    {
        var names = _sandbox.RunScript("Object.getOwnPropertyNames(this).sort().join(' ')", new JsonObject { ["input"] = 1 });

        Assert.Equal(
            "Array Boolean Date Error EvalError Function Infinity JSON Math NaN Number Object RangeError ReferenceError RegExp " +
            "String SyntaxError TypeError URIError __cairnGuard decodeURI decodeURIComponent encodeURI encodeURIComponent eval " +
            "input isFinite isNaN parseFloat parseInt undefined",
            names!.GetValue<string>());
    }

    [Theory]
    [InlineData("require('fs').readFileSync('/etc/passwd')", "require is not defined")]
    [InlineData("load('/etc/passwd')", "load is not defined")]
    [InlineData("fetch('http://127.0.0.1/')", "fetch is not defined")]
    [InlineData("new XMLHttpRequest()", "XMLHttpRequest is not defined")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "System is not defined")]
    [InlineData("importNamespace('System.IO').File.ReadAllText('/etc/passwd')", "importNamespace is not defined")]
    [InlineData("clrHelper.typeOf(1)", "clrHelper is not defined")]
    [InlineData("host.Dispose()", "host is not defined")]
    [InlineData("process.exit(1)", "process is not defined")]
    [InlineData("setTimeout(function () {}, 1)", "setTimeout is not defined")]
    public void FilesNetworkAndDotNet_AreNotDefined(string code, string message)
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript(code, []));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
        Assert.Equal($"ReferenceError: {message} (line 1, column 1)", error.Message);
    }

    [Theory]
    [InlineData("typeof require")]
    [InlineData("typeof System")]
    [InlineData("typeof importNamespace")]
    [InlineData("typeof clrHelper")]
    [InlineData("typeof fetch")]
    [InlineData("eval('typeof require + typeof System')")]
    [InlineData("Function('return typeof require + typeof System')()")]
    [InlineData("[].constructor.constructor('return typeof importNamespace')()")]
    [InlineData("Function('return this')().System")]
    public void LookingForHostObjects_FindsNothing(string code)
    {
        var value = _sandbox.RunScript(code, []);

        Assert.True(value is null || value.GetValue<string>().Replace("undefined", string.Empty, StringComparison.Ordinal).Length == 0);
    }

    [Fact]
    public void Import_IsASyntaxError()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript("import fs from 'fs';", []));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
    }

    [Fact]
    public void ScopeValues_AreDataNotDotNetObjects()
    {
        var value = _sandbox.RunScript(
            "[typeof input, Object.getPrototypeOf(input) === Object.prototype, typeof input.GetType, Object.keys(input).join()]",
            new JsonObject { ["input"] = new JsonObject { ["a"] = 1 } });

        Assert.Equal("""["object",true,"undefined","a"]""", value!.ToJsonString());
    }

    [Theory]
    [InlineData("eval('while (true) {}')")]
    [InlineData("new Function('while (true) {}')()")]
    [InlineData("(function () {}).constructor('for (;;) {}')()")]
    [InlineData("[].constructor.constructor('do {} while (true)')()")]
    public void EvalAndFunction_RunUnderTheSameStatementLimit(string code)
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript(code, []));

        Assert.Equal(ScriptErrorKind.StatementLimit, error.Kind);
        AssertStillWorks();
    }

    [Theory]
    [InlineData("eval(\"var s = 'x'; while (true) { s += s; }\")")]
    [InlineData("new Function(\"var s = 'x'; while (true) { s += s; }\")()")]
    public void EvalAndFunction_RunUnderTheSameMemoryLimit(string code)
    {
        var error = Assert.Throws<ScriptException>(() => new ScriptSandbox(new ScriptLimits { Timeout = TimeSpan.FromSeconds(30) }).RunScript(code, []));

        Assert.Equal(ScriptErrorKind.MemoryLimit, error.Kind);
        AssertStillWorks();
    }

    [Fact]
    public void Eval_RunsInTheGlobalScope()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript("(function () { var secret = 1; return eval('secret'); })()", []));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
        Assert.StartsWith("ReferenceError: secret is not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionConstructor_CannotBreakOutOfTheFunctionItBuilds()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript("Function('a) {}; while (true) {}; (function (', '')", []));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
        Assert.StartsWith("SyntaxError", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var __cairnGuard = function () {}; while (true) {}", 5)]
    [InlineData("function f(__cairnGuard) { while (true) {} }", 12)]
    [InlineData("try { x(); } catch (__cairnGuardX) {}", 21)]
    [InlineData("this.__cairnGuard = null;", 6)]
    public void TheGuardsName_CannotBeShadowedOrReplaced(string code, int column)
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript(code, []));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
        Assert.Equal((1, column), (error.Line, error.Column));
        Assert.Contains("is reserved by the sandbox", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this['__cairn' + 'Guard'] = function () {}; while (true) {}")]
    [InlineData("Object.defineProperty(this, '__cairn' + 'Guard', { value: function () {} }); while (true) {}")]
    [InlineData("eval('var __cairn' + 'Guard = 1')")]
    public void TheGuard_CannotBeReplacedAtRunTime(string code)
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript(code, []));

        Assert.NotEqual(ScriptErrorKind.Timeout, error.Kind);
        Assert.NotEqual(ScriptErrorKind.StatementLimit, error.Kind);
    }

    [Fact]
    public void With_IsRefused()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript("with ({ __guard: 1 }) { while (true) {} }", []));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
    }

    private void AssertStillWorks() => Assert.Equal(2, _sandbox.Evaluate("1 + 1", [])!.GetValue<int>());
}
