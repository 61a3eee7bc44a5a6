using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Detections;
using CameraMonitor.Domain.Violations;

namespace CameraMonitor.Domain.UnitTests.Detections;

public sealed class DetectionRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("person_count", -1, 0.0, 0)]
    [InlineData("processing_ms", 0, -0.1, 0)]
    [InlineData("processing_ms", 0, double.PositiveInfinity, 0)]
    [InlineData("processing_ms", 0, 86_400_001.0, 0)]
    [InlineData("detected_at", 0, 0.0, 2)]
    public void Record_WhenAnInvariantIsBroken_RejectsNamingTheField(string field, int personCount, double processingMs,
        int offsetHours)
    {
        var error = Assert.Throws<DomainException>(() => DetectionRecord.Record(CameraId.From("cam0"),
            new DateTimeOffset(At.DateTime, TimeSpan.FromHours(offsetHours)), personCount, [], processingMs, []));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("1969-12-31T23:59:59Z", false)]
    [InlineData("1970-01-01T00:00:00Z", true)]
    [InlineData("2099-12-31T23:59:59Z", true)]
    [InlineData("2100-01-01T00:00:00Z", false)]
    public void Record_AcceptsDetectionTimesFrom1970UpTo2100(string at, bool accepted)
    {
        var time = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        var record = () => DetectionRecord.Record(CameraId.From("cam0"), time, 0, [], 0, []);

        if (accepted)
        {
            Assert.Equal(time, record().DetectedAt);
        }
        else
        {
            Assert.Equal("detected_at", Assert.Throws<DomainException>(record).Field);
        }
    }

    [Fact]
    public void Record_CountsItsViolationsAndStartsThemPending()
    {
        var record = DetectionRecord.Record(CameraId.From("cam0"), At, 2,
            [DetectedObject.Create("person", 0.9, [1, 2, 3, 4])], 12.5,
            [DetectedViolation.Create("no_mask", 0.8, "s.jpg"), DetectedViolation.Create("no_gloves", 0.7, null)]);

        Assert.Equal(2, record.ViolationCount);
        Assert.All(record.Violations, v => Assert.Equal(ViolationStatus.Pending, v.Status));
        Assert.Equal(0, record.Id);
    }

    [Fact]
    public void Rehydrate_WhenViolationCountIsNegative_Rejects() =>
        Assert.Equal("violation_count", Assert.Throws<DomainException>(() =>
            DetectionRecord.Rehydrate(1, CameraId.From("cam0"), At, 0, [], 0, -1)).Field);

    public static TheoryData<string, string?, double, double[]?> BrokenObjects => new()
    {
        { "class", "", 0.5, new double[] { 0, 0, 1, 1 } },
        { "class", new string('c', 65), 0.5, new double[] { 0, 0, 1, 1 } },
        { "class", "per\0son", 0.5, new double[] { 0, 0, 1, 1 } },
        { "confidence", "person", -0.01, new double[] { 0, 0, 1, 1 } },
        { "confidence", "person", 1.01, new double[] { 0, 0, 1, 1 } },
        { "confidence", "person", double.NaN, new double[] { 0, 0, 1, 1 } },
        { "bbox", "person", 0.5, null },
        { "bbox", "person", 0.5, new double[] { 0, 0, 1 } },
        { "bbox", "person", 0.5, new double[] { 2, 0, 1, 1 } },
        { "bbox", "person", 0.5, new double[] { 0, 2, 1, 1 } },
        { "bbox", "person", 0.5, new double[] { 0, 0, double.NaN, 1 } },
    };

    [Theory]
    [MemberData(nameof(BrokenObjects))]
    public void DetectedObject_WhenAnInvariantIsBroken_RejectsNamingTheField(string field, string? @class,
        double confidence, double[]? bbox) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() => DetectedObject.Create(@class, confidence, bbox)).Field);

    public static TheoryData<string, string?, double, string?> BrokenViolations => new()
    {
        { "violation_type", null, 0.5, null },
        { "violation_type", "", 0.5, null },
        { "violation_type", "No_mask", 0.5, null },
        { "violation_type", "1mask", 0.5, null },
        { "violation_type", "a" + new string('b', 64), 0.5, null },
        { "confidence", "no_mask", 1.5, null },
        { "confidence", "no_mask", -1, null },
        { "snapshot_path", "no_mask", 0.5, new string('p', 1025) },
        { "snapshot_path", "no_mask", 0.5, "snap\0.jpg" },
    };

    [Theory]
    [MemberData(nameof(BrokenViolations))]
    public void DetectedViolation_WhenAnInvariantIsBroken_RejectsNamingTheField(string field, string? type,
        double confidence, string? snapshotPath) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() =>
            DetectedViolation.Create(type, confidence, snapshotPath)).Field);

    [Theory]
    [InlineData("a", 0.0)]
    [InlineData("no_hairnet", 1.0)]
    public void DetectedViolation_AtTheEdges_Accepts(string type, double confidence) =>
        Assert.Equal(type, DetectedViolation.Create(type, confidence, null).ViolationType);
}
