using System.Text.Json;

namespace Cairn.Hosting;

/// <summary>A workflow supplied by an <see cref="IWorkflowSource"/>: its name, version and body.</summary>
/// <param name="name">The workflow name.</param>
/// <param name="version">The version.</param>
/// <param name="run">The body: called with the context and the run's JSON input (<see langword="null"/> when none); returns the output.</param>
public sealed class SourcedWorkflow(string name, int version, Func<WorkflowContext, JsonElement?, Task<object?>> run)
{
    /// <summary>Gets the workflow name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the version.</summary>
    public int Version { get; } = version;

    /// <summary>Gets the body.</summary>
    public Func<WorkflowContext, JsonElement?, Task<object?>> Run { get; } = run;

    /// <summary>Gets a check of a run's JSON input, run before the run is created: it returns every problem found (empty when valid), or is <see langword="null"/> to accept any input.</summary>
    public Func<JsonElement?, IReadOnlyList<string>>? CheckInput { get; init; }

    /// <summary>Gets the workflow's step defaults and run deadline.</summary>
    /// <value>Defaults to <see cref="WorkflowOptions.Default"/>.</value>
    public WorkflowOptions Options { get; init; } = WorkflowOptions.Default;

    /// <summary>
    /// Gets what a resume plan asks for the steps a run takes after the calls its journal keeps: called with the names
    /// those calls are journaled with (step ids, awaited events, questions, child workflows, state keys), it returns the
    /// workflow's steps from the first one not kept on, in order, each said to run for sure or only maybe.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: the workflow cannot say before it runs.</value>
    public Func<IReadOnlySet<string>, IReadOnlyList<OutlinedStep>>? StepsAfter { get; init; }
}
