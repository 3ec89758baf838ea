namespace Cairn.Definitions.Interpreter;

/// <summary>What every definition run shares: the sandbox, the step runners and the host's clock.</summary>
internal sealed class DefinitionServices(ScriptSandbox sandbox, ExecRunner exec, HttpRunner http, TimeProvider time)
{
    public ScriptSandbox Sandbox { get; } = sandbox;

    public ExecRunner Exec { get; } = exec;

    public HttpRunner Http { get; } = http;

    /// <summary>Gets the host's clock, read live only for how long a wait or attempt may last (never for what the run decides).</summary>
    public TimeProvider Time { get; } = time;
}
