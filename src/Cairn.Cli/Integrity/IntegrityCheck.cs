namespace Cairn.Cli.Integrity;

/// <summary>One check <c>cairn check</c> ran: its name, what it checks, how many items it looked at and how many problems it found.</summary>
/// <param name="Name">The name, as problems give it.</param>
/// <param name="Description">What it checks.</param>
/// <param name="Checked">How many items (runs, or the store) it looked at.</param>
/// <param name="Problems">How many problems it found.</param>
internal sealed record IntegrityCheck(string Name, string Description, int Checked, int Problems);
