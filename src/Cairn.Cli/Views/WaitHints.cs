using System.Globalization;
using Cairn.Storage;

namespace Cairn.Cli.Views;

/// <summary>Says what a waiting run waits for and which command moves it on.</summary>
internal static class WaitHints
{
    /// <summary>One line per wait, each with the command to run.</summary>
    public static IEnumerable<string> Describe(string runId, IReadOnlyList<WaitInfo> waits, DateTimeOffset now)
    {
        foreach (var wait in waits)
        {
            yield return wait.Kind switch
            {
                WaitKind.Question when wait.Question is { } q => Question(runId, q),
                WaitKind.Event => $"It waits for event '{wait.Name}'{TimeOut(wait, now)}: cairn signal {runId} {wait.Name} [--data JSON]",
                WaitKind.Timer when wait.Name.StartsWith("retry:", StringComparison.Ordinal) && wait.DueAt is { } retry =>
                    $"Its step at position {wait.Position} is tried again at {retry.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} (in {Durations.Format(retry - now)}): a cairn worker running then continues it.",
                WaitKind.Timer => wait.DueAt is { } due
                    ? $"It sleeps until {due.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} (in {Durations.Format(due - now)}): a cairn worker running then finishes it."
                    : "It sleeps on a timer: a cairn worker finishes it when the timer is due.",
                WaitKind.Child => $"It waits for child run {wait.Name}: see cairn runs --status suspended.",
                WaitKind.Park => Park(runId, wait, now),
                _ => $"It waits for {wait.Name}.",
            };
        }
    }

    /// <summary>What to do next with a run that stopped in this process without finishing.</summary>
    public static IEnumerable<string> ForStopped(string runId, RunStatus status, IReadOnlyList<WaitInfo> waits, DateTimeOffset now)
    {
        if (status == RunStatus.Paused)
        {
            yield return $"Run {runId} is paused: cairn resume {runId} continues it.";
            yield break;
        }

        yield return $"Run {runId} is {Names.Of(status)}.";
        foreach (var line in Describe(runId, waits, now))
        {
            yield return line;
        }

        if (waits.Any(w => w.Kind is WaitKind.Question or WaitKind.Event))
        {
            yield return $"Then cairn resume {runId} (or a running cairn worker) continues it.";
        }
    }

    private static string Question(string runId, Question question)
    {
        var answer = question.Kind switch
        {
            QuestionKind.Approval => "yes|no",
            QuestionKind.Choice => string.Join('|', (question.Options ?? []).Select(o => o.Id)),
            _ => "\"TEXT\"",
        };
        var options = question.Kind == QuestionKind.Choice && question.Options is { Count: > 0 } list
            ? " (options: " + string.Join(", ", list.Select(o => $"{o.Id} = {o.Label}")) + ")"
            : string.Empty;
        return $"It asks \"{question.Prompt}\"{options}: cairn answer {runId} {answer} --question {question.Id}";
    }

    private static string Park(string runId, WaitInfo wait, DateTimeOffset now)
    {
        if (wait.Failure is null && wait.DueAt is { } due)
        {
            return $"Its step '{wait.Step}' is parked while its circuit breaker ({wait.Name}) is open; it tries again in {Durations.Format(due - now)}: a cairn worker running then continues it.";
        }

        var why = wait.Failure is { } failure ? $" after {failure.Type}: {failure.Message}" : string.Empty;
        return $"Its step '{wait.Step}' is parked{why}: cairn resolve {runId} --retry | --skip --value JSON | --fail";
    }

    private static string TimeOut(WaitInfo wait, DateTimeOffset now) =>
        wait.DueAt is { } due ? $" (times out in {Durations.Format(due - now)})" : string.Empty;
}
