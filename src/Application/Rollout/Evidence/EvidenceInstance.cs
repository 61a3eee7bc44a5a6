using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>Who this process is in the published evidence (see <see cref="EvidenceOptions.InstanceId"/>).</summary>
public sealed class EvidenceInstance(IOptions<EvidenceOptions> options)
{
    public DateTime StartedAt { get; } = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public string Host { get; } = Environment.MachineName;

    public string Id => options.Value.InstanceId is { Length: > 0 } configured
        ? configured
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Environment.ProcessId}:{StartedAt:yyyyMMdd'T'HHmmss}");
}
