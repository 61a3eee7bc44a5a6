using System.Security.Cryptography;
using System.Text.Json;

namespace CameraMonitor.Application.Detections.IngestDetectionRecords;

/// <summary>The idempotency steps both ingest paths take around their write; no key, no step.</summary>
public static class IngestIdempotencyExtensions
{
    /// <summary>The first answer for a key already used (a replay), or null when this request may write.</summary>
    public static async Task<IngestDetectionRecordsResponse?> ReplayAsync(this IIngestIdempotency idempotency,
        IngestDetectionRecordsCommand request, DateTimeOffset now, CancellationToken cancellationToken) =>
        request.IdempotencyKey is { } key
        && await idempotency.ClaimAsync(IngestDetectionRecordsCommand.EndpointName, key, HashOf(request), now,
            cancellationToken) is { } ids
            ? new IngestDetectionRecordsResponse(true, ids)
            : null;

    /// <summary>Stores the answer under the request's key (if any) and returns it.</summary>
    public static async Task<IngestDetectionRecordsResponse> AnswerAsync(this IIngestIdempotency idempotency,
        IngestDetectionRecordsCommand request, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is { } key)
        {
            await idempotency.CompleteAsync(IngestDetectionRecordsCommand.EndpointName, key, ids, cancellationToken);
        }

        return new IngestDetectionRecordsResponse(true, ids);
    }

    /// <summary>A fingerprint of the batch as bound (not the raw bytes), so both paths compute the same one.</summary>
    public static string HashOf(IngestDetectionRecordsCommand request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request.Items)));
}
