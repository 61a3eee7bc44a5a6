using System.Diagnostics;
using System.Globalization;
using CameraMonitor.IngestBaseline;

// Ingest baseline for scripts/bench.sh: writes the same batch files (the JSON bodies the script posts to
// POST /api/v1/records/detection-records) once with the real binary-COPY writer and once row by row with
// INSERT, alternating per batch so that drift on the shared machine hits both modes alike.
// Usage: CameraMonitor.IngestBaseline <connection string> <batch file>...
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: CameraMonitor.IngestBaseline <connection string> <batch file>...");
    return 2;
}

var batches = new List<IReadOnlyList<CameraMonitor.Infrastructure.Persistence.Ingest.IngestRecordRow>>();
foreach (var file in args.Skip(1))
{
    batches.Add(await BatchFile.ReadAsync(file));
}

await using var writer = new IngestModes(args[0]);

// Warm-up: JIT, connection pool and prepared statements, not counted.
await writer.CopyAsync(batches[0]);
await writer.InsertRowByRowAsync(batches[0]);

var totals = new Dictionary<string, (long Records, long Violations, TimeSpan Elapsed)>
{
    ["copy"] = (0, 0, TimeSpan.Zero),
    ["insert"] = (0, 0, TimeSpan.Zero),
};
for (var i = 0; i < batches.Count; i++)
{
    var order = i % 2 == 0 ? new[] { "copy", "insert" } : ["insert", "copy"];
    foreach (var mode in order)
    {
        var stopwatch = Stopwatch.StartNew();
        if (mode == "copy")
        {
            await writer.CopyAsync(batches[i]);
        }
        else
        {
            await writer.InsertRowByRowAsync(batches[i]);
        }

        stopwatch.Stop();
        var (records, violations, elapsed) = totals[mode];
        totals[mode] = (records + batches[i].Count, violations + batches[i].Sum(r => r.Violations.Count),
            elapsed + stopwatch.Elapsed);
    }
}

// One machine-readable line per mode: the script turns these into the table of docs/performance.md.
foreach (var (mode, (records, violations, elapsed)) in totals)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"mode={mode} batches={batches.Count} records={records} violations={violations} seconds={elapsed.TotalSeconds:F3} records_per_s={records / elapsed.TotalSeconds:F0}"));
}

return 0;
