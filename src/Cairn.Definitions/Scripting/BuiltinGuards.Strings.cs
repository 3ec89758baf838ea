using System.Text;
using System.Text.RegularExpressions;
using Jint.Native;
using Jint.Native.RegExp;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Cairn.Definitions;

/// <summary>String building and regular expressions.</summary>
internal sealed partial class BuiltinGuards
{
    private void GuardStrings()
    {
        var prototype = _engine.String.PrototypeObject;
        Replace(prototype, "concat", _ => (self, arguments) =>
        {
            TypeConverter.CheckObjectCoercible(_engine, self);
            var text = new StringBuilder(TypeConverter.ToString(self));
            foreach (var argument in arguments)
            {
                var part = TypeConverter.ToString(argument);
                _guard.CheckString((double)text.Length + part.Length);
                text.Append(part);
            }

            return new JsValue(text.ToString());
        });
        Replace(prototype, "replace", original => (self, arguments) =>
        {
            TypeConverter.CheckObjectCoercible(_engine, self);
            var text = TypeConverter.ToString(self);
            var pattern = arguments.Length > 0 ? arguments[0] : JsValue.Undefined;
            var replacement = arguments.Length > 1 ? arguments[1] : JsValue.Undefined;
            var regex = WithTimeout(pattern);
            if (replacement.IsObject() && replacement.AsObject() is ICallable callback)
            {
                replacement = CountingCallback(callback, text.Length);
            }
            else
            {
                var value = TypeConverter.ToString(replacement);
                CheckReplacement(text, regex, value);
                replacement = new JsValue(value);
            }

            return original.Call(new JsValue(text), [pattern, replacement]);
        });
        foreach (var name in new[] { "match", "search" })
        {
            Replace(prototype, name, original => (self, arguments) =>
            {
                TypeConverter.CheckObjectCoercible(_engine, self);
                var pattern = arguments.Length > 0 ? arguments[0] : JsValue.Undefined;
                if (WithTimeout(pattern) is null)
                {
                    // The built-in would make a RegExp of its own, without a time limit.
                    pattern = _engine.RegExp.Construct([pattern]);
                    WithTimeout(pattern);
                }

                return original.Call(self, [pattern]);
            });
        }

        Replace(prototype, "split", original => (self, arguments) =>
        {
            WithTimeout(arguments.Length > 0 ? arguments[0] : JsValue.Undefined);
            return original.Call(self, arguments);
        });
    }

    private void GuardRegularExpressions()
    {
        foreach (var name in new[] { "exec", "test" })
        {
            Replace(_engine.RegExp.PrototypeObject, name, original => (self, arguments) =>
            {
                WithTimeout(self);
                return original.Call(self, arguments);
            });
        }
    }

    /// <summary>Gives a regular expression the script's timeout (the engine makes them without one); <see langword="null"/> when the value is not one.</summary>
    private RegExpInstance? WithTimeout(JsValue value)
    {
        if (!value.IsObject() || value.AsObject() is not RegExpInstance regex)
        {
            return null;
        }

        if (regex.Value.MatchTimeout == Regex.InfiniteMatchTimeout)
        {
            regex.Value = new Regex(regex.Value.ToString(), regex.Value.Options, _limits.Timeout);
        }

        return regex;
    }

    /// <summary>Refuses a replacement whose result could outgrow the limit, counting the matches only when the quick bound is too high.</summary>
    private void CheckReplacement(string text, RegExpInstance? regex, string replacement)
    {
        var whole = 0;
        var sides = 0;
        for (var i = 0; i + 1 < replacement.Length; i++)
        {
            if (replacement[i] == '$')
            {
                var next = replacement[i + 1];
                whole += next == '&' || char.IsAsciiDigit(next) ? 1 : 0;
                sides += next is '`' or '\'' ? 1 : 0;
            }
        }

        double Bound(double matches) =>
            text.Length + (matches * replacement.Length) + (whole * (double)text.Length) + (sides * matches * text.Length);

        var matches = regex is { Global: true } ? text.Length + 1.0 : 1;
        if (Bound(matches) > _limits.MaxStringLength && regex is { Global: true })
        {
            matches = regex.Value.Matches(text).Count;
        }

        _guard.CheckString(Bound(matches));
    }

    /// <summary>Wraps a replacement function so that what it returns is counted against the limit as the result grows.</summary>
    private ClrFunctionInstance CountingCallback(ICallable callback, int textLength)
    {
        double total = textLength;
        return new ClrFunctionInstance(_engine, (self, arguments) =>
        {
            var part = TypeConverter.ToString(callback.Call(self, arguments));
            total += part.Length;
            _guard.CheckString(total);
            return new JsValue(part);
        });
    }
}
