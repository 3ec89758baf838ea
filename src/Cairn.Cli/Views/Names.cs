using Cairn.Journal;
using Cairn.Storage;

namespace Cairn.Cli.Views;

/// <summary>The lower-case names statuses and kinds have in JSON and text.</summary>
internal static class Names
{
    public static string Of(RunStatus status) => status.ToWireName();

    public static string Of(StepStatus status) => status switch
    {
        StepStatus.Pending => "pending",
        StepStatus.Running => "running",
        StepStatus.Completed => "completed",
        StepStatus.Failed => "failed",
        StepStatus.Skipped => "skipped",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(WaitKind kind) => kind switch
    {
        WaitKind.Timer => "timer",
        WaitKind.Event => "event",
        WaitKind.Question => "question",
        WaitKind.Child => "child",
        WaitKind.Park => "park",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Of(QuestionKind kind) => kind switch
    {
        QuestionKind.Text => "text",
        QuestionKind.Approval => "approval",
        QuestionKind.Choice => "choice",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>A journal entry kind in camelCase, for example <c>stepCompleted</c>.</summary>
    public static string Of(JournalEntryKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Parses a run status given on the command line.</summary>
    public static RunStatus? ParseRunStatus(string text) =>
        Enum.GetValues<RunStatus>().Select(s => (RunStatus?)s).FirstOrDefault(s => string.Equals(s!.Value.ToWireName(), text.Trim(), StringComparison.OrdinalIgnoreCase));
}
