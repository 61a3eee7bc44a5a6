namespace CameraMonitor.Api.Security;

/// <summary>
/// The keys appsettings.Development.json and the README publish: one per role plus an all-roles admin key.
/// Being public, every one of them (in clear or hashed) is refused at start-up in Production.
/// </summary>
public static class DevelopmentKeys
{
    public const string Admin = "dev-admin-key-change-me";

    public static string ForRole(string role) => $"dev-{role}-key-change-me";

    public static readonly IReadOnlyList<string> All = [.. ApiRoles.All.Select(ForRole), Admin];

    public static bool IsPublished(ApiKeyOptions key)
    {
        var hash = key.Hash();
        return All.Any(published => ApiKeyHash.Of(published).AsSpan().SequenceEqual(hash));
    }
}
