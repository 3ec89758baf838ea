namespace Cairn.Definitions;

/// <summary>A definition is not valid; <see cref="Errors"/> lists every problem found, each with file, line and column.</summary>
public sealed class DefinitionException : CairnException
{
    /// <summary>Initializes a new instance of the <see cref="DefinitionException"/> class.</summary>
    /// <param name="errors">The problems, at least one.</param>
    public DefinitionException(IReadOnlyList<DefinitionError> errors)
        : base(Format(errors)) => Errors = errors;

    /// <summary>Gets every problem found, in document order.</summary>
    public IReadOnlyList<DefinitionError> Errors { get; }

    private static string Format(IReadOnlyList<DefinitionError> errors) =>
        errors.Count == 1
            ? errors[0].ToString()
            : $"{errors.Count} problems in the definition:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
}
