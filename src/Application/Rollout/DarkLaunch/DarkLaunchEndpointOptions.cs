namespace CameraMonitor.Application.Rollout.DarkLaunch;

public sealed class DarkLaunchEndpointOptions
{
    /// <summary>Share (0–100 %) of the endpoint's commands also run on the other path and rolled back.</summary>
    public double SampleRate { get; set; }

    /// <summary>
    /// Response fields and row columns that legitimately differ: a name ("id": that field or column
    /// anywhere), a response path ("camera.updated_at") or a table column ("violations.detection_id").
    /// </summary>
    public List<string> IgnoredFields { get; set; } = [];
}
