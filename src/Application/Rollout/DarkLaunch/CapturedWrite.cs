namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>One row event seen by a capture trigger.</summary>
/// <param name="Sequence">Order of the event within its transaction.</param>
/// <param name="Operation">insert, update or delete.</param>
/// <param name="KeyJson">The row's primary-key columns as a JSON object ("{}" when the table has none declared).</param>
/// <param name="RowJson">The whole row (NEW, or OLD for a delete) as a JSON object with the column names.</param>
public sealed record CapturedWrite(long Sequence, string Table, string Operation, string KeyJson, string RowJson);
