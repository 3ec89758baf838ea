namespace Cairn;

/// <summary>What changed between two checkpoints of a run.</summary>
/// <param name="From">The first checkpoint number.</param>
/// <param name="To">The second checkpoint number.</param>
/// <param name="State">The state keys whose values differ, by key.</param>
/// <param name="Steps">The steps recorded after the first checkpoint and up to the second (when the second comes later), in journal order.</param>
public sealed record CheckpointDiff(int From, int To, IReadOnlyList<StateDifference> State, IReadOnlyList<CheckpointStep> Steps);
