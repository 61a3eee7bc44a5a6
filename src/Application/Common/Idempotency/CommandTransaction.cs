using System.Security.Cryptography;
using System.Text.Json;
using CameraMonitor.Application.Common.Persistence;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Application.Common.Idempotency;

/// <summary>
/// One attempt at a command, on either path: a transaction, and inside it the Idempotency-Key claim, the handler and
/// the stored answer. A repeat of a committed key is answered from the store without running the handler.
/// </summary>
public sealed class CommandTransaction(IUnitOfWork unitOfWork, IIdempotencyStore idempotency, TimeProvider clock,
    IIdempotencyOwner? owner = null)
{
    // The stored answer is read back by the same code that wrote it; member names as declared.
    private static readonly JsonSerializerOptions StoredAnswer = new();

    public Task<TResponse> RunAsync<TRequest, TResponse>(TRequest request,
        Func<CancellationToken, Task<TResponse>> attempt, CancellationToken cancellationToken) =>
        request is IIdempotentCommand { IdempotencyKey: { } key } idempotent
            ? unitOfWork.ExecuteInTransactionAsync(
                ct => RunOnceAsync(ScopeOf(typeof(TRequest)), OwnedKey(owner?.Current, key), idempotent, attempt, ct),
                cancellationToken)
            : unitOfWork.ExecuteInTransactionAsync(attempt, cancellationToken);

    /// <summary>A fingerprint of the request as bound (not the raw bytes), so both paths compute the same one.</summary>
    public static string HashOf(IIdempotentCommand command)
    {
        var fingerprint = command.IdempotencyFingerprint;
        return Convert.ToHexStringLower(SHA256.HashData(
            JsonSerializer.SerializeToUtf8Bytes(fingerprint, fingerprint.GetType(), StoredAnswer)));
    }

    /// <summary>The stored key: the caller's owner and its key (a unit separator cannot occur in an owner name).</summary>
    public static string OwnedKey(string? owner, string key) => owner is null ? key : $"{owner}\u001f{key}";

    /// <summary>Keys are unique per endpoint: the command's name without "Command" (IngestDetectionRecords).</summary>
    public static string ScopeOf(Type commandType) => commandType.Name.EndsWith("Command", StringComparison.Ordinal)
        ? commandType.Name[..^"Command".Length]
        : commandType.Name;

    private async Task<TResponse> RunOnceAsync<TResponse>(string endpoint, string key, IIdempotentCommand command,
        Func<CancellationToken, Task<TResponse>> attempt, CancellationToken cancellationToken)
    {
        var stored = await idempotency.ClaimAsync(endpoint, key, HashOf(command), clock.UtcNowForStorage(),
            cancellationToken);
        if (stored is not null)
        {
            return JsonSerializer.Deserialize<TResponse>(stored, StoredAnswer)!;
        }

        var response = await attempt(cancellationToken);
        await idempotency.CompleteAsync(endpoint, key, JsonSerializer.Serialize(response, StoredAnswer), cancellationToken);
        return response;
    }
}
