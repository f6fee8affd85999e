namespace Alluxio.SystemBenchmarks;

/// <summary>Which of a stream's read calls a timed read uses.</summary>
internal enum ReadCall
{
    /// <summary>Stream.Read, blocking.</summary>
    Read,

    /// <summary>Stream.ReadAsync.</summary>
    ReadAsync,
}
