namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>A row of <c>cameras</c> as Dapper materialises it (snake_case columns via MatchNamesWithUnderscores).</summary>
public sealed record CameraRow(
    string Id,
    string Name,
    string Location,
    string SourceUrl,
    bool Enabled,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? CreatedBy,
    string? UpdatedBy,
    long Version);
