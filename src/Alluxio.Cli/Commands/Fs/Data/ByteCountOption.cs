using Alluxio.Configuration;

namespace Alluxio.Cli.Commands.Fs.Data;

/// <summary>The byte counts the data verbs take (-c of head and tail, --buffersize): 1024, 4KB, 8MB.</summary>
internal static class ByteCountOption
{
    /// <summary>
    /// <paramref name="value"/> as a positive byte count that fits a buffer, or <paramref name="fallback"/> when not given.
    /// </summary>
    /// <exception cref="FsUsageException">The value is not a positive size.</exception>
    public static int Parse(string? value, int fallback, string what)
    {
        if (value is null)
        {
            return fallback;
        }

        if (!DataSizeFormat.TryParse(value, out var bytes))
        {
            throw new FsUsageException($"{QuotedValue.Of(value)} is not a size for {what}; use a byte count such as 1024, 4KB or 8MB");
        }

        if (bytes <= 0)
        {
            throw new FsUsageException("specified bytes must be > 0");
        }

        if (bytes > int.MaxValue)
        {
            throw new FsUsageException($"{value} is too large for {what}; use at most 2GB");
        }

        return (int)bytes;
    }
}
