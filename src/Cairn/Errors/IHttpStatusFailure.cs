namespace Cairn;

/// <summary>A failure that carries the status an HTTP service answered; retry filters (<see cref="RetryPolicy.RetryOnStatusCodes"/>) read it.</summary>
public interface IHttpStatusFailure
{
    /// <summary>Gets the HTTP status received.</summary>
    int StatusCode { get; }
}
