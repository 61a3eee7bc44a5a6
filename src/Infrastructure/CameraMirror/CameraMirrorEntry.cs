namespace CameraMonitor.Infrastructure.CameraMirror;

/// <summary>One camera as the YAML file holds it (snake_case keys; times as round-trip UTC strings).</summary>
public sealed class CameraMirrorEntry
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Location { get; set; }
    public string? SourceUrl { get; set; }
    public bool Enabled { get; set; }
    public string? Status { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
}
