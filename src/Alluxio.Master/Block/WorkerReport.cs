using Alluxio.Grpc;

namespace Alluxio.Master.Block;

/// <summary>
/// What one registration, heartbeat or commit told the master, after the block master applied it, for the concerns
/// that act on it (orphans, frees, persists, loads).
/// </summary>
/// <param name="Worker">The worker, or null when it is not registered (it was told to register).</param>
/// <param name="WorkerId">The id the worker sent.</param>
/// <param name="IsRegistration">Whether <paramref name="AddedBlockIds"/> is everything the worker holds.</param>
public sealed record WorkerReport(
    LiveWorker? Worker,
    long WorkerId,
    bool IsRegistration,
    IReadOnlyList<long> AddedBlockIds,
    IReadOnlyList<PersistedFile> PersistedFiles,
    IReadOnlyDictionary<long, string> FailedLoads)
{
    public static IReadOnlyDictionary<long, string> NoFailures { get; } = new Dictionary<long, string>();
}
