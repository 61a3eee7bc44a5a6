using System.Text.Json.Nodes;
using CameraMonitor.Application.Rollout.Routing;

namespace CameraMonitor.Application.Rollout.Parity;

/// <summary>
/// What one sample produced: the domain and legacy responses (A/B), and a second run of the implementation that served
/// the caller, taken right after the shadow run (A/A): the served answer against it shows which fields change by
/// nature (clocks, random ids) over the same gap as the A/B comparison, whichever path served.
/// </summary>
/// <param name="Served">The path that answered the caller (domain or legacy).</param>
/// <param name="ServedAgain">The second run of the served implementation; null when it could not run.</param>
/// <param name="DomainError">Set when the domain side failed instead of answering (a mismatch in itself).</param>
public sealed record ParityResult(string Endpoint, ParityRules Rules, JsonNode? Domain, JsonNode? Legacy, ServedPath Served,
    JsonNode? ServedAgain, string? DomainError = null)
{
    /// <summary>The served answer (the A of both pairs).</summary>
    public JsonNode? ServedAnswer => Served == ServedPath.Domain ? Domain : Legacy;
}
