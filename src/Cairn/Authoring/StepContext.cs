using System.Globalization;

namespace Cairn;

/// <summary>What a step's body knows about the call it serves.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Position">The step's position in the workflow.</param>
/// <param name="StepName">The step's name.</param>
/// <param name="Attempt">The attempt number, from 1.</param>
/// <param name="CancellationToken">Cancelled when the run is cancelled or the step times out.</param>
public sealed record StepContext(string RunId, string Position, string StepName, int Attempt, CancellationToken CancellationToken)
{
    /// <summary>Gets a key that is the same for every attempt of this step in this run, and different for any other step:
    /// pass it to outside services (payments, e-mail) so a repeated attempt is recognised and not done twice.</summary>
    public string IdempotencyKey => string.Create(CultureInfo.InvariantCulture, $"{RunId}:{Position}");
}
