using System.Text.RegularExpressions;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Conventions;

/// <summary>
/// A request validator is a function of the request alone: the validation behavior remembers the query values that
/// passed (ValidatedQueryValues) and does not validate them again, which is only right if a rule reads nothing else.
/// What depends on the time or on data is the handler's to decide. A validator with constructor dependencies is never
/// remembered; this test covers what a constructor does not show, a rule reading the clock or chance directly.
/// </summary>
public sealed partial class ValidatorConventionTests
{
    [GeneratedRegex(@"\b(UtcNow|Now|Today|TimeProvider|Random|Stopwatch|Environment\.TickCount)\b")]
    private static partial Regex TimeOrChance();

    [GeneratedRegex(@"AbstractValidator<")]
    private static partial Regex RequestValidator();

    [Fact]
    public void RequestValidators_ReadNeitherTheClockNorChance()
    {
        var root = RepositoryFiles.Root;
        var validators = Directory.EnumerateFiles(Path.Combine(root, "src/Application"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => RequestValidator().IsMatch(File.ReadAllText(file)))
            .ToList();

        var offenders = validators.Where(file => TimeOrChance().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(root, file))
            .ToList();

        Assert.True(validators.Count >= 20, $"only {validators.Count} validators found: is the source tree there?");
        Assert.Empty(offenders);
    }
}
