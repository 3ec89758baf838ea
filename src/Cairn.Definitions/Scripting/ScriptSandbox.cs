using System.Text.Json.Nodes;

namespace Cairn.Definitions;

/// <summary>
/// Evaluates JavaScript expressions, templates and scripts in a sandbox (Jint, ECMAScript 5.1, strict mode).
/// Safe to share between threads: every evaluation gets a fresh engine.
/// </summary>
/// <remarks>
/// <para>Values cross the boundary only as JSON: each property of the scope becomes a global variable parsed from its
/// JSON text, and the result is taken out with <c>JSON.stringify</c>. No .NET object is ever visible to the code.</para>
/// <para>The code has the standard built-ins and nothing else: no <c>require</c>, <c>import</c>, <c>load</c>,
/// <c>fetch</c>, <c>XMLHttpRequest</c>, timers, files, network or .NET access. <c>eval</c> and <c>Function</c> run
/// their code in the same sandbox, under the same limits, in the global scope. <c>with</c> and names starting with
/// <c>__cairn</c> are refused.</para>
/// <para>Every evaluation runs under <see cref="Limits"/> (time, statements, recursion, memory, output size); the first
/// limit exceeded stops it with a <see cref="ScriptException"/> whose <see cref="ScriptException.Kind"/> names it.</para>
/// </remarks>
public sealed partial class ScriptSandbox
{
    /// <summary>Initializes a new instance of the <see cref="ScriptSandbox"/> class.</summary>
    /// <param name="limits">The limits of every evaluation; <see cref="ScriptLimits.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A limit is zero or negative.</exception>
    public ScriptSandbox(ScriptLimits? limits = null)
    {
        Limits = limits ?? ScriptLimits.Default;
        Limits.Validate();
    }

    /// <summary>Gets the limits of every evaluation.</summary>
    public ScriptLimits Limits { get; }

    /// <summary>Evaluates one JavaScript expression.</summary>
    /// <param name="expression">The expression, such as <c>steps.fetch.output.items.length &gt; 0</c>.</param>
    /// <param name="scope">The globals: each property (<c>input</c>, <c>steps</c>, <c>state</c>, <c>item</c>, ...) becomes a variable.</param>
    /// <returns>The value as JSON; <see langword="null"/> for <c>null</c> and <c>undefined</c>.</returns>
    /// <exception cref="ScriptException">The expression is not valid, throws, exceeds a limit, or its value is not JSON (a function, a cycle).</exception>
    /// <exception cref="ArgumentException">A scope property uses a name the sandbox reserves (starting with <c>__cairn</c>).</exception>
    public JsonNode? Evaluate(string expression, JsonObject scope)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        return ScriptRun.Value(Limits, expression, expression: true, scope);
    }

    /// <summary>Evaluates one JavaScript expression and tells whether its value is truthy (JavaScript rules: <c>0</c>, <c>''</c>, <c>null</c>, <c>undefined</c>, <c>NaN</c> and <c>false</c> are not).</summary>
    /// <param name="expression">The expression.</param>
    /// <param name="scope">The globals, as for <see cref="Evaluate"/>.</param>
    /// <returns>Whether the value is truthy.</returns>
    /// <exception cref="ScriptException">The expression is not valid, throws, or exceeds a limit.</exception>
    /// <exception cref="ArgumentException">A scope property uses a name the sandbox reserves.</exception>
    public bool IsTruthy(string expression, JsonObject scope)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        return ScriptRun.Truthy(Limits, expression, scope);
    }

    /// <summary>Runs a JavaScript program; its completion value (the value of the last statement executed, as the engine reports it) is the result.</summary>
    /// <param name="code">The program.</param>
    /// <param name="scope">The globals, as for <see cref="Evaluate"/>.</param>
    /// <returns>The completion value as JSON; <see langword="null"/> for <c>null</c> or <c>undefined</c>, and when the last statement executed has no value (a declaration).</returns>
    /// <exception cref="ScriptException">The program is not valid, throws, exceeds a limit, or its value is not JSON.</exception>
    /// <exception cref="ArgumentException">A scope property uses a name the sandbox reserves.</exception>
    public JsonNode? RunScript(string code, JsonObject scope)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(scope);
        return ScriptRun.Value(Limits, code, expression: false, scope);
    }
}
