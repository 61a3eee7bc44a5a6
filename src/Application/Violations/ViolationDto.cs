using System.Text.Json.Serialization;
using CameraMonitor.Application.Common.Concurrency;
using CameraMonitor.Domain.Violations;

namespace CameraMonitor.Application.Violations;

/// <summary>
/// A violation as the API shows it (snake_case on the wire, times in UTC). Version is not in the body: it is the ETag of
/// a single-violation GET.
/// </summary>
public sealed record ViolationDto(
    long Id,
    string CameraId,
    long? DetectionId,
    string ViolationType,
    double Confidence,
    string? SnapshotPath,
    string Status,
    DateTime DetectedAt,
    DateTime? HandledAt,
    string? HandledBy,
    string? Notes,
    [property: JsonIgnore] int Version) : IVersionedRepresentation
{
    long IVersionedRepresentation.Version => Version;

    public static ViolationDto FromDomain(Violation violation) => new(
        violation.Id,
        violation.CameraId,
        violation.DetectionId,
        violation.ViolationType,
        violation.Confidence,
        violation.SnapshotPath,
        violation.Status.ToName(),
        violation.DetectedAt.UtcDateTime,
        violation.HandledAt?.UtcDateTime,
        violation.HandledBy,
        violation.Notes,
        violation.Version);
}
