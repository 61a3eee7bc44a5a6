using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/CameraMonitor.Benchmarks -- --filter '*'   (see docs/performance.md, "Hot path").
// BenchmarkDotNet builds a project of its own per job; on a busy shared machine that takes longer than its 2-minute default.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15)));
