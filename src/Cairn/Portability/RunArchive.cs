using System.Globalization;
using System.Text.Json;
using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Portability;

/// <summary>
/// The export format: one JSON object per line and run, holding the run record, its journal, archived branches,
/// unconsumed signals and state snapshots. Payloads are kept as the exact strings stored, times as round-trip ISO 8601, so an import
/// recreates the run exactly.
/// </summary>
internal static class RunArchive
{
    public const string Format = "cairn-run/1";

    public static string Write(RunImport run)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            WriteRun(w, run.Run);
            w.WriteStartArray("journal");
            foreach (var e in run.Journal)
            {
                WriteEntry(w, e);
            }

            w.WriteEndArray();
            w.WriteStartArray("branches");
            foreach (var b in run.Branches)
            {
                w.WriteStartObject();
                w.WriteNumber("number", b.Number);
                w.WriteNumber("afterSequence", b.AfterSequence);
                w.WriteString("archivedAt", Time(b.ArchivedAt));
                w.WriteString("reason", b.Reason);
                w.WriteStartArray("entries");
                foreach (var e in b.Entries)
                {
                    WriteEntry(w, e);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("signals");
            foreach (var s in run.Signals)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                w.WriteString("payload", s.Payload);
                w.WriteString("at", Time(s.At));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("snapshots");
            foreach (var s in run.Snapshots)
            {
                w.WriteStartObject();
                w.WriteNumber("seq", s.Sequence);
                w.WriteNumber("checkpoint", s.Checkpoint);
                w.WriteString("payload", s.Payload);
                w.WriteString("at", Time(s.At));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads one line; throws <see cref="InvalidDataException"/> naming the line when it is not a run of this format.</summary>
    public static RunImport Read(string line, int number)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetString() != Format)
            {
                throw new InvalidDataException($"Line {number} is not an exported Cairn run (format '{Format}').");
            }

            return new RunImport
            {
                Run = ReadRun(root.GetProperty("run")),
                Journal = root.GetProperty("journal").EnumerateArray().Select(ReadEntry).ToList(),
                Branches = root.GetProperty("branches").EnumerateArray().Select(b => new JournalBranch
                {
                    Number = b.GetProperty("number").GetInt32(),
                    AfterSequence = b.GetProperty("afterSequence").GetInt64(),
                    ArchivedAt = ReadTime(b.GetProperty("archivedAt"))!.Value,
                    Reason = b.GetProperty("reason").GetString(),
                    Entries = b.GetProperty("entries").EnumerateArray().Select(ReadEntry).ToList(),
                }).ToList(),
                Signals = root.GetProperty("signals").EnumerateArray()
                    .Select(s => new SignalRecord(0, string.Empty, s.GetProperty("name").GetString()!, s.GetProperty("payload").GetString(), ReadTime(s.GetProperty("at"))!.Value))
                    .ToList(),

                // Files exported before snapshots were carried have none; their checkpoints are shown from the journal.
                Snapshots = root.TryGetProperty("snapshots", out var snapshots)
                    ? snapshots.EnumerateArray().Select(s => new StateSnapshot(
                        s.GetProperty("seq").GetInt64(), s.GetProperty("checkpoint").GetInt32(), s.GetProperty("payload").GetString()!, ReadTime(s.GetProperty("at"))!.Value)).ToList()
                    : [],
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"Line {number} is not a valid exported Cairn run: {e.Message}", e);
        }
    }

    private static void WriteRun(Utf8JsonWriter w, RunRecord r)
    {
        w.WriteStartObject("run");
        w.WriteString("id", r.RunId);
        w.WriteString("workflow", r.Workflow);
        w.WriteNumber("version", r.Version);
        w.WriteString("status", r.Status.ToWireName());
        w.WriteString("input", r.Input);
        w.WriteString("output", r.Output);
        w.WriteString("error", r.Error);
        w.WriteString("sessionId", r.SessionId);
        w.WriteString("userId", r.UserId);
        w.WriteString("parentRunId", r.ParentRunId);
        w.WriteString("parentPosition", r.ParentPosition);
        if (r.Origin is { } origin)
        {
            w.WriteStartObject("origin");
            w.WriteString("runId", origin.RunId);
            w.WriteString("strategy", origin.Strategy.ToWireName());
            WriteNumberOrNull(w, "checkpoint", origin.Checkpoint);
            WriteNumberOrNull(w, "sequence", origin.Sequence);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("origin");
        }

        w.WriteString("createdAt", Time(r.CreatedAt));
        w.WriteString("updatedAt", Time(r.UpdatedAt));
        w.WriteString("wakeAt", Time(r.WakeAt));
        w.WriteString("control", r.Control.ToString().ToLowerInvariant());
        w.WriteStartArray("waits");
        foreach (var wait in r.Waits)
        {
            w.WriteStartObject();
            w.WriteString("position", wait.Position);
            w.WriteString("kind", wait.Kind.ToString().ToLowerInvariant());
            w.WriteString("name", wait.Name);
            w.WriteString("dueAt", Time(wait.DueAt));
            w.WriteString("detail", wait.Detail);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static RunRecord ReadRun(JsonElement r) => new()
    {
        RunId = r.GetProperty("id").GetString()!,
        Workflow = r.GetProperty("workflow").GetString()!,
        Version = r.GetProperty("version").GetInt32(),
        Status = Enum.Parse<RunStatus>(r.GetProperty("status").GetString()!, ignoreCase: true),
        Input = r.GetProperty("input").GetString(),
        Output = r.GetProperty("output").GetString(),
        Error = r.GetProperty("error").GetString(),
        SessionId = r.GetProperty("sessionId").GetString(),
        UserId = r.GetProperty("userId").GetString(),
        ParentRunId = r.GetProperty("parentRunId").GetString(),
        ParentPosition = r.GetProperty("parentPosition").GetString(),
        Origin = r.GetProperty("origin") is { ValueKind: JsonValueKind.Object } o
            ? new RunOrigin(
                o.GetProperty("runId").GetString()!,
                ResumeStrategyNames.TryParse(o.GetProperty("strategy").GetString(), out var strategy) ? strategy : throw new FormatException($"Unknown strategy '{o.GetProperty("strategy").GetString()}'."),
                o.GetProperty("checkpoint").ValueKind == JsonValueKind.Null ? null : o.GetProperty("checkpoint").GetInt32(),
                o.GetProperty("sequence").ValueKind == JsonValueKind.Null ? null : o.GetProperty("sequence").GetInt64())
            : null,
        CreatedAt = ReadTime(r.GetProperty("createdAt"))!.Value,
        UpdatedAt = ReadTime(r.GetProperty("updatedAt"))!.Value,
        WakeAt = ReadTime(r.GetProperty("wakeAt")),
        Control = Enum.Parse<RunControl>(r.GetProperty("control").GetString()!, ignoreCase: true),
        Waits = r.GetProperty("waits").EnumerateArray().Select(w => new WaitRecord(
            w.GetProperty("position").GetString()!,
            Enum.Parse<WaitKind>(w.GetProperty("kind").GetString()!, ignoreCase: true),
            w.GetProperty("name").GetString()!,
            ReadTime(w.GetProperty("dueAt")),
            w.GetProperty("detail").GetString())).ToList(),
    };

    /// <summary>Writes one journal entry as the export format holds it; with <paramref name="inUtc"/> its times are written in UTC (the canonical form <see cref="JournalDigest"/> hashes).</summary>
    internal static void WriteEntry(Utf8JsonWriter w, JournalEntry e, bool inUtc = false)
    {
        w.WriteStartObject();
        w.WriteNumber("seq", e.Sequence);
        w.WriteString("kind", e.Kind.ToString());
        w.WriteString("position", e.Position);
        w.WriteString("name", e.Name);
        w.WriteString("payload", e.Payload);
        w.WriteNumber("attempt", e.Attempt);
        w.WriteString("at", Time(inUtc ? e.At.ToUniversalTime() : e.At));
        w.WriteString("startedAt", Time(inUtc ? e.StartedAt?.ToUniversalTime() : e.StartedAt));
        w.WriteEndObject();
    }

    private static JournalEntry ReadEntry(JsonElement e) => new()
    {
        Sequence = e.GetProperty("seq").GetInt64(),
        Kind = Enum.TryParse<JournalEntryKind>(e.GetProperty("kind").GetString(), out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new FormatException($"Unknown journal entry kind '{e.GetProperty("kind").GetString()}'; the file was written by a newer Cairn."),
        Position = e.GetProperty("position").GetString(),
        Name = e.GetProperty("name").GetString(),
        Payload = e.GetProperty("payload").GetString(),
        Attempt = e.GetProperty("attempt").GetInt32(),
        At = ReadTime(e.GetProperty("at"))!.Value,
        StartedAt = ReadTime(e.GetProperty("startedAt")),
    };

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string? Time(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ReadTime(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? null : DateTimeOffset.ParseExact(e.GetString()!, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
