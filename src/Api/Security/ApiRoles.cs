namespace CameraMonitor.Api.Security;

/// <summary>The roles a principal may hold (several at once); docs/security.md says what each may do.</summary>
public static class ApiRoles
{
    /// <summary>Every GET of the public API.</summary>
    public const string Viewer = "viewer";

    /// <summary>What a viewer may, and change a violation's status.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Ingest detection records, nothing else.</summary>
    public const string Detector = "detector";

    /// <summary>What a viewer may, and create, update and delete cameras.</summary>
    public const string CameraAdmin = "camera-admin";

    /// <summary>Read the operator API (rollout state, audit, parity, metrics).</summary>
    public const string Reader = "reader";

    /// <summary>What a reader may, change the rollout, use force_domain and act for others (handled_by).</summary>
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> All = [Viewer, Reviewer, Detector, CameraAdmin, Reader, Operator];
}
