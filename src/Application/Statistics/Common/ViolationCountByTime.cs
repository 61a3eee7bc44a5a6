namespace CameraMonitor.Application.Statistics.Common;

/// <summary>Violations of one type in one time bucket (an hour or a UTC day).</summary>
public sealed record ViolationCountByTime(DateTime Bucket, string ViolationType, long ViolationCount);
