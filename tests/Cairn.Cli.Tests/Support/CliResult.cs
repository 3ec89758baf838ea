using System.Text.Json.Nodes;

namespace Cairn.Cli.Tests.Support;

/// <summary>How a cairn process ended: its exit code and everything it printed.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Gets standard output parsed as one JSON document.</summary>
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException("cairn printed JSON null.");

    public override string ToString() => $"exit {ExitCode}{System.Environment.NewLine}stdout: {Stdout}{System.Environment.NewLine}stderr: {Stderr}";
}
