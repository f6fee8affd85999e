using System.Globalization;

namespace Alluxio.Fuse.Files;

/// <summary>Which process a thread belongs to: the kernel names the calling thread, a file belongs to a process.</summary>
internal static class ProcessIds
{
    /// <summary>The process (thread group) of thread <paramref name="threadId"/>, or -1 when it is gone.</summary>
    public static int ProcessOf(int threadId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{threadId.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("Tgid:", StringComparison.Ordinal))
                {
                    return int.Parse(line.AsSpan(5).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The thread ended before its request was served.
        }

        return -1;
    }
}
