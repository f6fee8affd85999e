extern alias system;

using SystemScenarios = system::Alluxio.SystemBenchmarks.Scenarios;

namespace Alluxio.Benchmarks.Tests;

/// <summary>Runs every end-to-end scenario in quick mode: it checks that each still runs and reports, not its speed.</summary>
public sealed class SystemBenchmarkSmokeTests
{
    public static TheoryData<string> ScenarioNames => [.. SystemScenarios.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task EveryScenario_RunsQuicklyAndReportsItsFigures(string name)
    {
        var scenario = SystemScenarios.All.Single(s => s.Name == name);
        var lines = await scenario.RunAsync(quick: true, TestContext.Current.CancellationToken);
        Assert.NotEmpty(lines);
        // A scenario this machine cannot run (the FUSE ones without root) says why in its one line.
        Assert.SkipWhen(lines is [var only] && only.StartsWith("not run: ", StringComparison.Ordinal), lines[0]);
        Assert.Contains(lines, l => l.Contains("goal", StringComparison.Ordinal));
    }
}
