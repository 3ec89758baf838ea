using System.Globalization;
using System.Text.RegularExpressions;
using Jint.Native;
using Jint.Parser;
using Jint.Runtime;

namespace Cairn.Definitions;

/// <summary>Turning what the engine throws into a <see cref="ScriptException"/> that says what happened and what to do.</summary>
internal sealed partial class ScriptRun
{
    private const int ShownExpressionLength = 80;

    private ScriptException Translate(Exception e)
    {
        switch (e)
        {
            case ScriptSyntaxError syntax:
                return new ScriptException(
                    ScriptErrorKind.Syntax,
                    $"{Subject} is not valid JavaScript: {syntax.Description}{Where(syntax.Line, syntax.Column)}",
                    syntax.Line,
                    syntax.Column,
                    e);
            case ParserException parser:
                return new ScriptException(ScriptErrorKind.Syntax, $"{Subject} is not valid JavaScript: {parser.Description}{Where()}", innerException: e);
            case ScriptLimitException limit:
                return new ScriptException(limit.Kind, limit.Message + Where(), innerException: e);
            case JavaScriptException thrown:
                return Thrown(thrown);
            case TimeoutException or RegexMatchTimeoutException:
                return Limit(
                    ScriptErrorKind.Timeout,
                    $"the script ran longer than the {FormatTime(_limits.Timeout)} limit (ScriptLimits.Timeout); make it do less work or raise the limit",
                    e);
            case StatementsCountOverflowException:
                return Limit(
                    ScriptErrorKind.StatementLimit,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"the script executed more than {_limits.MaxStatements:N0} statements (ScriptLimits.MaxStatements); look for a loop that never ends, or raise the limit"),
                    e);
            case RecursionDepthOverflowException:
                return Limit(
                    ScriptErrorKind.RecursionLimit,
                    $"the script nested function calls more than {_limits.MaxRecursionDepth} deep (ScriptLimits.MaxRecursionDepth); look for a recursion that never ends, or raise the limit",
                    e);
            case InsufficientExecutionStackException:
                return Limit(ScriptErrorKind.RecursionLimit, "the script nested calls too deeply for the sandbox's stack; look for a recursion that never ends", e);
            case OutOfMemoryException:
                return Limit(
                    ScriptErrorKind.MemoryLimit,
                    $"the script built a value too large to hold (ScriptLimits.MaxMemoryBytes is {ScriptGuard.FormatBytes(_limits.MaxMemoryBytes)}); work on less data at once",
                    e);
            case ArgumentException { Message: "The value is not a string" }:
                // The engine cannot describe a thrown object that has no string message.
                return new ScriptException(
                    ScriptErrorKind.Runtime,
                    $"the script threw an object without a message; throw new Error('...') to say what went wrong{Where()}",
                    innerException: e);
            default:
                return new ScriptException(
                    ScriptErrorKind.Runtime,
                    $"the JavaScript engine failed: {e.GetType().Name}: {e.Message}{Where()}",
                    innerException: e);
        }
    }

    private ScriptException Limit(ScriptErrorKind kind, string message, Exception e) => new(kind, message + Where(), innerException: e);

    private ScriptException Thrown(JavaScriptException thrown)
    {
        int? line = null;
        int? column = null;
        if (thrown.LineNumber > 0 && _code is not null)
        {
            (var mappedLine, var mappedColumn) = _code.MapBack(thrown.LineNumber, thrown.Column);
            (line, column) = (mappedLine, mappedColumn);
        }

        // In an expression the engine can only point at its start, which says nothing.
        var where = _expression ? Where() : Where(line, column);
        return new ScriptException(ScriptErrorKind.Runtime, Describe(thrown.Error) + where, line, column, thrown);
    }

    /// <summary>Describes a thrown value without running any of the script's code: <c>message</c> for an Error, <c>Name: message</c> for its subtypes.</summary>
    private static string Describe(JsValue error)
    {
        if (!error.IsObject())
        {
            return error.IsString() ? error.AsString() : TypeConverter.ToString(error);
        }

        var instance = error.AsObject();
        var name = instance.GetProperty("name") is { } n && n.IsDataDescriptor() && n.Value is { } nv && nv.IsString() ? nv.AsString() : "Error";
        var message = instance.GetProperty("message") is { } m && m.IsDataDescriptor() && m.Value is { } mv && mv.IsString() ? mv.AsString() : string.Empty;
        if (message.Length == 0 && name == "TypeError")
        {
            // The engine raises most of its own TypeErrors without a message.
            return "TypeError (the engine gives no detail: usually a property of null or undefined was read, " +
                "something that is not a function was called, or a read-only property was changed)";
        }

        if (message.Length == 0 && name == "ReferenceError")
        {
            return "ReferenceError (the engine gives no detail: usually a variable that was never declared was assigned; declare it with var)";
        }

        return message.Length == 0 ? name : name == "Error" ? message : $"{name}: {message}";
    }

    private string Subject => _expression ? "the expression" : "the script";

    /// <summary>Says where: the line and column in a script, or the expression itself.</summary>
    private string Where(int? line = null, int? column = null)
    {
        if (!_expression)
        {
            return line is null ? string.Empty : $" (line {line}, column {column})";
        }

        var shown = _text.ReplaceLineEndings(" ").Trim();
        if (shown.Length > ShownExpressionLength)
        {
            shown = string.Concat(shown.AsSpan(0, ShownExpressionLength - 3), "...");
        }

        return column is null || line > 1 ? $" (in the expression '{shown}')" : $" (in the expression '{shown}', column {column})";
    }

    private static string FormatTime(TimeSpan time) =>
        time.TotalSeconds >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.###} s")
            : string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0.###} ms");
}
