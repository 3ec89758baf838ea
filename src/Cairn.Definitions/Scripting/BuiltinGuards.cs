using System.Globalization;
using System.Text;
using Jint.Native;
using Jint.Native.Array;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;

namespace Cairn.Definitions;

/// <summary>
/// Replaces the built-ins that could escape the sandbox's limits in a single call: those that loop over an array's
/// length or build a large string natively (no statement runs, so neither the timeout nor the memory check would),
/// regular expressions (which get the script's timeout), and <c>eval</c>/<c>Function</c> (whose code is instrumented
/// like the script's own). Every other built-in function gets a stack check. The originals stay reachable only from here.
/// </summary>
internal sealed partial class BuiltinGuards
{
    // Array methods left alone (constant time, or over their arguments only) or replaced one by one below.
    private static readonly HashSet<string> NotGenericArrayMethods = ["constructor", "push", "pop", "concat", "join", "toLocaleString"];

    private readonly JsEngine _engine;
    private readonly ScriptGuard _guard;
    private readonly ScriptLimits _limits;

    public BuiltinGuards(JsEngine engine, ScriptGuard guard, ScriptLimits limits)
    {
        _engine = engine;
        _guard = guard;
        _limits = limits;
    }

    /// <summary>Installs every replacement; call before any of the script's code runs.</summary>
    public void Install()
    {
        GuardStack();
        GuardArrays();
        Replace(_engine.Function.PrototypeObject, "apply", original => (self, arguments) =>
        {
            ScriptGuard.CheckStack();
            if (arguments.Length > 1 && arguments[1].IsObject())
            {
                _guard.CheckLength(TypeConverter.ToUint32(arguments[1].AsObject().Get("length")));
            }

            return original.Call(self, arguments);
        });
        GuardStrings();
        GuardRegularExpressions();
        GuardJson();
        GuardCode();
    }

    /// <summary>
    /// Gives every built-in function (not the constructors) a stack check: built-ins can call each other without any
    /// script function in between (<c>o.toString = o.toLocaleString</c>), and such a cycle must stop cleanly.
    /// </summary>
    private void GuardStack()
    {
        var holders = new List<ObjectInstance> { _engine.Global, _engine.Math, _engine.Json };
        foreach (var constructor in new ObjectInstance[]
        {
            _engine.Object, _engine.Function, _engine.Array, _engine.String, _engine.Number, _engine.Boolean, _engine.Date,
            _engine.RegExp, _engine.Error, _engine.EvalError, _engine.RangeError, _engine.ReferenceError, _engine.SyntaxError,
            _engine.TypeError, _engine.UriError,
        })
        {
            holders.Add(constructor);
            holders.Add(constructor.Get("prototype").AsObject());
        }

        foreach (var holder in holders)
        {
            var names = holder.GetOwnProperties()
                .Where(p => p.Key is not ("prototype" or "constructor")
                    && p.Value.Value is { } value && value.IsObject() && value.AsObject() is FunctionInstance and not IConstructor)
                .Select(p => p.Key)
                .ToList();
            foreach (var name in names)
            {
                Replace(holder, name, original => (self, arguments) =>
                {
                    ScriptGuard.CheckStack();
                    return original.Call(self, arguments);
                });
            }
        }
    }

    private void GuardArrays()
    {
        var prototype = _engine.Array.PrototypeObject;
        foreach (var name in prototype.GetOwnProperties().Select(p => p.Key).ToList())
        {
            if (!NotGenericArrayMethods.Contains(name) && prototype.Get(name).IsObject() && prototype.Get(name).AsObject() is FunctionInstance)
            {
                Replace(prototype, name, original => (self, arguments) =>
                {
                    ScriptGuard.CheckStack();
                    if (self.IsObject())
                    {
                        _guard.CheckLength(TypeConverter.ToUint32(self.AsObject().Get("length")));
                    }

                    return original.Call(self, arguments);
                });
            }
        }

        Replace(prototype, "concat", original => (self, arguments) =>
        {
            ScriptGuard.CheckStack();
            var total = 0.0;
            foreach (var part in arguments.Prepend(self))
            {
                total += part.IsObject() && part.AsObject() is ArrayInstance array ? TypeConverter.ToUint32(array.Get("length")) : 1;
            }

            _guard.CheckLength(total);
            return original.Call(self, arguments);
        });
        Replace(prototype, "join", _ => (self, arguments) =>
        {
            var separator = arguments.Length > 0 && !arguments[0].IsUndefined() ? TypeConverter.ToString(arguments[0]) : ",";
            return Join(self, separator, TypeConverter.ToString);
        });
        Replace(prototype, "toLocaleString", _ => (self, _) => Join(self, ",", ToLocaleString));
    }

    /// <summary><c>Array.prototype.join</c> as the standard defines it, stopping as soon as the text outgrows the limit.</summary>
    private JsValue Join(JsValue self, string separator, Func<JsValue, string> convert)
    {
        ScriptGuard.CheckStack();
        var array = TypeConverter.ToObject(_engine, self);
        var length = TypeConverter.ToUint32(array.Get("length"));
        _guard.CheckLength(length);
        if (length == 0)
        {
            return new JsValue(string.Empty);
        }

        _guard.CheckString((length - 1.0) * separator.Length);
        var text = new StringBuilder();
        for (uint k = 0; k < length; k++)
        {
            if (k > 0)
            {
                text.Append(separator);
            }

            var element = array.Get(k.ToString(CultureInfo.InvariantCulture));
            if (!element.IsUndefined() && !element.IsNull())
            {
                text.Append(convert(element));
                _guard.CheckString(text.Length);
            }
        }

        return new JsValue(text.ToString());
    }

    private string ToLocaleString(JsValue element)
    {
        var instance = TypeConverter.ToObject(_engine, element);
        if (instance.Get("toLocaleString") is not ICallable method)
        {
            throw new JavaScriptException(_engine.TypeError, "toLocaleString is not a function");
        }

        return TypeConverter.ToString(method.Call(instance, []));
    }

    /// <summary>Puts a wrapper of the function <paramref name="name"/> of <paramref name="target"/> in its place (same attributes and length).</summary>
    private void Replace(ObjectInstance target, string name, Func<FunctionInstance, Func<JsValue, JsValue[], JsValue>> wrap)
    {
        var original = (FunctionInstance)target.Get(name).AsObject();
        var length = (int)TypeConverter.ToInteger(original.Get("length"));
        var replacement = new ClrFunctionInstance(_engine, wrap(original), length);
        target.FastSetProperty(name, new PropertyDescriptor(replacement, writable: true, enumerable: false, configurable: true));
    }
}
