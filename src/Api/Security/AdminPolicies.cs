namespace CameraMonitor.Api.Security;

public static class AdminPolicies
{
    /// <summary>Any configured admin key (reader or operator).</summary>
    public const string Read = "AdminRead";

    /// <summary>Operator keys only.</summary>
    public const string Change = "AdminChange";
}
