using Alluxio.Grpc;
using Alluxio.Master.Jobs;

namespace Alluxio.Master.Commands;

/// <summary>
/// How far one load job got, in memory: blocks not handed out yet, blocks out at workers, and failures. Changed
/// only under <see cref="LoadScheduler"/>'s lock.
/// </summary>
public sealed class LoadProgress
{
    internal LoadProgress(LoadJob job, Dictionary<long, LoadBlock> blocks)
    {
        Job = job;
        Waiting = blocks;
        BlockCount = blocks.Count;
    }

    public LoadJob Job { get; }

    /// <summary>Blocks that were uncached when the load started.</summary>
    public long BlockCount { get; }

    public long FailedBlockCount { get; internal set; }

    /// <summary>Why the first failed block could not be cached; "" when none failed.</summary>
    public string Failure { get; internal set; } = "";

    /// <summary>Completes with the outcome once every block is cached or has failed.</summary>
    public Task<LoadPResponse> Completion => Done.Task;

    internal Dictionary<long, LoadBlock> Waiting { get; }

    internal Dictionary<long, LoadAssignment> InFlight { get; } = [];

    internal bool Ending { get; set; }

    internal bool IsDone => Waiting.Count == 0 && InFlight.Count == 0;

    internal TaskCompletionSource<LoadPResponse> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
