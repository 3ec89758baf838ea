using System.Globalization;
using System.Text;

namespace Cairn.Definitions;

/// <summary>Reading the response body, at most <see cref="MaxResponseBytes"/>.</summary>
public sealed partial class HttpRunner
{
    private async Task<(string? Text, string? MediaType)> ReadBodyAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var contentType = ContentType(response);
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw TooLarge(what, response.Content.Headers.ContentLength.Value);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxResponseBytes)
                {
                    throw TooLarge(what, null);
                }

                body.Write(buffer, 0, read);
            }

            return (Decode(body.GetBuffer().AsSpan(0, (int)body.Length), contentType?.CharSet), contentType?.MediaType);
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        var encoding = Encoding.UTF8;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"', ' '));
            }
            catch (ArgumentException)
            {
                // An unknown charset: read it as UTF-8.
            }
        }

        return encoding.GetString(bytes);
    }

    private StepExecutionException TooLarge(string what, long? length) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"{what} answered with a body larger than the {MaxResponseBytes:N0}-byte limit{(length is null ? string.Empty : $" ({length:N0} bytes)")} (HttpRunner.MaxResponseBytes); ask for less data or raise the limit"));
}
