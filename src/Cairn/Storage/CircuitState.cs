namespace Cairn.Storage;

/// <summary>The state of a circuit breaker.</summary>
/// <remarks>Values are stored as integers; never renumber them.</remarks>
public enum CircuitState
{
    /// <summary>Attempts go through; failures in a row are counted.</summary>
    Closed = 0,

    /// <summary>Attempts are held back (their steps parked) until the break ends.</summary>
    Open = 1,

    /// <summary>A few trial attempts go through: a success closes the breaker, a failure opens it again.</summary>
    HalfOpen = 2,
}
