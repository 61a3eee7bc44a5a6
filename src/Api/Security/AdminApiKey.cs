namespace CameraMonitor.Api.Security;

/// <summary>One entry of the older Admin:ApiKeys section; mapped onto Auth:ApiKeys at start-up.</summary>
public sealed class AdminApiKey
{
    public string Key { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    /// <summary><see cref="ApiRoles.Reader"/> or <see cref="ApiRoles.Operator"/>.</summary>
    public string Role { get; set; } = string.Empty;
}
