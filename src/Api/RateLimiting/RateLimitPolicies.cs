namespace CameraMonitor.Api.RateLimiting;

/// <summary>The rate-limit policies; every /api/v1/admin route must name <see cref="Operator"/> (a test checks it).</summary>
public static class RateLimitPolicies
{
    /// <summary>POST /api/v1/records/detection-records.</summary>
    public const string Ingest = "ingest";

    /// <summary>Every route of the operator API.</summary>
    public const string Operator = "operator-api";
}
