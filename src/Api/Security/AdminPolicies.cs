namespace CameraMonitor.Api.Security;

/// <summary>The policies of the operator API under /api/v1/admin.</summary>
public static class AdminPolicies
{
    /// <summary>GETs of the operator API: reader, operator.</summary>
    public const string Read = "AdminRead";

    /// <summary>Changes through the operator API: operator.</summary>
    public const string Change = "AdminChange";
}
