using CameraMonitor.Application.Cameras.CreateCamera;
using CameraMonitor.Application.Cameras.DeleteCamera;
using CameraMonitor.Application.Cameras.GetCameraStats;
using CameraMonitor.Application.Cameras.UpdateCamera;

namespace CameraMonitor.Application.UnitTests.Cameras;

/// <summary>The validators hold the aggregate's invariants, so the legacy path refuses what the domain refuses.</summary>
public sealed class CameraValidatorTests
{
    private const string Url = "rtsp://127.0.0.1/s";

    public static TheoryData<CreateCameraCommand, string> BadCreates => new()
    {
        { new CreateCameraCommand(null, "n", null, Url, null, null), "Id" },
        { new CreateCameraCommand("Cam0", "n", null, Url, null, null), "Id" },
        { new CreateCameraCommand("cam0\n", "n", null, Url, null, null), "Id" },
        { new CreateCameraCommand(new string('a', 65), "n", null, Url, null, null), "Id" },
        { new CreateCameraCommand("cam0", null, null, Url, null, null), "Name" },
        { new CreateCameraCommand("cam0", "   ", null, Url, null, null), "Name" },
        { new CreateCameraCommand("cam0", new string('n', 201), null, Url, null, null), "Name" },
        { new CreateCameraCommand("cam0", "n", new string('l', 501), Url, null, null), "Location" },
        { new CreateCameraCommand("cam0", "n", null, null, null, null), "SourceUrl" },
        { new CreateCameraCommand("cam0", "n", null, "ftp://h/x", null, null), "SourceUrl" },
        { new CreateCameraCommand("cam0", "n", null, "rtsp:///nohost", null, null), "SourceUrl" },
        { new CreateCameraCommand("cam0", "n", null, Url, null, "Online"), "Status" },
    };

    [Theory]
    [MemberData(nameof(BadCreates))]
    public void CreateValidator_RejectsEachBrokenInvariantNamingTheField(CreateCameraCommand command, string property)
    {
        var result = new CreateCameraValidator().Validate(command);

        Assert.Equal([property], result.Errors.Select(e => e.PropertyName).Distinct());
    }

    [Fact]
    public void CreateValidator_AcceptsTheSmallestValidCamera() =>
        Assert.True(new CreateCameraValidator().Validate(new CreateCameraCommand("a", "n", null, Url, null, null)).IsValid);

    [Fact]
    public void UpdateValidator_AcceptsAnUpdateThatLeavesEverythingOut() =>
        Assert.True(new UpdateCameraValidator().Validate(new UpdateCameraCommand("cam0", null, null, null, null, null)).IsValid);

    [Theory]
    [InlineData("cam0", "", null, null, "Name")]
    [InlineData("cam0", null, "gopher://h/x", null, "SourceUrl")]
    [InlineData("cam0", null, null, "lost", "Status")]
    [InlineData("Cam 0", null, null, null, "CameraId")]
    public void UpdateValidator_RejectsAnInvalidValueThatIsSent(string cameraId, string? name, string? url, string? status,
        string property)
    {
        var result = new UpdateCameraValidator().Validate(new UpdateCameraCommand(cameraId, name, null, url, null, status));

        Assert.Equal([property], result.Errors.Select(e => e.PropertyName).Distinct());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public void DeleteAndStatsValidators_RejectANonSlugCameraId(string cameraId)
    {
        Assert.False(new DeleteCameraValidator().Validate(new DeleteCameraCommand(cameraId)).IsValid);
        Assert.False(new GetCameraStatsValidator().Validate(new GetCameraStatsQuery(cameraId)).IsValid);
    }
}
