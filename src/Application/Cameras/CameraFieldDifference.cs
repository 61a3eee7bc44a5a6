namespace CameraMonitor.Application.Cameras;

/// <summary>One field of one camera that the file and the table disagree on (values as written in the file).</summary>
public sealed record CameraFieldDifference(string CameraId, string Field, string? Database, string? File);
