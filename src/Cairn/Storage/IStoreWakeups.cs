namespace Cairn.Storage;

/// <summary>
/// A store that tells hosts when other processes made work runnable (a run created, released or due, a signal sent),
/// so idle hosts start it at once instead of at their next poll. Polling stays the fallback: a wakeup that is lost only
/// delays work.
/// </summary>
public interface IStoreWakeups
{
    /// <summary>Raised with the id of a run that may have work, or <see langword="null"/> when anything may (after the store reconnected and may have missed wakeups). Handlers must return quickly.</summary>
    event Action<string?>? Woken;
}
