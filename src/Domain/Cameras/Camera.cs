using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Cameras;

/// <summary>
/// A camera that detectors read frames from. Every way in (create, rehydrate, change) checks the same
/// invariants, so an invalid camera cannot exist in memory.
/// </summary>
public sealed class Camera : IAggregateRoot
{
    public const int MaxNameLength = 200;
    public const int MaxLocationLength = 500;
    private static readonly string[] AllowedSchemes = ["rtsp", "rtsps", "http", "https"];

    private Camera(CameraId id, string name, string location, string sourceUrl, bool enabled, CameraStatus status,
        DateTimeOffset createdAt, DateTimeOffset updatedAt, string? createdBy, string? updatedBy, long version)
    {
        Id = id;
        Name = name;
        Location = location;
        SourceUrl = sourceUrl;
        Enabled = enabled;
        Status = status;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        CreatedBy = createdBy;
        UpdatedBy = updatedBy;
        Version = version;
    }

    public CameraId Id { get; }
    public string Name { get; private set; }
    public string Location { get; private set; }
    public string SourceUrl { get; private set; }
    public bool Enabled { get; private set; }
    public CameraStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Who created the camera (an API key's owner or a token's subject); null for cameras older than that record.</summary>
    public string? CreatedBy { get; }

    /// <summary>Who made the last change; null for cameras older than that record.</summary>
    public string? UpdatedBy { get; private set; }

    /// <summary>The stored version the camera was read at (0 before it is first stored); If-Match is checked against it.</summary>
    public long Version { get; }

    public static Camera Create(string id, string name, string? location, string sourceUrl, bool enabled,
        CameraStatus status, TimeProvider clock, string? actor = null)
    {
        var now = clock.UtcNowForStorage();
        return new Camera(CameraId.From(id), CheckName(name), CheckLocation(location), CheckSourceUrl(sourceUrl),
            enabled, status, now, now, actor, actor, version: 0);
    }

    /// <summary>Rebuilds a stored camera; stored rows went through the same rules, but we re-check them anyway.</summary>
    public static Camera Rehydrate(string id, string name, string? location, string sourceUrl, bool enabled,
        CameraStatus status, DateTimeOffset createdAt, DateTimeOffset updatedAt, string? createdBy = null,
        string? updatedBy = null, long version = 0) =>
        new(CameraId.From(id), CheckName(name), CheckLocation(location), CheckSourceUrl(sourceUrl), enabled, status,
            createdAt, updatedAt, createdBy, updatedBy, version);

    /// <summary>
    /// Partial update: a null argument leaves that field as it was. Every new value is checked before any is
    /// applied, so a rejected change leaves the camera exactly as it was (never half-changed).
    /// </summary>
    public void Change(string? name, string? location, string? sourceUrl, bool? enabled, CameraStatus? status,
        TimeProvider clock, string? actor = null)
    {
        var newName = name is null ? Name : CheckName(name);
        var newLocation = location is null ? Location : CheckLocation(location);
        var newSourceUrl = sourceUrl is null ? SourceUrl : CheckSourceUrl(sourceUrl);
        Name = newName;
        Location = newLocation;
        SourceUrl = newSourceUrl;
        Enabled = enabled ?? Enabled;
        Status = status ?? Status;
        UpdatedAt = clock.UtcNowForStorage();
        UpdatedBy = actor;
    }

    private static string CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("name", "name must not be empty.");
        }

        var trimmed = name.Trim();
        return trimmed.Length <= MaxNameLength
            ? trimmed
            : throw new DomainException("name", $"name must be at most {MaxNameLength} characters.");
    }

    private static string CheckLocation(string? location)
    {
        var trimmed = (location ?? string.Empty).Trim();
        return trimmed.Length <= MaxLocationLength
            ? trimmed
            : throw new DomainException("location", $"location must be at most {MaxLocationLength} characters.");
    }

    private static string CheckSourceUrl(string? sourceUrl)
    {
        if (!IsAllowedSourceUrl(sourceUrl))
        {
            throw new DomainException("source_url",
                $"source_url must be an absolute {string.Join("/", AllowedSchemes)} URL with a host.");
        }

        return sourceUrl!.Trim();
    }

    public static bool IsAllowedSourceUrl(string? sourceUrl) =>
        Uri.TryCreate(sourceUrl?.Trim(), UriKind.Absolute, out var uri)
        && AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
        && !string.IsNullOrEmpty(uri.Host);
}
