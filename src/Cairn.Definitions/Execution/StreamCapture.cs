using System.Globalization;
using System.Text;

namespace Cairn.Definitions;

/// <summary>Reads a process's output stream to its end, keeping at most a given number of characters: its beginning, or its end.</summary>
internal static class StreamCapture
{
    /// <summary>Reads <paramref name="reader"/> to the end.</summary>
    /// <param name="reader">The stream.</param>
    /// <param name="maxChars">The most characters kept.</param>
    /// <param name="keepEnd">Whether to keep the end (for error output) rather than the beginning.</param>
    /// <returns>The text kept, with a note saying how much was left out when it was cut.</returns>
    public static async Task<string> ReadAsync(TextReader reader, int maxChars, bool keepEnd)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        long dropped = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (keepEnd)
            {
                text.Append(buffer, 0, read);
                if (text.Length > 2 * maxChars)
                {
                    dropped += text.Length - maxChars;
                    text.Remove(0, text.Length - maxChars);
                }
            }
            else
            {
                var kept = Math.Clamp(maxChars - text.Length, 0, read);
                text.Append(buffer, 0, kept);
                dropped += read - kept;
            }
        }

        if (keepEnd && text.Length > maxChars)
        {
            dropped += text.Length - maxChars;
            text.Remove(0, text.Length - maxChars);
        }

        if (dropped == 0)
        {
            return text.ToString();
        }

        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"[output cut: {dropped:N0} characters were not kept; at most {maxChars:N0} are kept per stream]");
        return keepEnd ? note + "\n" + text : text + "\n" + note;
    }
}
