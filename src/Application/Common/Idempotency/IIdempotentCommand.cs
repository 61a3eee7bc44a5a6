namespace CameraMonitor.Application.Common.Idempotency;

/// <summary>
/// A command that honours the <c>Idempotency-Key</c> header: the first answer under a key is stored in the command's
/// own transaction and replayed for every repeat, which then writes nothing. Both paths share it (see
/// <see cref="CommandTransaction"/>), so a retry after a lost answer is safe whichever path served it.
/// </summary>
public interface IIdempotentCommand
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    /// <summary>The client's key; null when the client sent none (no idempotency then).</summary>
    string? IdempotencyKey { get; }

    /// <summary>What must be equal for a repeat to be a replay (the request without its key); hashed, never stored.</summary>
    object IdempotencyFingerprint { get; }
}
