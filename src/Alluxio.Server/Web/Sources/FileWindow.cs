using System.Buffers;
using System.Text;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// The part of a file the browse and logs pages show: up to 5 KB from an offset counted from the start, or from the
/// end when the page asks so, each byte shown as one character, as Alluxio shows it.
/// </summary>
internal static class FileWindow
{
    public const int Bytes = 5 * 1024;

    /// <summary>Where the window starts: the offset from the start, or from the end, kept inside the file.</summary>
    public static long Start(long length, long offset, bool fromEnd) => Math.Clamp(fromEnd ? length - offset : offset, 0, length);

    public static async Task<string> ReadAsync(Stream stream, long start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(Bytes);
        try
        {
            stream.Seek(start, SeekOrigin.Begin);
            var filled = 0;
            int read;
            while (filled < Bytes && (read = await stream.ReadAsync(buffer.AsMemory(filled, Bytes - filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            return Encoding.Latin1.GetString(buffer, 0, filled);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
