namespace CameraMonitor.Application.Rollout.DarkLaunch;

/// <summary>The operation names the capture trigger writes (lower-case TG_OP).</summary>
public static class WriteOperations
{
    public const string Insert = "insert";
    public const string Update = "update";
    public const string Delete = "delete";
}
