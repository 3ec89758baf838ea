namespace Cairn;

/// <summary>How far a run has come: steps done out of steps known, with each step's status.</summary>
/// <param name="Done">Steps completed, failed or skipped.</param>
/// <param name="Total">Steps known: seen so far, or the total the workflow reported if larger.</param>
/// <param name="Steps">Every step seen, in position order of first appearance.</param>
/// <param name="Message">The last progress message the workflow reported.</param>
public sealed record RunProgress(int Done, int Total, IReadOnlyList<StepProgress> Steps, string? Message)
{
    /// <summary>Gets the percentage done (0–100).</summary>
    public double Percent => Total == 0 ? 0 : Math.Round(100.0 * Done / Total, 1);
}
