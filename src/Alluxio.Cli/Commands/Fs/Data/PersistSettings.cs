using System.Globalization;
using Alluxio.Configuration;

namespace Alluxio.Cli.Commands.Fs.Data;

/// <summary>persist's options: how many files at once, how long each may take (null: no limit), how long the master waits first.</summary>
internal sealed record PersistSettings(int Parallelism, TimeSpan? Timeout, TimeSpan Wait)
{
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromMinutes(20);

    /// <summary>The options as given (milliseconds unless a unit is written; a timeout of -1 never ends).</summary>
    /// <exception cref="FsUsageException">A value is not a number or a duration, or the wait is longer than the timeout.</exception>
    public static PersistSettings Parse(string? parallelism, string? timeout, string? wait)
    {
        var threads = 4;
        if (parallelism is not null
            && (!int.TryParse(parallelism, NumberStyles.None, CultureInfo.InvariantCulture, out threads) || threads < 1))
        {
            throw new FsUsageException($"--parallelism takes a number of files to persist at once (1 or more), not {parallelism}");
        }

        var limit = timeout is null ? s_defaultTimeout : Duration(timeout, "--timeout");
        var delay = wait is null ? TimeSpan.Zero : Duration(wait, "--wait");
        var noLimit = limit == TimeSpan.FromMilliseconds(-1);
        if ((delay > limit && !noLimit) || delay < TimeSpan.Zero)
        {
            throw new FsUsageException("Persistence initial wait time should be smaller than persist timeout and bigger than zero");
        }

        return new PersistSettings(threads, noLimit ? null : limit, delay);
    }

    private static TimeSpan Duration(string value, string option) =>
        DurationFormat.TryParse(value, out var duration)
            ? duration
            : throw new FsUsageException($"{option} takes milliseconds or a duration such as 30s or 5min, not {value}");
}
