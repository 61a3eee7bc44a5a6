using CameraMonitor.Application.Rollout.DarkLaunch;

namespace CameraMonitor.Application.UnitTests.Rollout.DarkLaunch;

public sealed class DarkLaunchOptionsValidatorTests
{
    [Fact]
    public void Validate_ACommandAtARateWithin0To100_Succeeds()
    {
        var result = Validate(("CreateCamera", 100, ["id"]), ("ChangeViolationStatus", 0, []));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("CreateCamera", -1, "SampleRate must be 0–100")]
    [InlineData("CreateCamera", 100.5, "SampleRate must be 0–100")]
    [InlineData("ListCameras", 10, "runs only for commands")]
    [InlineData("NoSuchThing", 10, "runs only for commands")]
    public void Validate_ABadEndpointOrRate_FailsNamingTheKey(string endpoint, double rate, string message)
    {
        var result = Validate((endpoint, rate, []));

        Assert.True(result.Failed);
        Assert.Contains($"DarkLaunch:Endpoints:{endpoint}", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AnEmptyIgnoreRuleOrABadTimeout_Fails()
    {
        var options = Options(("CreateCamera", 10, [" "]));
        options.ShadowTimeoutSeconds = 0;

        var result = new DarkLaunchOptionsValidator().Validate(null, options);

        Assert.Contains("IgnoredFields must not contain empty entries", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ShadowTimeoutSeconds", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(
        params (string Endpoint, double Rate, List<string> Ignored)[] endpoints) =>
        new DarkLaunchOptionsValidator().Validate(null, Options(endpoints));

    private static DarkLaunchOptions Options(params (string Endpoint, double Rate, List<string> Ignored)[] endpoints)
    {
        var options = new DarkLaunchOptions();
        foreach (var (endpoint, rate, ignored) in endpoints)
        {
            options.Endpoints[endpoint] = new DarkLaunchEndpointOptions { SampleRate = rate, IgnoredFields = ignored };
        }

        return options;
    }
}
