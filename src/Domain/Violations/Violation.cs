using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Violations;

/// <summary>
/// A detected violation and its review. It owns the review state machine (<see cref="ViolationTransitions"/>)
/// and remembers the version it was read at, so the repository can refuse a write that lost a race.
/// </summary>
public sealed class Violation : IAggregateRoot
{
    public const int MaxNotesLength = 2000;
    public const int MaxHandledByLength = 200;

    private readonly List<ViolationStatusChanged> _events = [];

    private Violation(long id, string cameraId, long? detectionId, string violationType, double confidence,
        string? snapshotPath, ViolationStatus status, DateTimeOffset detectedAt, DateTimeOffset? handledAt,
        string? handledBy, string? notes, int version)
    {
        Id = id;
        CameraId = cameraId;
        DetectionId = detectionId;
        ViolationType = violationType;
        Confidence = confidence;
        SnapshotPath = snapshotPath;
        Status = status;
        DetectedAt = detectedAt;
        HandledAt = handledAt;
        HandledBy = handledBy;
        Notes = notes;
        Version = version;
    }

    public long Id { get; }
    public string CameraId { get; }
    public long? DetectionId { get; }
    public string ViolationType { get; }
    public double Confidence { get; }
    public string? SnapshotPath { get; }
    public ViolationStatus Status { get; private set; }
    public DateTimeOffset DetectedAt { get; }
    public DateTimeOffset? HandledAt { get; private set; }
    public string? HandledBy { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>The version the aggregate was read at; the write must find the row still at it.</summary>
    public int Version { get; }

    public IReadOnlyList<ViolationStatusChanged> Events => _events;

    public static Violation Rehydrate(long id, string cameraId, long? detectionId, string violationType,
        double confidence, string? snapshotPath, ViolationStatus status, DateTimeOffset detectedAt,
        DateTimeOffset? handledAt, string? handledBy, string? notes, int version) =>
        new(id, cameraId, detectionId, violationType, confidence, snapshotPath, status, detectedAt, handledAt,
            handledBy, notes, version);

    /// <summary>
    /// Reviews the violation: checks the transition, then records when, by whom and why. A null
    /// <paramref name="handledBy"/> or <paramref name="notes"/> keeps the previous value, so re-sending the same
    /// status with new notes only changes the notes (the one change a resolved violation still accepts).
    /// </summary>
    public void ChangeStatus(ViolationStatus to, string? notes, string? handledBy, TimeProvider clock)
    {
        ViolationTransitions.EnsureAllowed(Status, to);
        var checkedNotes = Check(notes, MaxNotesLength, "notes");
        var checkedHandledBy = Check(handledBy, MaxHandledByLength, "handled_by");

        var now = clock.UtcNowForStorage();
        if (to != Status)
        {
            _events.Add(new ViolationStatusChanged(Id, Status, to, now));
        }

        Status = to;
        HandledAt = now;
        HandledBy = checkedHandledBy ?? HandledBy;
        Notes = checkedNotes ?? Notes;
    }

    private static string? Check(string? value, int maxLength, string field) =>
        value is null || value.Length <= maxLength
            ? value
            : throw new DomainException(field, $"{field} must be at most {maxLength} characters.");
}
