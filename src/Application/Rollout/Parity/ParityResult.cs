using System.Text.Json.Nodes;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>What one sample produced: the domain and legacy responses, and a second legacy run for noise.</summary>
/// <param name="DomainError">Set when the domain side failed instead of answering (a mismatch in itself).</param>
public sealed record ParityResult(string Endpoint, ParityRules Rules, JsonNode? Domain, JsonNode? Legacy, JsonNode? LegacyAgain,
    string? DomainError = null);
