namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>One instance's part of a window of evidence, and whether it is still reporting.</summary>
/// <param name="InstanceId">The stable id the instance publishes its slices under.</param>
/// <param name="LastReportAt">When it last published a slice (of any endpoint); null if never.</param>
/// <param name="Silent">True when it has not published for longer than the silence limit: its absence is not health.</param>
/// <param name="Requests">Its attempts on the endpoint in the window, all paths and groups.</param>
/// <param name="Failures">Of those, the failed ones.</param>
/// <param name="DroppedSlices">Slice rows it dropped since it started because the database was unreachable too long.</param>
public sealed record InstanceEvidence(string InstanceId, DateTime? LastReportAt, bool Silent, long Requests, long Failures,
    long DroppedSlices = 0);
