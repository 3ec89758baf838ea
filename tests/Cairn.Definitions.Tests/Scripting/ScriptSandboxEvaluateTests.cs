using System.Text.Json.Nodes;

namespace Cairn.Definitions.Tests.Scripting;

public class ScriptSandboxEvaluateTests
{
    private readonly ScriptSandbox _sandbox = new();

    private static JsonObject Scope() => new()
    {
        ["input"] = new JsonObject { ["name"] = "Ada", ["count"] = 3, ["tags"] = new JsonArray("a", "b") },
        ["steps"] = new JsonObject
        {
            ["fetch"] = new JsonObject { ["output"] = new JsonObject { ["items"] = new JsonArray(1, 2, 3) }, ["status"] = "completed" },
        },
        ["item"] = "x",
        ["index"] = 2,
    };

    [Fact]
    public void Evaluate_ReadsEveryScopePropertyAsAGlobal()
    {
        var value = _sandbox.Evaluate("input.name + ':' + steps.fetch.output.items.length + ':' + item + index", Scope());

        Assert.Equal("Ada:3:x2", value!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_ReturnsObjectsAndArraysAsJson()
    {
        var value = _sandbox.Evaluate("({ total: input.count * 2, doubled: steps.fetch.output.items.map(function (n) { return n * 2; }) })", Scope());

        Assert.Equal("""{"total":6,"doubled":[2,4,6]}""", value!.ToJsonString());
    }

    [Theory]
    [InlineData("undefined")]
    [InlineData("null")]
    [InlineData("input.missing")]
    public void Evaluate_NullOrUndefined_ReturnsNull(string expression)
    {
        Assert.Null(_sandbox.Evaluate(expression, Scope()));
    }

    [Theory]
    [InlineData("steps.fetch.status === 'completed'", true)]
    [InlineData("input.count > 5", false)]
    [InlineData("0", false)]
    [InlineData("''", false)]
    [InlineData("'0'", true)]
    [InlineData("[]", true)]
    [InlineData("NaN", false)]
    [InlineData("input.missing", false)]
    [InlineData("(function () {})", true)]
    public void IsTruthy_FollowsJavaScriptRules(string expression, bool expected)
    {
        Assert.Equal(expected, _sandbox.IsTruthy(expression, Scope()));
    }

    [Fact]
    public void RunScript_ReturnsTheCompletionValueOfTheLastExpressionStatement()
    {
        var value = _sandbox.RunScript(
            """
            var total = 0;
            for (var i = 0; i < input.tags.length; i++) { total += input.tags[i].length; }
            if (total > 1) { ({ total: total, first: input.tags[0] }); } else { 'none'; }
            """,
            Scope());

        Assert.Equal("""{"total":2,"first":"a"}""", value!.ToJsonString());
    }

    [Fact]
    public void RunScript_EndingWithADeclaration_ReturnsNull()
    {
        Assert.Null(_sandbox.RunScript("1; var unused = 2;", Scope()));
    }

    [Fact]
    public void RunScript_LoopsAndFunctionsKeepTheirMeaning()
    {
        var value = _sandbox.RunScript(
            """
            function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
            var out = [], i = 0, keys = [];
            do { out.push(fib(i)); i++; } while (i < 8);
            for (var k in { a: 1, b: 2 }) keys.push(k);
            for (var j = 0; ; j++) { if (j === 3) break; }
            while (false) {}
            [out.join(','), keys.join(''), j, eval('1 + 1'), new Function('a', 'b', 'return a * b')(6, 7)];
            """,
            Scope());

        Assert.Equal("""["0,1,1,2,3,5,8,13","ab",3,2,42]""", value!.ToJsonString());
    }

    [Fact]
    public void RunScript_ChangesToTheScopeStayInsideTheEvaluation()
    {
        var scope = Scope();

        _sandbox.RunScript("input.name = 'changed'; input.extra = true;", scope);

        Assert.Equal("Ada", _sandbox.Evaluate("input.name", scope)!.GetValue<string>());
        Assert.Equal("Ada", scope["input"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_FunctionResult_IsNotJson()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("(function () { return 1; })", Scope()));

        Assert.Equal(ScriptErrorKind.NotJson, error.Kind);
        Assert.Contains("is a function", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunScript_CyclicResult_IsNotJson()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript("var a = { name: 'a' }; a.self = a; a", Scope()));

        Assert.Equal(ScriptErrorKind.NotJson, error.Kind);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunScript_ThrownError_IsRuntimeWithItsMessageAndPosition()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript("var a = 1;\n  throw new Error('x');", Scope()));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
        Assert.Equal("x (line 2, column 3)", error.Message);
        Assert.Equal((2, 3), (error.Line, error.Column));
    }

    [Fact]
    public void RunScript_EngineError_NamesTheErrorType()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript("var o = {};\no.missing();", Scope()));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
        Assert.Equal("TypeError: Object has no method 'missing' (line 2, column 1)", error.Message);
    }

    [Fact]
    public void RunScript_ThrownObjectWithoutMessage_SaysHowToThrow()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript("throw { code: 1 };", Scope()));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
        Assert.Contains("throw new Error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RuntimeError_ShowsTheExpression()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("steps.nothere.output", Scope()));

        Assert.Equal(ScriptErrorKind.Runtime, error.Kind);
        Assert.StartsWith("TypeError", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(in the expression 'steps.nothere.output')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunScript_SyntaxError_GivesLineAndColumnInTheCode()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript("var a = 1;\nvar b = ;", Scope()));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
        Assert.Equal((2, 9), (error.Line, error.Column));
        Assert.Equal("the script is not valid JavaScript: Unexpected token ; (line 2, column 9)", error.Message);
    }

    [Fact]
    public void Evaluate_SyntaxError_GivesTheColumnInTheExpression()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("input.count +", Scope()));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
        Assert.Equal((1, 14), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("1; 2")]
    [InlineData("var a = 1")]
    [InlineData("1); while (true) {}; (1")]
    public void Evaluate_StatementsInsteadOfOneExpression_AreRefused(string expression)
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.Evaluate(expression, Scope()));

        Assert.Equal(ScriptErrorKind.Syntax, error.Kind);
    }

    [Fact]
    public void RunScript_RuntimeErrorAfterAGuardedLoop_ReportsTheColumnAsWritten()
    {
        var error = Assert.Throws<ScriptException>(() => _sandbox.RunScript("for (var i = 0; i < 2; i++) {} null.x;", Scope()));

        Assert.Equal((1, 32), (error.Line, error.Column));
    }

    [Fact]
    public void Evaluate_ScopeNameReservedByTheSandbox_IsRefused()
    {
        var scope = new JsonObject { ["__cairnGuard"] = 1 };

        Assert.Throws<ArgumentException>(() => _sandbox.Evaluate("1", scope));
    }

    [Fact]
    public void Evaluate_ManyThreadsAtOnce_EachGetsItsOwnScope()
    {
        var results = new int[64];

        Parallel.For(0, results.Length, i =>
            results[i] = _sandbox.Evaluate("input.n * 2", new JsonObject { ["input"] = new JsonObject { ["n"] = i } })!.GetValue<int>());

        Assert.Equal(Enumerable.Range(0, results.Length).Select(i => i * 2), results);
    }

    [Fact]
    public void Constructor_InvalidLimits_ListsEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new ScriptSandbox(new ScriptLimits { Timeout = TimeSpan.Zero, MaxStatements = 0 }));

        Assert.Contains("Timeout must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxStatements must be positive", error.Message, StringComparison.Ordinal);
    }
}
