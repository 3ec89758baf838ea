namespace Cairn.Storage;

/// <summary>One problem an integrity check found in a store.</summary>
/// <param name="Check">The check that found it, for example <c>journal</c> or <c>sqlite-integrity</c>.</param>
/// <param name="RunId">The run it concerns, or <see langword="null"/> for the store as a whole.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Fix">How to repair it, or <see langword="null"/> when there is no known way.</param>
public sealed record IntegrityProblem(string Check, string? RunId, string Problem, string? Fix);
