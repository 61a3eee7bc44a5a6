namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>What a rolled-back run answered and the rows it would have written.</summary>
public sealed record CapturedRun<T>(T Result, IReadOnlyList<CapturedWrite> Writes);
