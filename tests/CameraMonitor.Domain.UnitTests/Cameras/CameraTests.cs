using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.UnitTests.Cameras;

public sealed class CameraTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567));

    public static TheoryData<string> BadIds => new()
    {
        "", "Cam0", "cam 0", "-cam", "_cam", "cam/0", "..", "cam.0", "kamera\u00e9", new string('a', 65),
    };

    public static TheoryData<string> BadSourceUrls => new()
    {
        "", "not a url", "ftp://host/x", "file:///etc/passwd", "rtsp://", "/relative/path", "javascript:alert(1)",
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public void Create_WhenIdIsNotASlug_RejectsNamingTheIdField(string id)
    {
        var error = Assert.Throws<DomainException>(() => Create(id: id));
        Assert.Equal("id", error.Field);
        Assert.Contains("id must match", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("cam0")]
    [InlineData("0cam_north-1")]
    public void Create_WhenIdIsASlug_Accepts(string id) => Assert.Equal(id, Create(id: id).Id.Value);

    [Fact]
    public void Create_WhenIdHas64Characters_Accepts() => Assert.Equal(64, Create(id: new string('a', 64)).Id.Value.Length);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WhenNameIsEmpty_RejectsNamingTheNameField(string name)
    {
        var error = Assert.Throws<DomainException>(() => Create(name: name));
        Assert.Equal("name", error.Field);
    }

    [Fact]
    public void Create_WhenNameIsLongerThan200_RejectsNamingTheNameField()
    {
        var error = Assert.Throws<DomainException>(() => Create(name: new string('n', 201)));
        Assert.Equal("name", error.Field);
    }

    [Theory]
    [MemberData(nameof(BadSourceUrls))]
    public void Create_WhenSourceUrlIsNotRtspOrHttp_RejectsNamingTheSourceUrlField(string url)
    {
        var error = Assert.Throws<DomainException>(() => Create(sourceUrl: url));
        Assert.Equal("source_url", error.Field);
    }

    [Theory]
    [InlineData("rtsp://10.0.0.1:554/stream")]
    [InlineData("rtsps://cam.example/live")]
    [InlineData("http://cam.example/mjpeg")]
    [InlineData("HTTPS://cam.example/x")]
    public void Create_WhenSourceUrlHasAnAllowedScheme_Accepts(string url) => Assert.Equal(url, Create(sourceUrl: url).SourceUrl);

    [Fact]
    public void Create_SetsBothTimestampsFromTheClockAtMicrosecondPrecision()
    {
        var camera = Create();
        Assert.Equal(camera.CreatedAt, camera.UpdatedAt);
        Assert.Equal(0, camera.CreatedAt.Ticks % TimeSpan.TicksPerMicrosecond);
        Assert.Equal(Clock.GetUtcNow().Ticks / 10 * 10, camera.CreatedAt.Ticks);
    }

    [Fact]
    public void Change_WhenFieldsAreLeftOut_KeepsThemAndMovesUpdatedAt()
    {
        var camera = Create();
        var later = new FixedClock(Clock.GetUtcNow().AddHours(1));

        camera.Change(name: "Renamed", location: null, sourceUrl: null, enabled: null, status: CameraStatus.Offline, later);

        Assert.Equal("Renamed", camera.Name);
        Assert.Equal("Hall", camera.Location);
        Assert.Equal("rtsp://127.0.0.1/s", camera.SourceUrl);
        Assert.True(camera.Enabled);
        Assert.Equal(CameraStatus.Offline, camera.Status);
        Assert.Equal(Clock.GetUtcNow().AddHours(1).Ticks / 10 * 10, camera.UpdatedAt.Ticks);
        Assert.NotEqual(camera.CreatedAt, camera.UpdatedAt);
    }

    [Fact]
    public void Change_WhenANewValueIsInvalid_RejectsAndKeepsTheCameraUnchanged()
    {
        var camera = Create();

        Assert.Throws<DomainException>(() => camera.Change(null, null, "ftp://x/y", null, null, Clock));

        Assert.Equal("rtsp://127.0.0.1/s", camera.SourceUrl);
    }

    [Theory]
    [InlineData("online", CameraStatus.Online)]
    [InlineData("offline", CameraStatus.Offline)]
    [InlineData("unknown", CameraStatus.Unknown)]
    public void StatusNames_RoundTrip(string name, CameraStatus status)
    {
        Assert.Equal(status, CameraStatusNames.Parse(name));
        Assert.Equal(name, status.ToName());
    }

    [Fact]
    public void StatusNames_WhenUnknownWord_RejectsNamingTheStatusField() =>
        Assert.Equal("status", Assert.Throws<DomainException>(() => CameraStatusNames.Parse("broken")).Field);

    private static Camera Create(string id = "cam0", string name = "Cam", string sourceUrl = "rtsp://127.0.0.1/s") =>
        Camera.Create(id, name, "Hall", sourceUrl, enabled: true, CameraStatus.Online, Clock);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
