using DotNext.IO;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;

namespace Alluxio.Journal;

/// <summary>DotNext's view of our newest checkpoint: what it would send a lagging follower, whole file as it is.</summary>
internal sealed class CheckpointSnapshot : ISnapshot
{
    private readonly CheckpointFile _file;

    public CheckpointSnapshot(CheckpointFile file, DateTimeOffset timestamp)
    {
        _file = file;
        Timestamp = timestamp;
    }

    public CheckpointFile File => _file;

    public long Index => _file.Index;

    public long Term => _file.Term;

    public DateTimeOffset Timestamp { get; }

    public bool IsReusable => true;

    public long? Length => new FileInfo(_file.Path).Length;

    public async ValueTask WriteToAsync<TWriter>(TWriter writer, CancellationToken token)
        where TWriter : notnull, IAsyncBinaryWriter
    {
        var stream = new FileStream(_file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            await writer.CopyFromAsync(stream, count: null, token).ConfigureAwait(false);
        }
    }
}
