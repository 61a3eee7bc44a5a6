using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/CameraMonitor.Benchmarks -- --filter '*'   (see docs/performance.md, "Hot path")
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
