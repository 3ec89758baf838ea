namespace Cairn.Definitions;

/// <summary>A definition failed while running: a <c>fail</c> step, an expression that could not be evaluated, a loop past its limit.</summary>
public sealed class DefinitionRunException : CairnException
{
    /// <summary>Initializes a new instance of the <see cref="DefinitionRunException"/> class.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DefinitionRunException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
