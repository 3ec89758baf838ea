namespace Cairn.Definitions.Validation;

/// <summary>A read of <c>steps.&lt;id&gt;</c> or <c>env.&lt;NAME&gt;</c> in an expression.</summary>
/// <param name="Root">The variable read: <c>steps</c> or <c>env</c>.</param>
/// <param name="Name">The step id or variable name.</param>
/// <param name="Member">For <c>steps</c>, the member read next (<c>output</c>, <c>status</c>), when there is one.</param>
internal sealed record Reference(string Root, string Name, string? Member);
