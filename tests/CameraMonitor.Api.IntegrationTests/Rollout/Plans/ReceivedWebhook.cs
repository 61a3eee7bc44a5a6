namespace CameraMonitor.Api.IntegrationTests.Rollout.Plans;

/// <summary>One request a <see cref="WebhookReceiver"/> got.</summary>
internal sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body);
