using CameraMonitor.Application.Cameras.CreateCamera;
using CameraMonitor.Application.Common.Validation;
using CameraMonitor.Application.Detections.IngestDetectionRecords;
using CameraMonitor.Application.Statistics.CameraStatistics;

namespace CameraMonitor.Application.UnitTests.Common;

public sealed class RequestValueInspectorTests
{
    [Theory]
    [InlineData("a\0b", "NUL")]
    [InlineData("bell\u0007", "control")]
    public void Inspect_WhenAStringCannotBeStored_NamesTheField(string name, string problem)
    {
        var errors = RequestValueInspector.Inspect(new CreateCameraCommand("cam9", name, null, "rtsp://h/x", null, null));

        Assert.Contains(problem, Assert.Single(errors["name"]), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Inspect_WhenAStringHasAnUnpairedSurrogate_NamesTheField()
    {
        // Built at run time: the test runner would replace a lone surrogate in attribute data with U+FFFD.
        var errors = RequestValueInspector.Inspect(new CreateCameraCommand("cam9", "half " + (char)0xD800 + " pair", null,
            "rtsp://h/x", null, null));

        Assert.Contains("surrogate", Assert.Single(errors["name"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_WhenAStringIsOverlong_NamesTheField() =>
        Assert.True(RequestValueInspector.Inspect(new CreateCameraCommand("cam9", "n",
            new string('x', InputBounds.MaxTextLength + 1), "rtsp://h/x", null, null)).ContainsKey("location"));

    [Fact]
    public void Inspect_WalksNestedListsWithTheirIndexes()
    {
        var item = new DetectionRecordInput("cam0", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Objects: [new DetectedObjectInput("pers\0on", 0.5, [1, 2, 3, 4])]);

        var errors = RequestValueInspector.Inspect(new IngestDetectionRecordsCommand([item, item]));

        Assert.Contains("items[0].objects[0].class", errors.Keys);
        Assert.Contains("items[1].objects[0].class", errors.Keys);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1999-12-31T23:59:59Z")]
    [InlineData("2100-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void Inspect_WhenATimestampIsOutsideTheRange_NamesIt(string time)
    {
        var query = new GetCameraStatisticsQuery("cam0", DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), null, null);

        Assert.True(RequestValueInspector.Inspect(query).ContainsKey("start_time"));
    }

    [Fact]
    public void Inspect_WhenEverythingIsStorable_FindsNothing() =>
        Assert.Empty(RequestValueInspector.Inspect(new CreateCameraCommand("cam9", "Tab\tand\nnewline ok", "Hall",
            "rtsp://h/x", true, "online")
        { IdempotencyKey = "k-1" }));

    [Fact]
    public void Inspect_WhenTheIdempotencyKeyIsTooLong_NamesTheHeader() =>
        Assert.True(RequestValueInspector.Inspect(new CreateCameraCommand("cam9", "n", null, "rtsp://h/x", null, null)
        {
            IdempotencyKey = new string('k', 201),
        }).ContainsKey("idempotency-key"));
}
