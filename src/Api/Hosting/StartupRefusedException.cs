namespace CameraMonitor.Api.Hosting;

/// <summary>The service must not start (see <see cref="StartupChecks"/>); the message is the one line shown to the operator.</summary>
public sealed class StartupRefusedException(string reason) : Exception(reason);
