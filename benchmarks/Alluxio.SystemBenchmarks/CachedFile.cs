using System.IO.Hashing;
using Alluxio.Client;
using Alluxio.Grpc;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// A fresh cluster holding one file written MUST_CACHE, so that every block is in the worker's MEM tier and nowhere
/// else: what the cached-read scenarios read, and the block files of the worker's store that are their reference.
/// </summary>
internal sealed class CachedFile : IAsyncDisposable
{
    public const string Path = "/bench/cached.bin";

    private CachedFile(DataPathCluster cluster, SeededContent content, IReadOnlyList<string> blockFiles, Throughput written)
    {
        Cluster = cluster;
        Content = content;
        BlockFiles = blockFiles;
        Written = written;
    }

    public DataPathCluster Cluster { get; }

    public SeededContent Content { get; }

    /// <summary>The worker's files of the file's blocks, in order.</summary>
    public IReadOnlyList<string> BlockFiles { get; }

    /// <summary>How fast the MUST_CACHE write went, for information.</summary>
    public Throughput Written { get; }

    public static async Task<CachedFile> CreateAsync(DataPathScale scale, CancellationToken cancellationToken)
    {
        var cluster = await DataPathCluster.StartAsync(scale, cachedFiles: 1, kodoRoot: false, cancellationToken);
        try
        {
            var content = new SeededContent(scale.FileBytes);
            var writer = cluster.Client();
            var written = await Writes.TimeAsync(writer, Path, content, WritePType.MustCache, scale.BlockBytes, cancellationToken);
            var status = await writer.GetStatusAsync(Path, cancellationToken: cancellationToken);
            if (status.Length != scale.FileBytes || status.InAlluxioPercentage != 100)
            {
                throw new InvalidOperationException($"{Path} is {status.Length:N0} bytes, {status.InAlluxioPercentage}% cached, after the write.");
            }

            return new CachedFile(cluster, content, [.. status.Info.BlockIds.Select(cluster.BlockFile)], written);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Reads the file through <paramref name="client"/> and the block files, untimed, and fails unless both hold the
    /// bytes written; this also warms both paths up (JIT, connections) before anything is timed.
    /// </summary>
    public async Task VerifyAsync(FileSystem client, CancellationToken cancellationToken)
    {
        await Reads.VerifyAsync(client, Path, Content, cancellationToken);
        var hash = new XxHash3();
        foreach (var blockFile in BlockFiles)
        {
            await using var block = File.OpenRead(blockFile);
            await Reads.HashAsync(block, hash, cancellationToken);
        }

        Reads.Check(hash, Content, "The worker's block files");
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
