namespace CameraMonitor.Api.OperatorConsole;

/// <summary>One embedded console file as it is served.</summary>
/// <param name="ETag">A strong validator over the bytes, quoted as HTTP wants it.</param>
public sealed record ConsoleAsset(string File, string ContentType, byte[] Content, string ETag);
