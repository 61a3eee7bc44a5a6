namespace CameraMonitor.Api.Security;

/// <summary>One entry of Admin:ApiKeys.</summary>
public sealed class AdminApiKey
{
    public string Key { get; set; } = string.Empty;

    /// <summary>Who holds the key; named in every audit row of a change made with it.</summary>
    public string Owner { get; set; } = string.Empty;

    /// <summary><see cref="AdminRoles.Reader"/> or <see cref="AdminRoles.Operator"/>.</summary>
    public string Role { get; set; } = string.Empty;
}
