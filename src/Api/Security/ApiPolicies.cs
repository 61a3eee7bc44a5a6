namespace CameraMonitor.Api.Security;

/// <summary>
/// The authorization policies of the public API; every /api/v1 route names one of these or of
/// <see cref="AdminPolicies"/> (a convention test enforces it).
/// </summary>
public static class ApiPolicies
{
    /// <summary>Reads of the public API: viewer, reviewer, camera-admin.</summary>
    public const string View = "View";

    /// <summary>Changing a violation's status: reviewer.</summary>
    public const string Review = "Review";

    /// <summary>Ingesting detection records: detector.</summary>
    public const string Ingest = "Ingest";

    /// <summary>Creating, updating and deleting cameras: camera-admin.</summary>
    public const string ManageCameras = "ManageCameras";

    /// <summary>GET /api/v1/system/info: every role that reads something (all but detector).</summary>
    public const string SystemInfo = "SystemInfo";

    /// <summary>/metrics when Auth:Anonymous:Metrics is false: reader, operator.</summary>
    public const string Metrics = AdminPolicies.Read;

    /// <summary>The OpenAPI document and reference UI when not anonymous: any authenticated principal.</summary>
    public const string ApiReference = "ApiReference";

    /// <summary>Policy name → the roles that satisfy it (any one of them).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [View] = [ApiRoles.Viewer, ApiRoles.Reviewer, ApiRoles.CameraAdmin],
        [Review] = [ApiRoles.Reviewer],
        [Ingest] = [ApiRoles.Detector],
        [ManageCameras] = [ApiRoles.CameraAdmin],
        [SystemInfo] = [ApiRoles.Viewer, ApiRoles.Reviewer, ApiRoles.CameraAdmin, ApiRoles.Reader, ApiRoles.Operator],
        [AdminPolicies.Read] = [ApiRoles.Reader, ApiRoles.Operator],
        [AdminPolicies.Change] = [ApiRoles.Operator],
    };
}
