using System.Security.Cryptography;
using System.Text;
using Cairn.Journal;

namespace Cairn.Tests.Portability;

public class JournalDigestTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sha256_IsThatOfTheDocumentedCanonicalLines()
    {
        var canonical =
            """{"seq":1,"kind":"RunStarted","position":null,"name":"order","payload":"{\"n\":1}","attempt":0,"at":"2026-03-01T12:00:00.0000000+00:00","startedAt":null}""" + "\n" +
            """{"seq":2,"kind":"StepCompleted","position":"1","name":"charge","payload":"\"é\"","attempt":1,"at":"2026-03-01T12:00:01.0000000+00:00","startedAt":"2026-03-01T12:00:00.5000000+00:00"}""" + "\n";

        var digest = JournalDigest.Sha256(Journal(Noon));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), digest);
    }

    [Fact]
    public void Sha256_OfTheSameInstantsInAnotherOffset_IsTheSame() =>
        Assert.Equal(JournalDigest.Sha256(Journal(Noon)), JournalDigest.Sha256(Journal(Noon.ToOffset(TimeSpan.FromHours(2)))));

    [Fact]
    public void Sha256_OfAJournalWithOneChangedPayload_Differs()
    {
        var changed = Journal(Noon).ToList();
        changed[1] = new JournalEntry { Sequence = 2, Kind = JournalEntryKind.StepCompleted, Position = "1", Name = "charge", Payload = "\"e\"", Attempt = 1, At = Noon.AddSeconds(1) };

        Assert.NotEqual(JournalDigest.Sha256(Journal(Noon)), JournalDigest.Sha256(changed));
    }

    private static JournalEntry[] Journal(DateTimeOffset start) =>
    [
        new() { Sequence = 1, Kind = JournalEntryKind.RunStarted, Name = "order", Payload = """{"n":1}""", At = start },
        new() { Sequence = 2, Kind = JournalEntryKind.StepCompleted, Position = "1", Name = "charge", Payload = "\"é\"", Attempt = 1, At = start.AddSeconds(1), StartedAt = start.AddSeconds(0.5) },
    ];
}
