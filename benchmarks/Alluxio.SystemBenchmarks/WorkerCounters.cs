namespace Alluxio.SystemBenchmarks;

/// <summary>The worker's counters the scenarios check, by their Prometheus names.</summary>
internal static class WorkerCounters
{
    /// <summary>Bytes of cached blocks the worker streamed to clients over gRPC.</summary>
    public const string BytesStreamed = "Worker_BytesReadRemote";

    /// <summary>Bytes the worker read from under file systems.</summary>
    public const string BytesReadUfs = "Worker_BytesReadUfsAll";

    /// <summary>Bytes the worker wrote to under file systems.</summary>
    public const string BytesWrittenUfs = "Worker_BytesWrittenUfsAll";
}
