using System.Globalization;

namespace Alluxio.Fuse;

/// <summary>What the mount asks of the kernel at INIT.</summary>
/// <param name="MaxWrite">
/// The largest write request; libfuse derives the largest read request (max_pages) from it too. See
/// <see cref="SpliceableTransfer"/>.
/// </param>
/// <param name="MaxReadahead">The read-ahead the kernel may use; it still caps this at the mount's bdi read_ahead_kb.</param>
/// <param name="MaxBackground">How many asynchronous requests (read-ahead, async reads) the kernel keeps in flight.</param>
/// <param name="SpliceWrite">Whether read replies may splice from a file descriptor (FUSE_CAP_SPLICE_WRITE).</param>
public sealed record FuseKernelSettings(uint MaxWrite = 1 << 20, uint MaxReadahead = 1 << 20, uint MaxBackground = 64, bool SpliceWrite = true)
{
    private const long Largest = 1 << 20;

    /// <summary>Below this, writes would lose more to small requests than reads gain from splicing.</summary>
    private const long Smallest = 128 << 10;

    private static readonly long s_page = Environment.SystemPageSize;

    /// <summary>
    /// The largest request, from 128 KiB up to 1 MiB, whose read reply libfuse can splice. Its pipe must hold the
    /// reply, the header and three pages of slack, and a process without CAP_SYS_RESOURCE (root in a container, often)
    /// cannot grow a pipe past the system's pipe-max-size, a power of two in pages (1 MiB by default). A larger reply
    /// falls back to a buffer libfuse allocates and fills per read, about ten times slower here.
    /// </summary>
    public static uint SpliceableTransfer(long pipeMaxSize) =>
        (uint)Math.Clamp((pipeMaxSize - (4 * s_page)) / s_page * s_page, Smallest, Largest);

    /// <summary>This system's pipe-max-size, or its default when it cannot be read.</summary>
    public static long PipeMaxSize()
    {
        try
        {
            return long.Parse(File.ReadAllText("/proc/sys/fs/pipe-max-size").Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return Largest;
        }
    }
}
