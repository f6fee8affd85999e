namespace Alluxio.SystemBenchmarks;

internal static class Scenarios
{
    public static IReadOnlyList<IScenario> All { get; } = [new MasterRpcScenario(), new MasterHeapScenario(), new ListRecursiveScenario()];
}
