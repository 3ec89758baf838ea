using System.Globalization;
using System.Text.RegularExpressions;

namespace Cairn.Resume;

/// <summary>Tells failures that may pass by themselves (time-outs, I/O and network errors, HTTP 429 and 5xx) from the rest.</summary>
internal static partial class TransientFailures
{
    private static readonly HashSet<string> TransientTypes = new(StringComparer.Ordinal)
    {
        "System.TimeoutException",
        "System.IO.IOException",
        "System.IO.EndOfStreamException",
        "System.Net.Sockets.SocketException",
        "System.Net.Http.HttpIOException",
        "System.Net.WebException",
    };

    /// <summary>Returns a short description of why the failure is transient, or <see langword="null"/> when it is not.</summary>
    public static string? Describe(FailureInfo? failure)
    {
        for (var f = failure; f is not null; f = f.Inner)
        {
            if (TransientTypes.Contains(f.Type))
            {
                return f.Type[(f.Type.LastIndexOf('.') + 1)..];
            }

            if (f.Type is "System.Net.Http.HttpRequestException" or "Cairn.Definitions.HttpStepException")
            {
                var match = StatusCode().Match(f.Message);
                if (!match.Success)
                {
                    // A request that got no answer at all (refused, reset, DNS): a network failure.
                    return f.Type == "System.Net.Http.HttpRequestException" ? "a network failure" : null;
                }

                var status = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                if (status == 429 || status >= 500)
                {
                    return "HTTP " + match.Groups[1].Value;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:answered |status code does not indicate success: )(\d{3})")]
    private static partial Regex StatusCode();
}
