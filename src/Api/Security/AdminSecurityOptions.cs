namespace CameraMonitor.Api.Security;

/// <summary>The "Admin" configuration section: the API keys of the operator API.</summary>
public sealed class AdminSecurityOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// The key appsettings.Development.json ships for local work (documented in docs/operations.md). It is
    /// public knowledge, so start-up refuses it in the Production environment.
    /// </summary>
    public const string DevelopmentKey = "dev-operator-key-change-me";

    public List<AdminApiKey> ApiKeys { get; set; } = [];
}
