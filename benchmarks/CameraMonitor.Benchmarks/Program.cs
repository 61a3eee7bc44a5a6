using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using CameraMonitor.Benchmarks;

// dotnet run -c Release --project benchmarks/CameraMonitor.Benchmarks -- --filter '*'   (see docs/performance.md, "Hot path").
// dotnet run -c Release --project benchmarks/CameraMonitor.Benchmarks -- --interleaved [rounds]   (InterleavedPipelineRun).
if (args is ["--interleaved", .. var rest])
{
    InterleavedPipelineRun.Run(rest is [var rounds] ? int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

// BenchmarkDotNet builds a project of its own per job; on a busy shared machine that takes longer than its 2-minute default.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15)));
