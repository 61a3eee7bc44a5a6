using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Detections;
using FluentValidation;

namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

/// <summary>
/// Checks every item; failures are named like items[3].violations[0].confidence. The batch is one FluentValidation
/// rule, and its items are checked by <see cref="ItemChecks"/> in one loop: FluentValidation's child validators
/// (RuleForEach + SetValidator) built a validation context, a property chain and a rule pass per record, object and
/// violation, which was 40 % of the API's CPU on a 1,000-record batch (dotnet-trace, docs/performance.md).
/// </summary>
public sealed class IngestDetectionRecordsValidator : AbstractValidator<IngestDetectionRecordsCommand>
{
    public IngestDetectionRecordsValidator()
    {
        RuleFor(c => c.Items).NotNull().Must(items => items.Count is >= 1 and <= IngestDetectionRecordsCommand.MaxItems)
            .WithMessage($"a batch must hold 1 to {IngestDetectionRecordsCommand.MaxItems} records.");
        RuleFor(c => c.Items).Custom((items, context) =>
        {
            for (var i = 0; items is not null && i < items.Count; i++)
            {
                ItemChecks.Record(items[i], i, context.AddFailure);
            }
        });
    }

    /// <summary>
    /// The rules of one record, its objects and its violations, in the order they are reported. Field names are only
    /// spelled out for a failure: a valid batch builds no strings.
    /// </summary>
    private static class ItemChecks
    {
        // PostgreSQL text and jsonb cannot hold U+0000; refusing it here keeps it a 400 instead of a failed COPY.
        private const string NulMessage = "the text must not contain the NUL character (\\u0000).";

        public static void Record(DetectionRecordInput? record, int i, Action<string, string> fail)
        {
            if (record is null)
            {
                fail($"Items[{i}]", "a record must be an object.");
                return;
            }

            if (!CameraId.IsValid(record.CameraId))
            {
                fail($"Items[{i}].CameraId", $"camera_id must match {CameraId.Pattern}.");
            }

            CheckDetectedAt(record.DetectedAt, i, fail);
            if (record.PersonCount < 0)
            {
                fail($"Items[{i}].PersonCount", "person_count must be >= 0.");
            }

            if (!DetectionRules.IsProcessingMs(record.ProcessingMs))
            {
                fail($"Items[{i}].ProcessingMs", $"processing_ms must be a number from 0 to {DetectionRules.MaxProcessingMs:0}.");
            }

            if (record.Objects is { Count: > IngestDetectionRecordsCommand.MaxObjectsPerItem })
            {
                fail($"Items[{i}].Objects", $"objects must hold at most {IngestDetectionRecordsCommand.MaxObjectsPerItem} entries.");
            }

            for (var j = 0; record.Objects is not null && j < record.Objects.Count; j++)
            {
                Object(record.Objects[j], i, j, fail);
            }

            if (record.Violations is { Count: > IngestDetectionRecordsCommand.MaxViolationsPerItem })
            {
                fail($"Items[{i}].Violations", $"violations must hold at most {IngestDetectionRecordsCommand.MaxViolationsPerItem} entries.");
            }

            for (var j = 0; record.Violations is not null && j < record.Violations.Count; j++)
            {
                Violation(record.Violations[j], i, j, fail);
            }
        }

        private static void CheckDetectedAt(DateTime? detectedAt, int i, Action<string, string> fail)
        {
            var problem = detectedAt switch
            {
                null => "detected_at is required.",
                { Kind: DateTimeKind.Unspecified } => "detected_at must be ISO-8601 with a time zone (e.g. 2026-11-20T12:00:00Z).",
                { } at when !DetectionRules.IsDetectionTime(new DateTimeOffset(at.ToUniversalTime())) =>
                    "detected_at must be from 1970 up to 2100.",
                _ => null,
            };
            if (problem is not null)
            {
                fail($"Items[{i}].DetectedAt", problem);
            }
        }

        private static void Object(DetectedObjectInput? detected, int i, int j, Action<string, string> fail)
        {
            if (detected is null)
            {
                fail($"Items[{i}].Objects[{j}]", "an object must be an object.");
                return;
            }

            if (string.IsNullOrWhiteSpace(detected.Class) || detected.Class.Length > DetectedObject.MaxClassLength)
            {
                fail($"Items[{i}].Objects[{j}].Class", $"class must be 1 to {DetectedObject.MaxClassLength} characters.");
            }

            if (!DetectionRules.IsStorableText(detected.Class))
            {
                fail($"Items[{i}].Objects[{j}].Class", NulMessage);
            }

            if (!DetectionRules.IsConfidence(detected.Confidence))
            {
                fail($"Items[{i}].Objects[{j}].Confidence", "confidence must be between 0 and 1.");
            }

            if (detected.Bbox is not { Count: 4 } b || !b.All(double.IsFinite) || b[0] > b[2] || b[1] > b[3])
            {
                fail($"Items[{i}].Objects[{j}].Bbox", "bbox must be [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2.");
            }
        }

        private static void Violation(ViolationInput? violation, int i, int j, Action<string, string> fail)
        {
            if (violation is null)
            {
                fail($"Items[{i}].Violations[{j}]", "a violation must be an object.");
                return;
            }

            if (!DetectionRules.IsViolationType(violation.ViolationType))
            {
                fail($"Items[{i}].Violations[{j}].ViolationType", $"violation_type must match {DetectionRules.ViolationTypePattern}.");
            }

            if (!DetectionRules.IsConfidence(violation.Confidence))
            {
                fail($"Items[{i}].Violations[{j}].Confidence", "confidence must be between 0 and 1.");
            }

            if (violation.SnapshotPath is { Length: > DetectionRules.MaxSnapshotPathLength })
            {
                fail($"Items[{i}].Violations[{j}].SnapshotPath", $"snapshot_path must be at most {DetectionRules.MaxSnapshotPathLength} characters.");
            }

            if (!DetectionRules.IsStorableText(violation.SnapshotPath))
            {
                fail($"Items[{i}].Violations[{j}].SnapshotPath", NulMessage);
            }
        }
    }
}
