namespace Cairn.Storage;

/// <summary>Asks the store for runnable runs and takes them for one owner.</summary>
/// <param name="Owner">The claiming host's id.</param>
/// <param name="Now">The current time: suspended runs whose wake time is not later are runnable; expired leases are free.</param>
/// <param name="LeaseUntil">The lease end to set on claimed runs.</param>
/// <param name="Limit">The most runs to take.</param>
/// <param name="Workflows">Only runs of these workflows (the ones the host can execute).</param>
public sealed record ClaimRequest(string Owner, DateTimeOffset Now, DateTimeOffset LeaseUntil, int Limit, IReadOnlyCollection<string> Workflows);
