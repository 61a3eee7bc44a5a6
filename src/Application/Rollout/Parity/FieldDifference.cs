namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>One field whose value differs between two responses.</summary>
/// <param name="Path">Where, with array positions (cameras[2].name).</param>
/// <param name="Field">The field whatever the position (cameras[*].name): what noise and ignore rules key on.</param>
/// <param name="Left">The value on the domain side (JSON text; null when absent).</param>
/// <param name="Right">The value on the legacy side.</param>
public sealed record FieldDifference(string Path, string Field, string? Left, string? Right);
