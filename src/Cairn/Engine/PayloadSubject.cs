using System.Globalization;

namespace Cairn.Engine;

/// <summary>
/// What a payload is, for error messages ("The result of step 'charge' at position 3"). Kept as a template and its
/// arguments, and formatted only when a message is needed, so the step path builds no strings for it.
/// </summary>
internal readonly record struct PayloadSubject(string Template, string? First = null, string? Second = null)
{
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template, First, Second);
}
