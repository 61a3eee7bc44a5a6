namespace CameraMonitor.Api.Security;

public static class AdminRoles
{
    /// <summary>May read rollout state, audit, parity and metrics.</summary>
    public const string Reader = "reader";

    /// <summary>May also change the rollout.</summary>
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> All = [Reader, Operator];
}
