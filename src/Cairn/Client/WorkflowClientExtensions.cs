using System.Text.Json;
using Cairn.Storage;

namespace Cairn;

/// <summary>Typed conveniences over <see cref="IWorkflowClient"/>.</summary>
public static class WorkflowClientExtensions
{
    // One instance, so its type metadata is built once rather than on every call.
    private static readonly JsonSerializerOptions DefaultOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Waits until the run finishes and returns its output.</summary>
    /// <typeparam name="T">The output type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="serializerOptions">How to read the output JSON; defaults to web settings.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The output.</returns>
    /// <exception cref="WorkflowRunException">The run failed or was cancelled.</exception>
    public static async Task<T?> WaitForOutputAsync<T>(this IWorkflowClient client, string runId, JsonSerializerOptions? serializerOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var run = await client.WaitForCompletionAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run.Status != RunStatus.Completed)
        {
            throw new WorkflowRunException(runId, run.Status, run.Error);
        }

        return run.Output is null ? default : JsonSerializer.Deserialize<T>(run.Output, serializerOptions ?? DefaultOptions);
    }
}
