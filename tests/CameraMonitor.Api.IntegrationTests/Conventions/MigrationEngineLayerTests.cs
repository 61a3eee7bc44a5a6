using System.Text.RegularExpressions;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Conventions;

/// <summary>
/// The migration engine (each layer's <c>Rollout/</c> folder) knows nothing of the camera features: a feature joins the
/// migration by marking its request types, never the other way round.
/// </summary>
public sealed partial class MigrationEngineLayerTests
{
    private static readonly string[] EngineFolders = ["src/Application/Rollout", "src/Infrastructure/Rollout", "src/Api/Rollout"];

    [GeneratedRegex(@"CameraMonitor\.[A-Za-z.]*\b(Cameras|Violations|Detections|Statistics|Alerts|SystemInfo)\b")]
    private static partial Regex FeatureNamespace();

    [Fact]
    public void EngineFolders_ReferenceNoFeatureNamespace()
    {
        var root = RepositoryFiles.Root;
        var offenders = EngineFolders
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => FeatureNamespace().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(root, file))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void EngineFolders_Exist() =>
        Assert.All(EngineFolders, folder => Assert.True(Directory.Exists(Path.Combine(RepositoryFiles.Root, folder)), folder));

    [Fact]
    public void Common_HoldsNoRolloutCode()
    {
        var common = Path.Combine(RepositoryFiles.Root, "src/Application/Common");
        var rolloutFiles = Directory.EnumerateFiles(common, "*.cs", SearchOption.AllDirectories)
            .Where(file => Regex.IsMatch(Path.GetFileName(file), "Rollout|Parity|DarkLaunch|Plan"))
            .ToList();

        Assert.Empty(rolloutFiles);
    }
}
