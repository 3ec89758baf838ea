namespace Cairn;

/// <summary>The root of every exception Cairn throws.</summary>
public abstract class CairnException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CairnException"/> class.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected CairnException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
