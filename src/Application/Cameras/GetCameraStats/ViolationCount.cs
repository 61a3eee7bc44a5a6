namespace CameraMonitor.Application.Cameras.GetCameraStats;

/// <summary>How many violations of one type are in one status.</summary>
public sealed record ViolationCount(string ViolationType, string Status, long Count);
