namespace Cairn.Storage;

/// <summary>Where a durable state key lives and who shares it.</summary>
public enum StateScope
{
    /// <summary>Private to one run; kept in the run's journal.</summary>
    Run = 0,

    /// <summary>Shared by every run of one session id.</summary>
    Session = 1,

    /// <summary>Shared by every run of one user id.</summary>
    User = 2,
}
