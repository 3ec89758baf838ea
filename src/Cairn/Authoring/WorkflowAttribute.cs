namespace Cairn;

/// <summary>Names a workflow class. Without it, the class name is the workflow name.</summary>
/// <remarks>
/// A workflow class has exactly one public method named <c>RunAsync</c> taking a <see cref="WorkflowContext"/> and,
/// optionally, one input parameter, and returning <see cref="Task"/> or <see cref="Task{TResult}"/>.
/// Instances are created per run with dependency injection.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WorkflowAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="WorkflowAttribute"/> class.</summary>
    /// <param name="name">The workflow name, or <see langword="null"/> for the class name.</param>
    public WorkflowAttribute(string? name = null) => Name = name;

    /// <summary>Gets the workflow name.</summary>
    public string? Name { get; }

    /// <summary>Gets or sets the workflow version.</summary>
    /// <value>Defaults to 1.</value>
    public int Version { get; set; } = 1;
}
