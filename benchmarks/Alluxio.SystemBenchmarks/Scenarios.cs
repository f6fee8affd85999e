namespace Alluxio.SystemBenchmarks;

internal static class Scenarios
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new MasterRpcScenario(), new MasterHeapScenario(), new ListRecursiveScenario(),
        new ReadShortCircuitScenario(), new ReadGrpcScenario(), new ReadColdScenario(), new WriteThroughScenario(), new S3ProxyScenario(), new S3RcloneScenario(),
        new FuseReadScenario(), new FuseMetadataScenario(), new FuseFilesScenario(), new FuseRcloneScenario(),
    ];
}
