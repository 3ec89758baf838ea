using System.Buffers;
using System.Text.Json;
using Cairn.Journal;
using Cairn.Resume;
using Cairn.Storage;

namespace Cairn;

/// <summary>
/// A run's state and step outputs folded from its journal one entry at a time, counting checkpoints as it goes. The
/// engine keeps one per executing run to take snapshots; checkpoint views start one from the nearest snapshot (or the
/// start) and feed it the journal after it. Both read the same entries through the same code, so a view built from a
/// snapshot equals the one built from the whole journal.
/// </summary>
internal sealed class CheckpointFold
{
    private const int MaxKeptBuffer = 1 << 20;

    private static readonly string[] StatusNames = Enum.GetNames<StepStatus>();

    // One spare buffer and writer, taken and given back without a lock; a snapshot written while another is being
    // written (by another run) gets its own.
    private static SnapshotWriter? _spare;

    private readonly Dictionary<string, string?> _state;
    private readonly List<CheckpointStep> _steps;
    private readonly Dictionary<string, int> _stepIndex = new(StringComparer.Ordinal);

    public CheckpointFold()
        : this(0, 0, new Dictionary<string, string?>(StringComparer.Ordinal), [])
    {
    }

    private CheckpointFold(long sequence, int checkpoints, Dictionary<string, string?> state, List<CheckpointStep> steps)
    {
        Sequence = sequence;
        Checkpoints = checkpoints;
        _state = state;
        _steps = steps;
        for (var i = 0; i < steps.Count; i++)
        {
            _stepIndex[steps[i].Position] = i;
        }
    }

    /// <summary>Gets the sequence of the last entry folded in (0 before any).</summary>
    public long Sequence { get; private set; }

    /// <summary>Gets how many checkpoints the entries folded in hold.</summary>
    public int Checkpoints { get; private set; }

    /// <summary>Gets how many steps a snapshot taken now would hold.</summary>
    public int StepCount => _steps.Count;

    /// <summary>Starts a fold where a snapshot was taken.</summary>
    public static CheckpointFold From(StateSnapshot snapshot)
    {
        using var doc = JsonDocument.Parse(snapshot.Payload);
        var root = doc.RootElement;
        var state = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in root.GetProperty("state").EnumerateObject())
        {
            state[p.Name] = p.Value.GetString();
        }

        var steps = root.GetProperty("steps").EnumerateArray().Select(s => new CheckpointStep(
            s.GetProperty("position").GetString()!,
            s.GetProperty("name").GetString()!,
            Enum.Parse<StepStatus>(s.GetProperty("status").GetString()!),
            s.GetProperty("output").GetString())).ToList();
        return new CheckpointFold(snapshot.Sequence, snapshot.Checkpoint, state, steps);
    }

    /// <summary>Returns whether a journal entry is a checkpoint: a completed step or a named checkpoint.</summary>
    public static bool IsCheckpoint(JournalEntry e) => e.Kind is JournalEntryKind.StepCompleted or JournalEntryKind.Checkpoint;

    /// <summary>Folds in the next entry; returns whether it is a checkpoint.</summary>
    public bool Add(JournalEntry e)
    {
        Sequence = e.Sequence;
        RunStateReplay.Apply(_state, e);
        StepStatus? status = e.Kind switch
        {
            JournalEntryKind.StepCompleted => StepStatus.Completed,
            JournalEntryKind.StepSkipped => StepStatus.Skipped,
            JournalEntryKind.StepFailed => StepStatus.Failed,
            _ => null,
        };
        if (status is { } s && e.Position is { } position)
        {
            var step = new CheckpointStep(position, e.Name ?? string.Empty, s, s == StepStatus.Failed ? null : e.Payload);
            if (_stepIndex.TryGetValue(position, out var i))
            {
                _steps[i] = step;
            }
            else
            {
                _stepIndex[position] = _steps.Count;
                _steps.Add(step);
            }
        }

        if (!IsCheckpoint(e))
        {
            return false;
        }

        Checkpoints++;
        return true;
    }

    /// <summary>Returns the run as the entries folded in leave it, its state keys in ordinal order (whatever order they were set in).</summary>
    public CheckpointState ToState(int number, CheckpointInfo? checkpoint) =>
        new(number, checkpoint, Sorted().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), _steps.ToList());

    private IOrderedEnumerable<KeyValuePair<string, string?>> Sorted() => _state.OrderBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>Takes a snapshot of the run as the entries folded in leave it. Values are kept as the exact JSON strings of the journal.</summary>
    public StateSnapshot ToSnapshot(DateTimeOffset at)
    {
        var writer = Interlocked.Exchange(ref _spare, null) ?? new SnapshotWriter();
        var (buffer, w) = (writer.Buffer, writer.Json);
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        w.WriteStartObject();
        w.WriteStartObject("state");
        foreach (var (key, value) in Sorted())
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteStartArray("steps");
        foreach (var step in _steps)
        {
            w.WriteStartObject();
            w.WriteString("position", step.Position);
            w.WriteString("name", step.Name);
            w.WriteString("status", StatusNames[(int)step.Status]);
            w.WriteString("output", step.Output);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        var payload = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (buffer.Capacity <= MaxKeptBuffer)
        {
            _spare = writer;
        }

        return new StateSnapshot(Sequence, Checkpoints, payload, at);
    }

    private sealed class SnapshotWriter
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(4096);

        public Utf8JsonWriter Json { get; }

        public SnapshotWriter() => Json = new Utf8JsonWriter(Buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
