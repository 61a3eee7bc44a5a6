using System.Security.Cryptography;
using System.Text;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// The signature of a webhook body: <c>X-CameraMonitor-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c> keyed
/// with the webhook's secret. The body carries the event's id and time, so a receiver can also refuse replays.
/// </summary>
public static class PlanWebhookSignature
{
    public const string Header = "X-CameraMonitor-Signature";
    public const string TimestampHeader = "X-CameraMonitor-Timestamp";
    public const string EventHeader = "X-CameraMonitor-Event";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
