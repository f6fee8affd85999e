using System.Globalization;

namespace Alluxio.Fuse;

/// <summary>What the mount asks of the kernel at INIT.</summary>
/// <param name="MaxWrite">
/// The largest write request; libfuse derives the largest read request (max_pages) from it too. See
/// <see cref="SpliceableTransfer"/>.
/// </param>
/// <param name="MaxReadahead">The read-ahead the kernel may use; it still caps this at the mount's bdi read_ahead_kb.</param>
/// <param name="MaxBackground">How many asynchronous requests (read-ahead, async reads) the kernel keeps in flight.</param>
public sealed record FuseKernelSettings(uint MaxWrite = 1 << 20, uint MaxReadahead = 1 << 20, uint MaxBackground = 64)
{
    private const uint Page = 4096;
    private const uint Largest = 1 << 20;

    /// <summary>
    /// The largest request, up to 1 MiB, whose read reply libfuse can splice. Its pipe must hold the reply, the
    /// header and three pages of slack, and cannot grow past the system's pipe-max-size (1 MiB by default); a larger
    /// reply falls back to a buffer libfuse allocates and fills per read, about ten times slower here.
    /// </summary>
    public static uint SpliceableTransfer(long pipeMaxSize) =>
        (uint)Math.Clamp((pipeMaxSize - (4 * Page)) / Page * Page, 32 * Page, Largest);

    /// <summary>This system's pipe-max-size, or its default when it cannot be read.</summary>
    public static long PipeMaxSize()
    {
        try
        {
            return long.Parse(File.ReadAllText("/proc/sys/fs/pipe-max-size").Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return Largest;
        }
    }
}
