namespace Cairn.Cli.Execution;

/// <summary>Shows a run's progress while it is watched.</summary>
internal interface IRunDisplay
{
    /// <summary>Gets how often the run should be looked at.</summary>
    TimeSpan Interval { get; }

    /// <summary>Runs the watch, showing each look at the run.</summary>
    /// <param name="watch">The watch; it calls the given action with every look.</param>
    /// <returns>The watch's last look.</returns>
    Task<RunSnapshot> ShowAsync(Func<Action<RunSnapshot>, Task<RunSnapshot>> watch);
}
