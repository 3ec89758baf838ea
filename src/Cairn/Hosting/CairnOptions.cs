using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cairn.Hosting;

/// <summary>Settings of the Cairn engine and host. Validated once when the host starts; all errors are reported together.</summary>
public sealed class CairnOptions
{
    /// <summary>Gets or sets how many runs one host executes at the same time.</summary>
    /// <value>Defaults to 256.</value>
    public int MaxConcurrentRuns { get; set; } = 256;

    /// <summary>Gets or sets how long a host's claim on a run lasts without renewal; another host takes the run after that.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how often an idle host looks for work that another process made runnable.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest timer kept in memory; longer timers unload the run until they are due.</summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan HoldTimersInMemoryUnder { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the largest JSON payload (input, step result, output, state value) in bytes.</summary>
    /// <value>Defaults to 1 MiB (1,048,576 bytes).</value>
    public int MaxPayloadBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets the JSON settings for payloads.</summary>
    /// <value>Defaults to <see cref="JsonSerializerDefaults.Web"/> (camelCase, case-insensitive reads) with relaxed escaping, so stored JSON stays readable.</value>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Gets or sets whether the host starts executing runs (set <see langword="false"/> for a client-only process).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool ExecuteRuns { get; set; } = true;

    /// <summary>Returns every problem with the settings, one line each; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxConcurrentRuns < 1)
        {
            errors.Add($"MaxConcurrentRuns is {MaxConcurrentRuns}; set it to 1 or more.");
        }

        if (LeaseDuration < TimeSpan.FromSeconds(1))
        {
            errors.Add($"LeaseDuration is {LeaseDuration}; set it to 1 second or more.");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"PollInterval is {PollInterval}; set it above zero.");
        }

        if (HoldTimersInMemoryUnder < TimeSpan.Zero)
        {
            errors.Add($"HoldTimersInMemoryUnder is {HoldTimersInMemoryUnder}; set it to zero or more.");
        }

        if (MaxPayloadBytes < 1024)
        {
            errors.Add($"MaxPayloadBytes is {MaxPayloadBytes}; set it to 1024 or more.");
        }

        return errors;
    }
}
