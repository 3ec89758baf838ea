using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;

namespace Cairn.Definitions;

/// <summary>One evaluation in a fresh engine: instrument the code, build the sandbox, bring the scope in as JSON, run, and take the result out as JSON.</summary>
internal sealed partial class ScriptRun
{
    private readonly ScriptLimits _limits;
    private readonly string _text;
    private readonly bool _expression;
    private InstrumentedCode? _code;

    private ScriptRun(ScriptLimits limits, string text, bool expression)
    {
        _limits = limits;
        _text = text;
        _expression = expression;
    }

    /// <summary>Runs <paramref name="text"/> and returns its value as JSON.</summary>
    /// <exception cref="ScriptException">The code failed, exceeded a limit, or gave a value that is not JSON.</exception>
    public static JsonNode? Value(ScriptLimits limits, string text, bool expression, JsonObject scope)
    {
        CheckScope(scope);
        var run = new ScriptRun(limits, text, expression);
        return ScriptThreads.Run(() => run.Execute(scope, run.ToJson));
    }

    /// <summary>Runs <paramref name="text"/> and returns whether its value is truthy.</summary>
    /// <exception cref="ScriptException">The code failed or exceeded a limit.</exception>
    public static bool Truthy(ScriptLimits limits, string text, JsonObject scope)
    {
        CheckScope(scope);
        var run = new ScriptRun(limits, text, expression: true);
        return ScriptThreads.Run(() => run.Execute(scope, (_, value) => TypeConverter.ToBoolean(value)));
    }

    private static void CheckScope(JsonObject scope)
    {
        foreach (var (name, _) in scope)
        {
            if (name.StartsWith(ScriptInstrumenter.ReservedPrefix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The scope name '{name}' is reserved by the sandbox; rename it.", nameof(scope));
            }
        }
    }

    private T Execute<T>(JsonObject scope, Func<JsEngine, JsValue, T> finish)
    {
        try
        {
            _code = _expression ? ScriptInstrumenter.Expression(_text) : ScriptInstrumenter.Script(_text);
            var engine = new JsEngine(options => options
                .Strict()
                .TimeoutInterval(_limits.Timeout)
                .MaxStatements(_limits.MaxStatements)
                .LimitRecursion(_limits.MaxRecursionDepth)
                .Culture(CultureInfo.InvariantCulture)
                .LocalTimeZone(TimeZoneInfo.Utc));
            var guard = new ScriptGuard(engine, _limits);
            engine.Global.FastSetProperty(
                ScriptInstrumenter.GuardName,
                new PropertyDescriptor(new ClrFunctionInstance(engine, guard.Tick, 0), JsValue.Undefined, enumerable: false, configurable: false));
            new BuiltinGuards(engine, guard, _limits).Install();
            if (_expression)
            {
                engine.Execute(ExpressionPrelude);
            }

            guard.Start(BringIn(engine, scope));
            engine.Execute(_code.Code);
            return finish(engine, engine.GetCompletionValue());
        }
        catch (Exception e) when (e is not ScriptException)
        {
            throw Translate(e);
        }
    }

    /// <summary>
    /// Expressions (conditions, loop lists, templates, state values) are evaluated again whenever a run is replayed, so
    /// they must give the same value each time: the clock and random numbers are refused there. Scripts run inside a
    /// durable step, whose output is recorded, and keep them.
    /// </summary>
    private const string ExpressionPrelude = """
        (function () {
            var why = ' is not allowed in expressions: they are evaluated again when a run is replayed, so they must give the same value each time. Compute it in a script step, whose output is recorded, and refer to steps.<id>.output.';
            Math.random = function () { throw new Error('Math.random()' + why); };
            Date.now = function () { throw new Error('Date.now()' + why); };
        })();
        """;

    /// <summary>Makes every property of the scope a global, parsed from its JSON text; returns the bytes this allocated.</summary>
    private static long BringIn(JsEngine engine, JsonObject scope)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (name, node) in scope)
        {
            var value = engine.Json.Parse(JsValue.Undefined, [new JsValue(node?.ToJsonString() ?? "null")]);
            engine.Global.FastAddProperty(name, value, true, true, true);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private JsonNode? ToJson(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined())
        {
            return null;
        }

        if (value.IsObject() && value.AsObject() is ICallable)
        {
            throw NotJson("is a function");
        }

        // Printing is refused only when far too large to print cheaply; otherwise the exact size is reported.
        var printable = 16.0 * _limits.MaxOutputBytes;
        var estimate = JsonEstimator.Estimate(value, 0, printable + 1, out var cyclic);
        if (cyclic)
        {
            throw NotJson("refers to itself (it contains a cycle)");
        }

        if (estimate > printable)
        {
            throw TooLarge($"more than {ScriptGuard.FormatBytes(_limits.MaxOutputBytes)}");
        }

        var json = engine.Json.Stringify(JsValue.Undefined, [value]);
        if (!json.IsString())
        {
            throw NotJson("has no JSON form");
        }

        var text = json.AsString();
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > _limits.MaxOutputBytes)
        {
            throw TooLarge(string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"));
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = NestingCheck.MaxDepth + 1 });
        }
        catch (JsonException e)
        {
            throw new ScriptException(ScriptErrorKind.NotJson, $"the result is not valid JSON: {e.Message}{Where()}", innerException: e);
        }
    }

    private ScriptException NotJson(string what) =>
        new(
            ScriptErrorKind.NotJson,
            $"the result {what}, which cannot be stored as JSON; return data (objects, arrays, strings, numbers, booleans or null){Where()}");

    private ScriptException TooLarge(string size) =>
        new(
            ScriptErrorKind.OutputTooLarge,
            $"the result is {size} of JSON, over the {ScriptGuard.FormatBytes(_limits.MaxOutputBytes)} limit (ScriptLimits.MaxOutputBytes); " +
            $"return less data or raise the limit{Where()}");
}
