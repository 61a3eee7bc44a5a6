using System.Globalization;

namespace CameraMonitor.Application.Cameras;

/// <summary>Pure comparison of the table's cameras with the file's, so it is testable without I/O.</summary>
public static class CameraMirrorComparer
{
    /// <summary>How the mirror writes times: UTC, round-trippable, no trailing zeros.</summary>
    public static string FormatTime(DateTime value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <param name="file">The file's cameras, or null when the file could not be read (<paramref name="fileProblem"/> says why).</param>
    public static CameraMirrorReport Compare(IReadOnlyList<CameraDto> database, IReadOnlyList<CameraDto>? file,
        string? fileProblem)
    {
        var fileCameras = file ?? [];
        var duplicated = fileCameras.GroupBy(c => c.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var inFile = fileCameras.DistinctBy(c => c.Id, StringComparer.Ordinal).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var inDatabase = database.ToDictionary(c => c.Id, StringComparer.Ordinal);

        var missingInFile = inDatabase.Keys.Where(id => !inFile.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var missingInDatabase = inFile.Keys.Where(id => !inDatabase.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var differences = inDatabase.Values
            .Where(c => inFile.ContainsKey(c.Id))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .SelectMany(c => Differences(c, inFile[c.Id]))
            .ToList();

        var consistent = fileProblem is null && missingInFile.Count == 0 && missingInDatabase.Count == 0
            && duplicated.Count == 0 && differences.Count == 0;
        return new CameraMirrorReport(consistent, fileProblem, database.Count, fileCameras.Count, missingInFile,
            missingInDatabase, duplicated, differences);
    }

    private static IEnumerable<CameraFieldDifference> Differences(CameraDto database, CameraDto file)
    {
        var fields = new (string Field, string? Database, string? File)[]
        {
            ("name", database.Name, file.Name),
            ("location", database.Location, file.Location),
            ("source_url", database.SourceUrl, file.SourceUrl),
            ("enabled", Bool(database.Enabled), Bool(file.Enabled)),
            ("status", database.Status, file.Status),
            ("created_at", FormatTime(database.CreatedAt), FormatTime(file.CreatedAt)),
            ("updated_at", FormatTime(database.UpdatedAt), FormatTime(file.UpdatedAt)),
        };
        return fields
            .Where(f => !string.Equals(f.Database, f.File, StringComparison.Ordinal))
            .Select(f => new CameraFieldDifference(database.Id, f.Field, f.Database, f.File));
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
