using CameraMonitor.Application.Cameras.ListCameras;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.UnitTests.Rollout.Routing;

public sealed class EndpointNamesTests
{
    [Fact]
    public void Of_StripsTheQuerySuffix() => Assert.Equal("ListCameras", EndpointNames.Of(typeof(ListCamerasQuery)));

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    public void Validator_WhenAPercentageIsOutside0To100_Fails(double percentage)
    {
        var options = new RolloutOptions { Endpoints = { ["ListCameras"] = new EndpointRolloutOptions { Percentage = percentage } } };
        Assert.True(new RolloutOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Validator_WhenTheDefaultIsOutside0To100_Fails() =>
        Assert.True(new RolloutOptionsValidator().Validate(null, new RolloutOptions { DefaultPercentage = 150 }).Failed);
}
