using System.Diagnostics;
using System.Globalization;

namespace Cairn.Hosting;

/// <summary>Host identities of the form <c>{machine}:{pid}:{process start ticks}:{nonce}</c>, and a check whether one is dead.</summary>
public static class OwnerId
{
    private static readonly long StartTicks = Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks;

    /// <summary>Creates the identity of a host in this process.</summary>
    /// <returns>The identity.</returns>
    public static string Create() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.MachineName}:{Environment.ProcessId}:{StartTicks}:{Guid.NewGuid().ToString("N")[..8]}");

    /// <summary>Returns whether the owner is a process on this machine that no longer runs. Owners on other machines are never called dead: their leases expire instead.</summary>
    /// <param name="owner">The owner identity, as stored with a run.</param>
    /// <returns><see langword="true"/> when the owner's process on this machine has exited.</returns>
    public static bool IsDeadProcessOnThisMachine(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var parts = owner.Split(':');
        if (parts.Length != 4 || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return ticks != StartTicks;
        }

        // On Linux a process that is gone has no /proc entry: no need to ask for it (and catch the error).
        if (OperatingSystem.IsLinux() && !Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture)))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || process.StartTime.ToUniversalTime().Ticks != ticks;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
