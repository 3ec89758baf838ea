using System.Text;

namespace Cairn.Definitions;

/// <summary>Reading the response body, at most <see cref="MaxResponseBytes"/>.</summary>
public sealed partial class HttpRunner
{
    private async Task<Body> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var contentType = response.Content.Headers.ContentType;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            var tooLarge = response.Content.Headers.ContentLength > MaxResponseBytes;
            int read;
            while (body.Length <= MaxResponseBytes && (read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                body.Write(buffer, 0, read);
            }

            tooLarge |= body.Length > MaxResponseBytes;
            var kept = (int)Math.Min(body.Length, MaxResponseBytes);
            return new Body(Decode(body.GetBuffer().AsSpan(0, kept), contentType?.CharSet), contentType?.MediaType, tooLarge);
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

    /// <summary>The body as text (at most <see cref="MaxResponseBytes"/> of it), its media type, and whether there was more.</summary>
    private readonly record struct Body(string Text, string? MediaType, bool TooLarge);
}
