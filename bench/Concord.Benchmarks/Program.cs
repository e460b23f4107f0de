using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Concord.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Concord.Benchmarks.Corpus).Assembly).Run(args);
