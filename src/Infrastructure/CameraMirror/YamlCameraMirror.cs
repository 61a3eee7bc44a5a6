using System.Globalization;
using CameraMonitor.Application.Cameras;
using CameraMonitor.Infrastructure.Persistence;
using Dapper;
using Microsoft.Extensions.Logging;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CameraMonitor.Infrastructure.CameraMirror;

/// <summary>
/// Keeps <c>cameras.yaml</c> equal to the cameras table. Every rewrite reads the whole committed table
/// afresh and replaces the file atomically (temp file in the same folder, then rename), so a reader never
/// sees half a file. Rewrites are serialised process-wide: since each one starts reading only after its own
/// commit, the last one to run has seen every commit, and concurrent writes end with file == table.
/// Scoped: it reads over the request's own connection (idle again once committed), so a rewrite never waits
/// for a second pooled connection while its request holds one — under load that wait would starve the pool.
/// </summary>
public sealed class YamlCameraMirror(IDbSession session, string path, ILogger<YamlCameraMirror> logger)
    : ICameraMirror
{
    private const string Header =
        "# Mirror of the CameraMonitor cameras table, rewritten after every committed change.\n" +
        "# The database is the source of truth: edits made here are overwritten.\n";

    // An arbitrary constant, distinct from the migration lock ("cam_yaml" in ASCII).
    private const long AdvisoryLockKey = 0x63616d5f79616d6c;
    private const string MissingFile = "missing";

    // Static, not per instance: several hosts in one process (tests) may share one file.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithQuotingNecessaryStrings()
        .Build();

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public Task RewriteAsync(CancellationToken cancellationToken) => ExclusiveAsync(async () =>
    {
        await WriteFileAsync(await ReadDatabaseAsync(cancellationToken), cancellationToken);
        return true;
    }, cancellationToken);

    public Task<CameraMirrorReport> CheckAsync(CancellationToken cancellationToken) =>
        ExclusiveAsync(async () => Compare(await ReadDatabaseAsync(cancellationToken)), cancellationToken);

    public Task<CameraMirrorReport> ReconcileAsync(CancellationToken cancellationToken) => ExclusiveAsync(async () =>
    {
        var database = await ReadDatabaseAsync(cancellationToken);
        var report = Compare(database);
        if (report.FileProblem == MissingFile)
        {
            // A fresh checkout has no mirror yet: writing the first one is routine, not a warning.
            logger.LogInformation("Camera mirror {Path} created from the database ({Cameras} camera(s))", path, database.Count);
            await WriteFileAsync(database, cancellationToken);
        }
        else if (!report.Consistent)
        {
            logger.LogWarning(
                "Camera mirror {Path} differed from the database ({Problem}; {MissingInFile} missing in file, " +
                "{MissingInDatabase} missing in database, {Differences} field differences): rewriting it",
                path, report.FileProblem ?? "readable", report.MissingInFile.Count, report.MissingInDatabase.Count,
                report.Differences.Count);
            await WriteFileAsync(database, cancellationToken);
        }

        return report;
    }, cancellationToken);

    /// <summary>
    /// One reader-writer of the file at a time: the in-process gate, then a PostgreSQL advisory lock so that
    /// several instances sharing one database (and one file) serialise their rewrites too.
    /// </summary>
    private async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var connection = await session.ConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", new { Key = AdvisoryLockKey },
                session.Transaction, cancellationToken: cancellationToken));
            try
            {
                return await work();
            }
            finally
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@Key)",
                    new { Key = AdvisoryLockKey }, session.Transaction, cancellationToken: CancellationToken.None));
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<IReadOnlyList<CameraDto>> ReadDatabaseAsync(CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<CameraDto>(new CommandDefinition(
            CameraRows.SelectColumns + " ORDER BY id COLLATE \"C\"", transaction: session.Transaction,
            cancellationToken: cancellationToken))).ToList();
    }

    private CameraMirrorReport Compare(IReadOnlyList<CameraDto> database)
    {
        if (!File.Exists(path))
        {
            return CameraMirrorComparer.Compare(database, null, MissingFile);
        }

        try
        {
            var document = Deserializer.Deserialize<CameraMirrorDocument?>(File.ReadAllText(path));
            var entries = document?.Cameras ?? [];
            return entries.Any(e => string.IsNullOrEmpty(e?.Id))
                ? CameraMirrorComparer.Compare(database, entries.Where(e => !string.IsNullOrEmpty(e?.Id)).Select(FromEntry).ToList(),
                    "unreadable: an entry has no id")
                : CameraMirrorComparer.Compare(database, entries.Select(FromEntry).ToList(), null);
        }
        catch (YamlException exception)
        {
            return CameraMirrorComparer.Compare(database, null, $"unreadable: {exception.Message}");
        }
    }

    private async Task WriteFileAsync(IReadOnlyList<CameraDto> cameras, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var text = Header + Serializer.Serialize(new CameraMirrorDocument { Cameras = cameras.Select(ToEntry).ToList() });
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await using var writer = new StreamWriter(stream);
                await writer.WriteAsync(text.AsMemory(), cancellationToken);
                await writer.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static CameraMirrorEntry ToEntry(CameraDto camera) => new()
    {
        Id = camera.Id,
        Name = camera.Name,
        Location = camera.Location,
        SourceUrl = camera.SourceUrl,
        Enabled = camera.Enabled,
        Status = camera.Status,
        CreatedAt = CameraMirrorComparer.FormatTime(camera.CreatedAt),
        UpdatedAt = CameraMirrorComparer.FormatTime(camera.UpdatedAt),
    };

    private static CameraDto FromEntry(CameraMirrorEntry entry) => new(entry.Id!, entry.Name ?? string.Empty,
        entry.Location ?? string.Empty, entry.SourceUrl ?? string.Empty, entry.Enabled, entry.Status ?? string.Empty,
        ParseTime(entry.CreatedAt), ParseTime(entry.UpdatedAt), CreatedBy: null, UpdatedBy: null, Version: 0);

    // An unparsable time is not a reason to give up on the whole file: it shows up as a field difference.
    private static DateTime ParseTime(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc)
            : DateTime.MinValue;
}
