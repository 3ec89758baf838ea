using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cairn.Portability;

namespace Cairn.Journal;

/// <summary>
/// A fingerprint of a journal that is the same for the same entries in any store, to check that a copy is exact.
/// </summary>
/// <remarks>
/// The SHA-256, as lowercase hex, of the canonical serialization: each entry in the given order as one JSON object
/// without whitespace, with the properties <c>seq</c>, <c>kind</c>, <c>position</c>, <c>name</c>, <c>payload</c>
/// (the stored JSON as a string), <c>attempt</c>, <c>at</c> and <c>startedAt</c> in this order and times in UTC as
/// round-trip ISO 8601 (<c>2026-03-01T12:00:00.0000000+00:00</c>), followed by a line feed; UTF-8.
/// </remarks>
public static class JournalDigest
{
    /// <summary>Computes the SHA-256 of a journal's canonical serialization.</summary>
    /// <param name="entries">The entries, in sequence order.</param>
    /// <returns>64 lowercase hex digits; that of no bytes for an empty journal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    public static string Sha256(IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        foreach (var entry in entries)
        {
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                RunArchive.WriteEntry(w, entry, inUtc: true);
            }

            buffer.WriteByte((byte)'\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
