using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Alluxio.Benchmarks.Tests;

/// <summary>
/// Runs every benchmark once, in this process, with BenchmarkDotNet's dry job: it checks that each one still sets
/// up, runs and reports allocations, not how fast it is, so it needs no Release build and no timing.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public void EveryBenchmark_RunsOnceWithoutError()
    {
        var artifacts = Directory.CreateTempSubdirectory("alluxio-benchmarks-");
        var log = new AccumulationLogger();
        try
        {
            var config = ManualConfig.CreateEmpty()
                .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddLogger(log)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .WithArtifactsPath(artifacts.FullName)

                // Tests build in Debug; the dry job measures nothing, so an unoptimised assembly is fine here.
                .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);

            var summaries = BenchmarkRunner.Run(typeof(Program).Assembly, config);

            var failures = summaries
                .SelectMany(s => s.ValidationErrors.Where(e => e.IsCritical).Select(e => e.Message))
                .Concat(summaries.SelectMany(s => s.Reports)
                    .Where(r => !r.Success || r.ExecuteResults.Any(e => !e.IsSuccess) || r.GetResultRuns().Count == 0)
                    .Select(r => "failed: " + r.BenchmarkCase.DisplayInfo))
                .ToList();
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures) + Environment.NewLine + log.GetLog());

            var ran = summaries.SelectMany(s => s.Reports)
                .Select(r => r.BenchmarkCase.Descriptor.WorkloadMethod)
                .ToHashSet();
            var declared = typeof(Program).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods())
                .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
                .ToList();
            Assert.NotEmpty(declared);
            Assert.All(declared, m => Assert.Contains(m, ran));
            Assert.All(summaries.SelectMany(s => s.Reports), r => Assert.NotNull(r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase)));
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }
}
