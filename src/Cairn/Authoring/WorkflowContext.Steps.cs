using System.Globalization;
using Cairn.Engine;

namespace Cairn;

/// <content>Steps and parallel branches.</content>
public sealed partial class WorkflowContext
{
    /// <summary>Runs a step once: its result is committed to the store before this returns, and on replay the recorded result is returned without running the body.</summary>
    /// <typeparam name="T">The result type (serialized to JSON).</typeparam>
    /// <param name="name">The step's name; replay checks it.</param>
    /// <param name="body">The work.</param>
    /// <param name="options">Retry, time-out and side-effect settings.</param>
    /// <returns>The result.</returns>
    /// <exception cref="StepFailedException">The step failed after its attempts.</exception>
    /// <exception cref="PayloadException">The result cannot be stored.</exception>
    /// <exception cref="NonDeterminismException">The journal recorded a different call at this position.</exception>
    public Task<T> Step<T>(string name, Func<StepContext, Task<T>> body, StepOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(body);
        return _execution.Step(NextPosition(), name, body, options);
    }

    /// <summary>Runs a synchronous step once (see <see cref="Step{T}(string, Func{StepContext, Task{T}}, StepOptions?)"/>).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="name">The step's name.</param>
    /// <param name="body">The work.</param>
    /// <param name="options">Retry, time-out and side-effect settings.</param>
    /// <returns>The result.</returns>
    public Task<T> Step<T>(string name, Func<StepContext, T> body, StepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Step(name, c => Task.FromResult(body(c)), options);
    }

    /// <summary>Runs a step that returns nothing (see <see cref="Step{T}(string, Func{StepContext, Task{T}}, StepOptions?)"/>).</summary>
    /// <param name="name">The step's name.</param>
    /// <param name="body">The work.</param>
    /// <param name="options">Retry, time-out and side-effect settings.</param>
    /// <returns>A task that completes when the step is recorded.</returns>
    public Task Step(string name, Func<StepContext, Task> body, StepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Step<bool>(name, async c =>
        {
            await body(c).ConfigureAwait(false);
            return true;
        }, options);
    }

    /// <summary>Awaits parallel steps; their positions were fixed when they were called, so replay matches any completion order.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="tasks">Tasks returned by this context's primitives.</param>
    /// <returns>The results in call order.</returns>
    public Task<T[]> WhenAll<T>(params Task<T>[] tasks) => Task.WhenAll(tasks);

    /// <summary>Awaits two parallel steps of different types.</summary>
    /// <typeparam name="T1">The first result type.</typeparam>
    /// <typeparam name="T2">The second result type.</typeparam>
    /// <param name="first">The first task.</param>
    /// <param name="second">The second task.</param>
    /// <returns>Both results.</returns>
    public async Task<(T1, T2)> WhenAll<T1, T2>(Task<T1> first, Task<T2> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        await Task.WhenAll(first, second).ConfigureAwait(false);
        return (first.Result, second.Result);
    }

    /// <summary>
    /// Runs branches in parallel, each a sequence of primitives with positions of its own
    /// (<c>{gather}.{branch}.{n}</c>), so a branch's calls replay the same whatever the interleaving was.
    /// </summary>
    /// <typeparam name="T">The branch result type.</typeparam>
    /// <param name="name">The gather's name.</param>
    /// <param name="branches">The branches; each receives its own context.</param>
    /// <returns>The branch results in branch order.</returns>
    public Task<T[]> Gather<T>(string name, params Func<WorkflowContext, Task<T>>[] branches)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(branches);
        var position = NextPosition();
        var tasks = new Task<T>[branches.Length];
        for (var i = 0; i < branches.Length; i++)
        {
            var branch = new WorkflowContext(_execution, position + "." + i.ToString(CultureInfo.InvariantCulture) + ".");
            try
            {
                tasks[i] = branches[i](branch);
            }
            catch (Exception e)
            {
                tasks[i] = Task.FromException<T>(e);
            }
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>
    /// Records a step as skipped instead of running it (for example because its condition is false): it shows as
    /// <see cref="StepStatus.Skipped"/> and takes a journal position like the step would, so replay stays aligned.
    /// </summary>
    /// <param name="name">The step name.</param>
    /// <param name="output">The output that stands in for the step's, or <see langword="null"/>.</param>
    public void Skip(string name, object? output = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var json = output is null ? null : _execution.Payloads.Serialize(output, new PayloadSubject("The stand-in output of skipped step '{0}'", name));
        _execution.Skip(NextPosition(), name, json);
    }
}
