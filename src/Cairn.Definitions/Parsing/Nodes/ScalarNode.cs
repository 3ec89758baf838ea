using System.Globalization;
using System.Text.RegularExpressions;

namespace Cairn.Definitions.Parsing;

/// <summary>A scalar: its text and what that text resolves to.</summary>
internal sealed partial class ScalarNode : Node
{
    /// <summary>Gets the text as written (quotes and escapes resolved).</summary>
    public required string Value { get; init; }

    /// <summary>Gets what the scalar resolves to.</summary>
    public required ScalarKind Kind { get; init; }

    /// <inheritdoc/>
    public override string KindText => Kind switch
    {
        ScalarKind.Null => "empty (null)",
        ScalarKind.Bool => "true/false",
        ScalarKind.Int or ScalarKind.Float => "a number",
        _ => "a string",
    };

    /// <summary>Resolves a plain (unquoted, untagged) scalar under the YAML 1.2 core schema.</summary>
    /// <param name="value">The scalar's text.</param>
    /// <returns>Its kind.</returns>
    public static ScalarKind ResolvePlain(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Bool,
        _ when IntPattern().IsMatch(value) => ScalarKind.Int,
        _ when FloatPattern().IsMatch(value) => ScalarKind.Float,
        _ => ScalarKind.String,
    };

    /// <summary>Reads the value as a whole number, when it is one that fits in a <see cref="long"/>.</summary>
    /// <param name="number">The number.</param>
    /// <returns>Whether the value is such a number.</returns>
    public bool TryGetInt64(out long number)
    {
        number = 0;
        if (Kind != ScalarKind.Int)
        {
            return false;
        }

        var text = Value.TrimStart('+');
        return text.StartsWith("0x", StringComparison.Ordinal)
            ? long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number)
            : text.StartsWith("0o", StringComparison.Ordinal)
                ? TryParseOctal(text[2..], out number)
                : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Reads the value as a number, when it is a finite one.</summary>
    /// <param name="number">The number.</param>
    /// <returns>Whether the value is a finite number.</returns>
    public bool TryGetDouble(out double number)
    {
        number = 0;
        if (TryGetInt64(out var whole))
        {
            number = whole;
            return true;
        }

        return Kind is ScalarKind.Int or ScalarKind.Float
            && double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }

    private static bool TryParseOctal(string digits, out long number)
    {
        number = 0;
        foreach (var digit in digits)
        {
            if (number > long.MaxValue / 8)
            {
                return false;
            }

            number = (number * 8) + (digit - '0');
        }

        return true;
    }

    [GeneratedRegex("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
