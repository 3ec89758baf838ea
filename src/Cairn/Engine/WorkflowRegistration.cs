namespace Cairn.Engine;

/// <summary>A registered workflow: its name, version and how to invoke it with a context and a JSON input.</summary>
internal sealed class WorkflowRegistration(string name, int version, Type? inputType, Func<WorkflowContext, object?, IServiceProvider, Task<object?>> invoke)
{
    public string Name { get; } = name;

    public int Version { get; } = version;

    public Type? InputType { get; } = inputType;

    /// <summary>Gets a check of the JSON input that runs before a run is created, or <see langword="null"/>.</summary>
    public Func<string?, IReadOnlyList<string>>? CheckInput { get; init; }

    public Task<object?> Invoke(WorkflowContext context, string? inputJson, WorkflowEngine engine)
    {
        var input = InputType is null ? null : engine.Payloads.Deserialize(inputJson, InputType);
        return invoke(context, input, engine.Services);
    }
}
