namespace Cairn.Engine;

/// <summary>A registered workflow: its name, version and how to invoke it with a context and a JSON input.</summary>
internal sealed class WorkflowRegistration(string name, int version, Type? inputType, Func<WorkflowContext, object?, IServiceProvider, Task<object?>> invoke)
{
    private readonly Func<WorkflowContext, object?, IServiceProvider, Task<object?>> _invoke = invoke;

    /// <summary>Initializes a new instance of the <see cref="WorkflowRegistration"/> class: a copy of another with other options.</summary>
    public WorkflowRegistration(WorkflowRegistration other, WorkflowOptions options)
        : this(other.Name, other.Version, other.InputType, other._invoke)
    {
        CheckInput = other.CheckInput;
        StepsAfter = other.StepsAfter;
        Options = options;
    }

    public string Name { get; } = name;

    public int Version { get; } = version;

    public Type? InputType { get; } = inputType;

    /// <summary>Gets the step defaults and the run deadline.</summary>
    public WorkflowOptions Options { get; init; } = WorkflowOptions.Default;

    /// <summary>Gets a check of the JSON input that runs before a run is created, or <see langword="null"/>.</summary>
    public Func<string?, IReadOnlyList<string>>? CheckInput { get; init; }

    /// <summary>Gets the steps the workflow takes after the calls a journal keeps (see <see cref="Hosting.SourcedWorkflow.StepsAfter"/>), or <see langword="null"/> when it cannot say.</summary>
    public Func<IReadOnlySet<string>, IReadOnlyList<OutlinedStep>>? StepsAfter { get; init; }

    public Task<object?> Invoke(WorkflowContext context, string? inputJson, WorkflowEngine engine)
    {
        var input = InputType is null ? null : engine.Payloads.Deserialize(inputJson, InputType);
        return _invoke(context, input, engine.Services);
    }
}
