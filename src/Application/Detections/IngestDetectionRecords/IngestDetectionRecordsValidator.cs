using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Detections;
using FluentValidation;

namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

/// <summary>Checks every item; failures are named like items[3].violations[0].confidence.</summary>
public sealed class IngestDetectionRecordsValidator : AbstractValidator<IngestDetectionRecordsCommand>
{
    // PostgreSQL text and jsonb cannot hold U+0000; refusing it here keeps it a 400 instead of a failed COPY.
    private const string NulMessage = "the text must not contain the NUL character (\\u0000).";

    public IngestDetectionRecordsValidator()
    {
        RuleFor(c => c.Items).NotNull().Must(items => items.Count is >= 1 and <= IngestDetectionRecordsCommand.MaxItems)
            .WithMessage($"a batch must hold 1 to {IngestDetectionRecordsCommand.MaxItems} records.");
        RuleForEach(c => c.Items).NotNull().WithMessage("a record must be an object.")
            .SetValidator(new RecordValidator());
    }

    private sealed class RecordValidator : AbstractValidator<DetectionRecordInput>
    {
        public RecordValidator()
        {
            RuleFor(r => r.CameraId).Must(CameraId.IsValid).WithMessage($"camera_id must match {CameraId.Pattern}.");
            RuleFor(r => r.DetectedAt).NotNull().WithMessage("detected_at is required.")
                .Must(at => at is null || at.Value.Kind != DateTimeKind.Unspecified)
                .WithMessage("detected_at must be ISO-8601 with a time zone (e.g. 2026-11-20T12:00:00Z).");
            RuleFor(r => r.DetectedAt)
                .Must(at => at is null || at.Value.Kind == DateTimeKind.Unspecified
                    || DetectionRules.IsDetectionTime(new DateTimeOffset(at.Value.ToUniversalTime())))
                .WithMessage("detected_at must be from 1970 up to 2100.");
            RuleFor(r => r.PersonCount).GreaterThanOrEqualTo(0).WithMessage("person_count must be >= 0.");
            RuleFor(r => r.ProcessingMs).Must(DetectionRules.IsProcessingMs)
                .WithMessage($"processing_ms must be a number from 0 to {DetectionRules.MaxProcessingMs:0}.");
            RuleFor(r => r.Objects).Must(o => o is null || o.Count <= IngestDetectionRecordsCommand.MaxObjectsPerItem)
                .WithMessage($"objects must hold at most {IngestDetectionRecordsCommand.MaxObjectsPerItem} entries.");
            RuleForEach(r => r.Objects).NotNull().WithMessage("an object must be an object.").SetValidator(new ObjectValidator());
            RuleFor(r => r.Violations).Must(v => v is null || v.Count <= IngestDetectionRecordsCommand.MaxViolationsPerItem)
                .WithMessage($"violations must hold at most {IngestDetectionRecordsCommand.MaxViolationsPerItem} entries.");
            RuleForEach(r => r.Violations).NotNull().WithMessage("a violation must be an object.")
                .SetValidator(new ViolationValidator());
        }
    }

    private sealed class ObjectValidator : AbstractValidator<DetectedObjectInput>
    {
        public ObjectValidator()
        {
            RuleFor(o => o.Class).Must(c => !string.IsNullOrWhiteSpace(c) && c.Length <= DetectedObject.MaxClassLength)
                .WithMessage($"class must be 1 to {DetectedObject.MaxClassLength} characters.")
                .Must(DetectionRules.IsStorableText).WithMessage(NulMessage);
            RuleFor(o => o.Confidence).Must(DetectionRules.IsConfidence).WithMessage("confidence must be between 0 and 1.");
            RuleFor(o => o.Bbox)
                .Must(b => b is { Count: 4 } && b.All(double.IsFinite) && b[0] <= b[2] && b[1] <= b[3])
                .WithMessage("bbox must be [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2.");
        }
    }

    private sealed class ViolationValidator : AbstractValidator<ViolationInput>
    {
        public ViolationValidator()
        {
            RuleFor(v => v.ViolationType).Must(DetectionRules.IsViolationType)
                .WithMessage($"violation_type must match {DetectionRules.ViolationTypePattern}.");
            RuleFor(v => v.Confidence).Must(DetectionRules.IsConfidence).WithMessage("confidence must be between 0 and 1.");
            RuleFor(v => v.SnapshotPath).Must(p => p is null || p.Length <= DetectionRules.MaxSnapshotPathLength)
                .WithMessage($"snapshot_path must be at most {DetectionRules.MaxSnapshotPathLength} characters.")
                .Must(DetectionRules.IsStorableText).WithMessage(NulMessage);
        }
    }
}
