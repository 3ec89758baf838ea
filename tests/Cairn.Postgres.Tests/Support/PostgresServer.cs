using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Cairn.Testing.Postgres;

/// <summary>
/// A PostgreSQL server for tests: a throwaway cluster started from the installed server binaries (initdb, pg_ctl)
/// in a temporary folder, stopped and deleted on dispose; or, when <see cref="EnvironmentVariable"/> is set, the
/// server its connection string names. Tests get a new database each from <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>
/// initdb refuses to run as root, so as root the cluster is created and run by the <c>postgres</c> system user
/// (through <c>runuser</c>), which then owns the folder.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The environment variable that points the tests at an existing server (an Npgsql connection string with a user allowed to create databases).</summary>
    public const string EnvironmentVariable = "CAIRN_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _bin;
    private readonly List<string> _databases = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> _shared = new(StringComparer.Ordinal);

    private PostgresServer(string adminConnectionString, string? folder, string? bin)
    {
        AdminConnectionString = adminConnectionString;
        _folder = folder;
        _bin = bin;
    }

    /// <summary>Gets a connection string to the server's <c>postgres</c> database, as a user that may create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Starts a throwaway cluster, or connects to the one named by <see cref="EnvironmentVariable"/>.</summary>
    /// <returns>The server.</returns>
    /// <exception cref="InvalidOperationException">No server binaries are installed and the variable is not set, or the cluster did not start.</exception>
    public static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external)
        {
            return new PostgresServer(external, null, null);
        }

        var bin = FindBinaries() ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need a server: no initdb and pg_ctl were found under /usr/lib/postgresql/*/bin or on PATH, and {EnvironmentVariable} is not set. " +
            $"Install one (Debian/Ubuntu: apt-get install -y postgresql), or set {EnvironmentVariable} to the connection string of a server where the tests may create databases, " +
            "for example Host=127.0.0.1;Username=postgres;Password=secret.");
        var folder = Path.Combine(Path.GetTempPath(), "cairn-postgres-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", ["postgres:postgres", folder]);
            }

            var data = Path.Combine(folder, "data");
            await RunAsServerUserAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                try
                {
                    await RunAsServerUserAsync(Path.Combine(bin, "pg_ctl"), [
                        "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                        "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300", "start"]);
                    return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", folder, bin);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // Another process took the port meanwhile: try another.
                }
            }
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Creates a new, empty database.</summary>
    /// <returns>A connection string to it.</returns>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "cairn_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Gets the database of one test class, created on first use; its tests keep apart by using schemas of their own.</summary>
    /// <param name="owner">The test class's name.</param>
    /// <returns>A connection string to the database.</returns>
    public Task<string> DatabaseForAsync(string owner) => _shared.GetOrAdd(owner, _ => new Lazy<Task<string>>(CreateDatabaseAsync)).Value;

    /// <summary>Returns a schema name no test used before.</summary>
    /// <returns>For example <c>t_3f2a…</c>.</returns>
    public static string NewSchemaName() => "t_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Stops and deletes the throwaway cluster, or drops the databases made on an existing server.</summary>
    /// <returns>A task that completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is null)
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            foreach (var name in _databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }

            return;
        }

        try
        {
            await RunAsServerUserAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string? FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsServerUserAsync(string program, IReadOnlyList<string> arguments) =>
        Environment.IsPrivilegedProcess ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:{Environment.NewLine}{await output}{await error}");
        }
    }
}
