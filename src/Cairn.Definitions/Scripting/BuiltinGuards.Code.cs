using Jint.Native;
using Jint.Native.Function;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Cairn.Definitions;

/// <summary>JSON, <c>eval</c> and the <c>Function</c> constructor.</summary>
internal sealed partial class BuiltinGuards
{
    // A constructor must be a script function in this engine; this one hands its arguments to the sandbox.
    private const string FunctionShim = "(function (make) { return function Function() { return make(arguments); }; })";

    private void GuardJson()
    {
        Replace(_engine.Json, "stringify", original => (self, arguments) =>
        {
            ScriptGuard.CheckStack();
            var value = arguments.Length > 0 ? arguments[0] : JsValue.Undefined;
            var gap = arguments.Length > 2 ? GapLength(arguments[2]) : 0;
            _guard.CheckString(JsonEstimator.Estimate(value, gap, _limits.MaxStringLength + 1.0, out _));
            return original.Call(self, arguments);
        });
        Replace(_engine.Json, "parse", original => (self, arguments) =>
        {
            var text = TypeConverter.ToString(arguments.Length > 0 ? arguments[0] : JsValue.Undefined);
            if (NestingCheck.FindTooDeep(text, javascript: false) >= 0)
            {
                throw new ScriptLimitException(
                    ScriptErrorKind.RecursionLimit,
                    $"JSON.parse was given text that nests more than {NestingCheck.MaxDepth} levels deep");
            }

            return original.Call(self, [new JsValue(text), .. arguments.Skip(1)]);
        });
    }

    private static int GapLength(JsValue space) =>
        space.IsNumber() ? (int)Math.Clamp(TypeConverter.ToInteger(space), 0, 10)
        : space.IsString() ? Math.Min(10, space.AsString().Length)
        : 0;

    private void GuardCode()
    {
        var eval = _engine.Eval;
        var global = _engine.Global;
        global.FastSetProperty("eval", new PropertyDescriptor(
            new ClrFunctionInstance(_engine, (_, arguments) => Eval(eval, arguments), 1),
            writable: true,
            enumerable: false,
            configurable: true));

        _engine.Execute(FunctionShim);
        var make = new ClrFunctionInstance(_engine, (_, arguments) => MakeFunction(eval, arguments[0].AsObject()), 1);
        var shim = (FunctionInstance)((ICallable)_engine.GetCompletionValue().AsObject()).Call(JsValue.Undefined, [make]).AsObject();
        shim.Put("prototype", _engine.Function.PrototypeObject, true);
        var descriptor = new PropertyDescriptor(shim, writable: true, enumerable: false, configurable: true);
        global.FastSetProperty("Function", descriptor);
        _engine.Function.PrototypeObject.FastSetProperty("constructor", descriptor);
    }

    /// <summary><c>eval</c>: the code is instrumented like the script's own and runs in the global scope.</summary>
    private JsValue Eval(EvalFunctionInstance eval, JsValue[] arguments)
    {
        ScriptGuard.CheckStack();
        if (arguments.Length == 0 || !arguments[0].IsString())
        {
            return arguments.Length == 0 ? JsValue.Undefined : arguments[0];
        }

        string code;
        try
        {
            code = ScriptInstrumenter.Script(arguments[0].AsString()).Code;
        }
        catch (ScriptSyntaxError e)
        {
            throw new JavaScriptException(_engine.SyntaxError, $"{e.Description} (line {e.Line}, column {e.Column} of the evaluated code)");
        }

        return eval.Call(JsValue.Undefined, [new JsValue(code)]);
    }

    /// <summary><c>Function(p1, ..., body)</c>: the function is built from instrumented source, in the global scope.</summary>
    private JsValue MakeFunction(EvalFunctionInstance eval, Jint.Native.Object.ObjectInstance arguments)
    {
        ScriptGuard.CheckStack();
        var count = (int)TypeConverter.ToUint32(arguments.Get("length"));
        var parts = Enumerable.Range(0, count).Select(i => TypeConverter.ToString(arguments.Get(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        var body = count > 0 ? parts[^1] : string.Empty;
        var parameters = string.Join(",", parts.Take(Math.Max(0, count - 1)));
        string code;
        try
        {
            code = ScriptInstrumenter.FunctionConstructor(parameters, body);
        }
        catch (ScriptSyntaxError e)
        {
            throw new JavaScriptException(_engine.SyntaxError, e.Description);
        }

        return eval.Call(JsValue.Undefined, [new JsValue(code)]);
    }
}
