using DotNext.Net.Cluster.Consensus.Raft.StateMachine;

namespace Alluxio.Journal;

/// <summary>How the journal opens DotNext's write-ahead log, the same way for the master and for the dump.</summary>
internal static class JournalLogOptions
{
    /// <summary>The options for the log under <paramref name="folder"/>.</summary>
    /// <param name="keptFileSize">The file size an existing log keeps when it differs from the configured one, else 0.</param>
    public static WriteAheadLog.Options Create(string folder, int configuredFileSize, out long keptFileSize)
    {
        var location = JournalFolder.LogFolder(folder);
        return new WriteAheadLog.Options
        {
            Location = location,
            ChunkSize = FileSize(location, configuredFileSize, out keptFileSize),
            // Without a hash a flipped payload byte can still parse, and a zeroed metadata page reads as empty
            // entries; XxHash3 of nothing is not 0, so both fail on read.
            HashAlgorithm = WriteAheadLog.IntegrityHashAlgorithm.XxHash3,
        };
    }

    /// <summary>
    /// The size of the log's files: DotNext cannot open a log with another size than the one it was created with,
    /// so an existing log keeps its own (its files have that length) and the configured size applies to new ones.
    /// </summary>
    private static int FileSize(string location, int configuredFileSize, out long keptFileSize)
    {
        var page = Environment.SystemPageSize;
        var configured = (int)Math.Min(int.MaxValue / page * (long)page, (configuredFileSize + (long)page - 1) / page * page);
        var data = Path.Combine(location, "data");
        var existing = Directory.Exists(data)
            ? Directory.EnumerateFiles(data).Select(path => new FileInfo(path).Length).DefaultIfEmpty(0).Max()
            : 0;
        keptFileSize = existing > 0 && existing <= int.MaxValue && existing != configured ? existing : 0;
        return keptFileSize > 0 ? (int)keptFileSize : configured;
    }
}
