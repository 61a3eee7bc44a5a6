using CameraMonitor.Application.Detections.IngestDetectionRecords;

namespace CameraMonitor.Application.UnitTests.Detections;

/// <summary>Every rule of an ingested record, by the field it names and the message it gives.</summary>
public sealed class IngestDetectionRecordsValidatorTests
{
    private static readonly DateTime At = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DetectedObjectInput Person = new("person", 0.9, [0, 0, 10, 10]);
    private static readonly ViolationInput NoMask = new("no_mask", 0.8, "snap/1.jpg");
    private static readonly DetectionRecordInput Valid = new("cam1", At, 2, [Person], 12.5, [NoMask]);

    public static TheoryData<DetectionRecordInput?, string, string> BrokenRecords => new()
    {
        { null, "Items[1]", "a record must be an object." },
        { Valid with { CameraId = "Cam 1" }, "Items[1].CameraId", "camera_id must match ^[a-z0-9][a-z0-9_-]{0,63}$." },
        { Valid with { DetectedAt = null }, "Items[1].DetectedAt", "detected_at is required." },
        { Valid with { DetectedAt = new DateTime(2026, 11, 20) }, "Items[1].DetectedAt", "detected_at must be ISO-8601 with a time zone (e.g. 2026-11-20T12:00:00Z)." },
        { Valid with { DetectedAt = new DateTime(1969, 12, 31, 0, 0, 0, DateTimeKind.Utc) }, "Items[1].DetectedAt", "detected_at must be from 1970 up to 2100." },
        { Valid with { PersonCount = -1 }, "Items[1].PersonCount", "person_count must be >= 0." },
        { Valid with { ProcessingMs = double.NaN }, "Items[1].ProcessingMs", "processing_ms must be a number from 0 to 86400000." },
        { Valid with { Objects = Enumerable.Repeat(Person, 1001).ToList() }, "Items[1].Objects", "objects must hold at most 1000 entries." },
        { Valid with { Objects = [Person, null!] }, "Items[1].Objects[1]", "an object must be an object." },
        { Valid with { Objects = [Person with { Class = " " }] }, "Items[1].Objects[0].Class", "class must be 1 to 64 characters." },
        { Valid with { Objects = [Person with { Class = "p\0" }] }, "Items[1].Objects[0].Class", "the text must not contain the NUL character (\\u0000)." },
        { Valid with { Objects = [Person with { Confidence = 1.5 }] }, "Items[1].Objects[0].Confidence", "confidence must be between 0 and 1." },
        { Valid with { Objects = [Person with { Bbox = [5, 0, 1, 1] }] }, "Items[1].Objects[0].Bbox", "bbox must be [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2." },
        { Valid with { Objects = [Person with { Bbox = [0, 0, 1] }] }, "Items[1].Objects[0].Bbox", "bbox must be [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2." },
        { Valid with { Violations = Enumerable.Repeat(NoMask, 101).ToList() }, "Items[1].Violations", "violations must hold at most 100 entries." },
        { Valid with { Violations = [null!] }, "Items[1].Violations[0]", "a violation must be an object." },
        { Valid with { Violations = [NoMask with { ViolationType = "No-Mask" }] }, "Items[1].Violations[0].ViolationType", "violation_type must match ^[a-z][a-z0-9_]{0,63}$." },
        { Valid with { Violations = [NoMask, NoMask with { Confidence = -0.1 }] }, "Items[1].Violations[1].Confidence", "confidence must be between 0 and 1." },
        { Valid with { Violations = [NoMask with { SnapshotPath = new string('s', 1025) }] }, "Items[1].Violations[0].SnapshotPath", "snapshot_path must be at most 1024 characters." },
        { Valid with { Violations = [NoMask with { SnapshotPath = "a\0b" }] }, "Items[1].Violations[0].SnapshotPath", "the text must not contain the NUL character (\\u0000)." },
    };

    [Theory]
    [MemberData(nameof(BrokenRecords))]
    public void Validate_WithOneBrokenRule_NamesItsFieldWithItsMessage(DetectionRecordInput? broken, string field, string message)
    {
        var result = new IngestDetectionRecordsValidator().Validate(new IngestDetectionRecordsCommand([Valid, broken!]));

        var failure = Assert.Single(result.Errors);
        Assert.Equal((field, message), (failure.PropertyName, failure.ErrorMessage));
    }

    [Fact]
    public void Validate_WithSeveralBrokenRules_ReportsEachInRecordOrder()
    {
        var broken = Valid with { CameraId = null, PersonCount = -2, Objects = [Person with { Class = new string('\0', 65) }] };

        var result = new IngestDetectionRecordsValidator().Validate(new IngestDetectionRecordsCommand([broken, Valid, broken]));

        Assert.Equal(
            ["Items[0].CameraId", "Items[0].PersonCount", "Items[0].Objects[0].Class", "Items[0].Objects[0].Class",
             "Items[2].CameraId", "Items[2].PersonCount", "Items[2].Objects[0].Class", "Items[2].Objects[0].Class"],
            result.Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void Validate_AValidBatch_HasNoFailure() =>
        Assert.True(new IngestDetectionRecordsValidator().Validate(new IngestDetectionRecordsCommand([Valid, Valid])).IsValid);
}
