using Microsoft.Extensions.Logging;

namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>
/// The routing's log lines, source-generated: the per-request Debug line checks the level before anything else, so
/// with Debug off (production) it boxes nothing and builds no argument array.
/// </summary>
internal static partial class RolloutLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Routing {Endpoint} for client {ClientKey} to {Path} ({Reason})")]
    public static partial void Routing(ILogger logger, string endpoint, string clientKey, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Domain handler of {Endpoint} failed; falling back to legacy for client {ClientKey}")]
    public static partial void FallingBack(ILogger logger, Exception exception, string endpoint, string clientKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Domain handler of {Endpoint} failed with {Fault} ({Error}); no fallback, legacy shares the fault")]
    public static partial void NoFallback(ILogger logger, string endpoint, string fault, string error);
}
