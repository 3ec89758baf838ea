using System.Globalization;

namespace Cairn.Bench;

/// <summary>The command line: <c>WORKLOAD [--workflows N] [--steps K] [--store sqlite:PATH|memory] [--durability full|normal]</c>.</summary>
internal sealed record BenchArgs(string Workload, int? Workflows, int? Steps, string Store, string Durability, string[] Raw)
{
    public static BenchArgs Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("Usage: Cairn.Bench W1|W2|W3|W4 [--workflows N] [--steps K] [--store sqlite:PATH|memory] [--durability full|normal]");
        }

        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int? Int(string name) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        return new BenchArgs(
            args[0].ToUpperInvariant(),
            Int("--workflows"),
            Int("--steps"),
            Value("--store") ?? "sqlite:" + Path.Combine(Path.GetTempPath(), $"cairn-bench-{Environment.ProcessId}.db"),
            Value("--durability") ?? "full",
            args);
    }

    public string? SqlitePath => Store.StartsWith("sqlite:", StringComparison.Ordinal) ? Store["sqlite:".Length..] : null;

    public string StoreKind => SqlitePath is null ? "memory" : "sqlite";
}
