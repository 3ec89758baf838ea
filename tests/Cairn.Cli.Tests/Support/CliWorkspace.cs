namespace Cairn.Cli.Tests.Support;

/// <summary>A temporary folder with a SQLite store (or the store given), where a test writes definitions and runs cairn; deleted afterwards.</summary>
public sealed class CliWorkspace : IDisposable
{
    public CliWorkspace(string? store = null)
    {
        Store = store ?? "sqlite:" + File("cairn.db");
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("cairn-cli-").FullName;

    /// <summary>Gets the store every command of this workspace uses.</summary>
    public string Store { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file into the workspace and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Starts cairn with the arguments and this workspace's store.</summary>
    public CliProcess Start(params string[] args) => CliProcess.Start(Path, new Dictionary<string, string?>(), [.. args, "--store", Store]);

    /// <summary>Runs cairn with the arguments and this workspace's store, and waits for it to exit.</summary>
    public Task<CliResult> RunAsync(params string[] args) => Start(args).WaitForExitAsync();

    /// <summary>Runs cairn like <see cref="RunAsync"/> and asserts that it exits 0.</summary>
    public async Task<CliResult> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Xunit.Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>Runs cairn with exactly these arguments and environment (no --store added).</summary>
    public Task<CliResult> RunRawAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        CliProcess.Start(Path, environment, args).WaitForExitAsync();

    /// <summary>Reads a run's status with <c>cairn show --json</c>.</summary>
    public async Task<string?> StatusAsync(string runId) =>
        await RunAsync("show", runId, "--json") is { ExitCode: 0 } show ? (string?)show.Json["status"] : null;

    /// <summary>Creates the file a gated step of <see cref="Flows.Lines"/> waits for.</summary>
    public void OpenGate() => System.IO.File.WriteAllText(File("gate"), string.Empty);

    /// <summary>Reads the lines of a file the workflow writes; none while it does not exist.</summary>
    public IReadOnlyList<string> Lines(string name) =>
        System.IO.File.Exists(File(name)) ? System.IO.File.ReadAllLines(File(name)) : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
