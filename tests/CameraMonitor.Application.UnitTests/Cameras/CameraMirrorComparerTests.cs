using CameraMonitor.Application.Cameras;

namespace CameraMonitor.Application.UnitTests.Cameras;

public sealed class CameraMirrorComparerTests
{
    private static readonly DateTime Created = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Compare_WhenFileAndTableHoldTheSameCameras_IsConsistent()
    {
        var report = CameraMirrorComparer.Compare([Camera("a"), Camera("b")], [Camera("b"), Camera("a")], null);

        Assert.True(report.Consistent);
        Assert.Equal((2, 2), (report.DatabaseCount, report.FileCount));
    }

    [Fact]
    public void Compare_ReportsMissingExtraAndEveryDifferentField()
    {
        var edited = Camera("a") with
        {
            Name = "Other",
            Location = "Elsewhere",
            SourceUrl = "http://x/y",
            Enabled = false,
            Status = "offline",
            CreatedAt = Created.AddTicks(10),
            UpdatedAt = Created.AddDays(1),
        };

        var report = CameraMirrorComparer.Compare([Camera("a"), Camera("only-db")], [edited, Camera("only-file")], null);

        Assert.False(report.Consistent);
        Assert.Equal(["only-db"], report.MissingInFile);
        Assert.Equal(["only-file"], report.MissingInDatabase);
        Assert.Equal(["name", "location", "source_url", "enabled", "status", "created_at", "updated_at"],
            report.Differences.Select(d => d.Field));
        Assert.All(report.Differences, d => Assert.Equal("a", d.CameraId));
        Assert.Equal(("2026-01-02T03:04:05Z", "2026-01-02T03:04:05.000001Z"),
            (report.Differences[5].Database, report.Differences[5].File));
    }

    [Fact]
    public void Compare_WhenAnIdAppearsTwiceInTheFile_ReportsItAsDuplicated()
    {
        var report = CameraMirrorComparer.Compare([Camera("a")], [Camera("a"), Camera("a")], null);

        Assert.False(report.Consistent);
        Assert.Equal(["a"], report.DuplicatedInFile);
    }

    [Fact]
    public void Compare_WhenTheFileCouldNotBeRead_ListsEveryCameraAsMissingInFile()
    {
        var report = CameraMirrorComparer.Compare([Camera("b"), Camera("a")], null, "missing");

        Assert.False(report.Consistent);
        Assert.Equal("missing", report.FileProblem);
        Assert.Equal(["a", "b"], report.MissingInFile);
    }

    [Fact]
    public void Compare_WhenBothAreEmptyButTheFileHasAProblem_IsStillInconsistent() =>
        Assert.False(CameraMirrorComparer.Compare([], null, "unreadable: bad indentation").Consistent);

    private static CameraDto Camera(string id) =>
        new(id, "Name " + id, "Hall", "rtsp://127.0.0.1/" + id, true, "online", Created, Created, "alice", "alice", Version: 7);
}
