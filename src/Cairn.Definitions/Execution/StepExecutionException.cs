namespace Cairn.Definitions;

/// <summary>A step could not do its work: its program could not be started, its request could not be sent, or its answer could not be read.</summary>
public sealed class StepExecutionException : CairnException
{
    /// <summary>Initializes a new instance of the <see cref="StepExecutionException"/> class.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public StepExecutionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
