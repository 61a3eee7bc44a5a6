namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>A report query over a window of the cluster's evidence (query parameter window_minutes).</summary>
public interface IEvidenceWindowQuery
{
    double? WindowMinutes { get; }
}
