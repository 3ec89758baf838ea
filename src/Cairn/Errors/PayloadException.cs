namespace Cairn;

/// <summary>A value cannot be stored: it cannot be serialized to JSON, or it is larger than the configured limit. Nothing was written.</summary>
public sealed class PayloadException : CairnException
{
    internal PayloadException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
