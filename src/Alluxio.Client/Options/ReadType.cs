namespace Alluxio.Client.Options;

/// <summary>How a read caches what it reads (alluxio.user.file.readtype.default).</summary>
public enum ReadType
{
    /// <summary>Read without storing anything in Alluxio.</summary>
    NoCache,

    /// <summary>Cache a block read from the UFS in the worker that served it.</summary>
    Cache,

    /// <summary>Like <see cref="Cache"/>, and move a cached block to the top tier before reading it.</summary>
    CachePromote,
}
