using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Domain.UnitTests.Cameras;

public sealed class CameraTests
{
    private static readonly TimeProvider Clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567));

    public static TheoryData<string> BadIds => new()
    {
        "", "Cam0", "cam 0", "-cam", "_cam", "cam/0", "..", "cam.0", "kamera\u00e9", new string('a', 65),
        "cam0\n", "\ncam0", " cam0", "cam0 ", "CAM0", "cam%2F0", "cam\t0", "caméra", "cam\u0660",
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
        var later = new FakeTimeProvider(Clock.GetUtcNow().AddHours(1));

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

    [Fact]
    public void Create_WhenLocationIsLongerThan500_RejectsNamingTheLocationField()
    {
        var error = Assert.Throws<DomainException>(() =>
            Camera.Create("cam0", "Cam", new string('l', 501), "rtsp://127.0.0.1/s", true, CameraStatus.Online, Clock));
        Assert.Equal("location", error.Field);
    }

    [Fact]
    public void Create_TrimsTextAndTurnsAMissingLocationIntoEmpty()
    {
        var camera = Camera.Create("cam0", "  Dock  ", null, " rtsp://127.0.0.1/s ", false, CameraStatus.Unknown, Clock);

        Assert.Equal(("Dock", "", "rtsp://127.0.0.1/s"), (camera.Name, camera.Location, camera.SourceUrl));
    }

    public static TheoryData<string, string, string, string> BadStoredRows => new()
    {
        { "Cam0", "Cam", "rtsp://127.0.0.1/s", "id" },
        { "cam0", "", "rtsp://127.0.0.1/s", "name" },
        { "cam0", "Cam", "ftp://127.0.0.1/s", "source_url" },
    };

    [Theory]
    [MemberData(nameof(BadStoredRows))]
    public void Rehydrate_WhenAStoredValueBreaksAnInvariant_RejectsNamingTheField(string id, string name, string url,
        string field)
    {
        var error = Assert.Throws<DomainException>(() => Camera.Rehydrate(id, name, "", url, true, CameraStatus.Online,
            Clock.GetUtcNow(), Clock.GetUtcNow()));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Rehydrate_KeepsTheStoredTimestamps()
    {
        var created = new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var camera = Camera.Rehydrate("cam0", "Cam", "", "rtsp://127.0.0.1/s", true, CameraStatus.Online, created,
            created.AddDays(1));

        Assert.Equal((created, created.AddDays(1)), (camera.CreatedAt, camera.UpdatedAt));
    }

    public static TheoryData<string?, string?, string?, string> BadChanges => new()
    {
        { "", null, null, "name" },
        { " ", null, null, "name" },
        { new string('n', 201), null, null, "name" },
        { null, new string('l', 501), null, "location" },
        { null, null, "not a url", "source_url" },
        { null, null, "rtsp://", "source_url" },
        // a valid name next to an invalid url: the whole change is refused, the name included
        { "Renamed", null, "ftp://x/y", "source_url" },
        { "Renamed", new string('l', 501), null, "location" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public void Change_WhenAnyNewValueIsInvalid_RejectsNamingItAndChangesNothing(string? name, string? location,
        string? sourceUrl, string field)
    {
        var camera = Create();
        var before = (camera.Name, camera.Location, camera.SourceUrl, camera.Enabled, camera.Status, camera.UpdatedAt);

        var error = Assert.Throws<DomainException>(() =>
            camera.Change(name, location, sourceUrl, enabled: false, CameraStatus.Offline, new FakeTimeProvider(Clock.GetUtcNow().AddDays(1))));

        Assert.Equal(field, error.Field);
        Assert.Equal(before, (camera.Name, camera.Location, camera.SourceUrl, camera.Enabled, camera.Status, camera.UpdatedAt));
    }

    [Fact]
    public void Change_WhenLocationIsEmpty_ClearsIt()
    {
        var camera = Create();

        camera.Change(null, "", null, null, null, Clock);

        Assert.Equal("", camera.Location);
    }

    [Fact]
    public void Change_NeverMovesCreatedAtOrTheId()
    {
        var camera = Create();
        var created = camera.CreatedAt;

        camera.Change("Other", "Elsewhere", "http://127.0.0.1/o", false, CameraStatus.Unknown, new FakeTimeProvider(Clock.GetUtcNow().AddDays(3)));

        Assert.Equal(("cam0", created), (camera.Id.Value, camera.CreatedAt));
    }

    [Theory]
    [InlineData("Online")]
    [InlineData("ONLINE")]
    [InlineData("")]
    [InlineData(" online")]
    public void StatusNames_AreCaseAndSpaceSensitive(string word) =>
        Assert.Equal("status", Assert.Throws<DomainException>(() => CameraStatusNames.Parse(word)).Field);

    private static Camera Create(string id = "cam0", string name = "Cam", string sourceUrl = "rtsp://127.0.0.1/s") =>
        Camera.Create(id, name, "Hall", sourceUrl, enabled: true, CameraStatus.Online, Clock);
}
