using System.Text.RegularExpressions;
using CameraMonitor.Domain.Common;

namespace CameraMonitor.Domain.Cameras;

/// <summary>A camera's slug id. Detector processes use it as a file and topic name, hence the strict alphabet.</summary>
public sealed partial record CameraId
{
    public const string Pattern = "^[a-z0-9][a-z0-9_-]{0,63}$";

    private CameraId(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? value) => value is not null && SlugRegex().IsMatch(value);

    public static CameraId From(string? value) => IsValid(value)
        ? new CameraId(value!)
        : throw new DomainException("id", $"id must match {Pattern} (lower-case letters, digits, '_' or '-', at most 64 characters).");

    public override string ToString() => Value;

    // Pattern with \A…\z: in .NET, '$' also matches before a final "\n", so "cam0\n" would pass (and then
    // break the database's CHECK, whose '$' is strict).
    [GeneratedRegex(@"\A[a-z0-9][a-z0-9_-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}
