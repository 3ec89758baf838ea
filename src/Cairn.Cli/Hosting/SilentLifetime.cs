using Microsoft.Extensions.Hosting;

namespace Cairn.Cli.Hosting;

/// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the command line, which stops the host itself.</summary>
internal sealed class SilentLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
