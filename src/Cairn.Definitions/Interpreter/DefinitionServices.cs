namespace Cairn.Definitions.Interpreter;

/// <summary>What every definition run shares: the sandbox and the step runners.</summary>
internal sealed class DefinitionServices(ScriptSandbox sandbox, ExecRunner exec, HttpRunner http)
{
    public ScriptSandbox Sandbox { get; } = sandbox;

    public ExecRunner Exec { get; } = exec;

    public HttpRunner Http { get; } = http;
}
