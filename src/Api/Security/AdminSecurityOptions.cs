namespace CameraMonitor.Api.Security;

/// <summary>The older "Admin" section (operator API keys only); still honoured, see <see cref="LegacyAdminKeys"/>.</summary>
public sealed class AdminSecurityOptions
{
    public const string SectionName = "Admin";

    public List<AdminApiKey> ApiKeys { get; set; } = [];
}
