using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.Statistics;

namespace CameraMonitor.Benchmarks;

/// <summary>
/// The <see cref="PipelineBenchmarks"/> cases measured in interleaved batches (<c>-- --interleaved [rounds]</c>): every
/// round times one batch of each case, in a shuffled order, and the ratio of each case to the handler without MediatR
/// is taken per round. BenchmarkDotNet measures one case after another; on a machine whose speed changes from one
/// minute to the next (this one: the same case 30 % apart in two runs minutes apart), its ratios then compare different
/// machine moments, while here every round's batches share the same seconds. BenchmarkDotNet's runs stay the reference
/// for absolute numbers; this answers "what does the pipeline add to the same handler" on a noisy machine.
/// </summary>
internal static class InterleavedPipelineRun
{
    private const int BatchSize = 20_000;

    public static void Run(int rounds)
    {
        var benchmarks = new PipelineBenchmarks();
        benchmarks.Setup();
        try
        {
            (string Name, Func<Task> Send)[] cases =
            [
                ("handler from the scope, no MediatR (the bare HTTP route)", benchmarks.Direct),
                ("bare MediatR send", benchmarks.Bare),
                ("pipeline, force_domain", benchmarks.ForceDomain),
                ("pipeline, sticky percentage", benchmarks.StickyPercentage),
            ];
            foreach (var (_, send) in cases)
            {
                Batch(send, BatchSize * 5); // JIT tiers, caches, the sticky keys remembered
            }

            var nanoseconds = cases.Select(_ => new List<double>()).ToArray();
            var bytes = new double[cases.Length];
            var random = new Random(16);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var index in Enumerable.Range(0, cases.Length).OrderBy(_ => random.Next()))
                {
                    var (perOp, allocated) = Batch(cases[index].Send, BatchSize);
                    nanoseconds[index].Add(perOp);
                    bytes[index] = allocated;
                }
            }

            Console.WriteLine($"Interleaved: {rounds} rounds × {BatchSize} sends per case, {Environment.ProcessorCount} cores, "
                + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine("| case | ns per send (median) | Δ ns over the handler (median of rounds) | ratio (median of rounds, min–max) | B per send | Δ B |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            for (var i = 0; i < cases.Length; i++)
            {
                var ratios = nanoseconds[i].Zip(nanoseconds[0], (x, baseline) => x / baseline).ToList();
                var deltas = nanoseconds[i].Zip(nanoseconds[0], (x, baseline) => x - baseline).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {cases[i].Name} | {nanoseconds[i].Median():F0} | {deltas.Median():+0;-0;0} | {ratios.Median():F3} ({ratios.Min():F3}–{ratios.Max():F3}) | {bytes[i]:F0} | {bytes[i] - bytes[0]:+0;-0;0} |"));
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    /// <summary>Nanoseconds and bytes allocated per send. The sends complete synchronously (no I/O), as in the benchmarks.</summary>
    private static (double Nanoseconds, double Bytes) Batch(Func<Task> send, int count)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            send().GetAwaiter().GetResult();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return (elapsed.TotalNanoseconds / count, (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)count);
    }
}
