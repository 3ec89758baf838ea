using Cairn.Journal;
using Cairn.Portability;
using Cairn.Storage;

namespace Cairn.Tests.Portability;

public class RunArchiveSnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WriteThenRead_KeepsTheStateSnapshots()
    {
        var snapshots = new[] { new StateSnapshot(2, 1, """{"state":{"total":11}}""", T0.AddSeconds(2)) };

        var read = RunArchive.Read(RunArchive.Write(Run() with { Snapshots = snapshots }), 1);

        Assert.Equal(snapshots, read.Snapshots);
    }

    [Fact]
    public void Read_OfALineWrittenBeforeSnapshotsWereExported_HasNone()
    {
        var line = RunArchive.Write(Run()).Replace(""","snapshots":[]""", string.Empty, StringComparison.Ordinal);

        Assert.DoesNotContain("snapshots", line, StringComparison.Ordinal);
        Assert.Empty(RunArchive.Read(line, 1).Snapshots);
    }

    private static RunImport Run() => new()
    {
        Run = new RunRecord { RunId = "r1", Workflow = "order", Status = RunStatus.Completed, CreatedAt = T0, UpdatedAt = T0.AddSeconds(3) },
        Journal =
        [
            new JournalEntry { Sequence = 1, Kind = JournalEntryKind.RunStarted, Name = "order", At = T0 },
            new JournalEntry { Sequence = 2, Kind = JournalEntryKind.Checkpoint, Position = "1", At = T0.AddSeconds(2) },
        ],
    };
}
