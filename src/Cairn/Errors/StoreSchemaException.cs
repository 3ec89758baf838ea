namespace Cairn;

/// <summary>A store cannot be opened: it is not a Cairn store, it is damaged, or its schema is newer than this version of Cairn.</summary>
/// <remarks>The store is left exactly as it was.</remarks>
public sealed class StoreSchemaException : CairnException
{
    /// <summary>Initializes a new instance of the <see cref="StoreSchemaException"/> class.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The driver's error, if any.</param>
    public StoreSchemaException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
