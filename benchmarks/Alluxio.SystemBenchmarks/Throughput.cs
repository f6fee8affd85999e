using System.Diagnostics;
using System.Globalization;

namespace Alluxio.SystemBenchmarks;

/// <summary>Bytes moved in a time, as MB/s (10^6 bytes per second).</summary>
internal readonly record struct Throughput(long Bytes, TimeSpan Elapsed)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Elapsed.TotalSeconds;

    /// <summary>Times <paramref name="transfer"/>, which returns the bytes it moved; fails unless that is <paramref name="expected"/>.</summary>
    public static async Task<Throughput> MeasureAsync(long expected, Func<Task<long>> transfer)
    {
        var watch = Stopwatch.StartNew();
        var bytes = await transfer();
        watch.Stop();
        return Checked(expected, new Throughput(bytes, watch.Elapsed));
    }

    /// <inheritdoc cref="MeasureAsync"/>
    public static Throughput Measure(long expected, Func<long> transfer)
    {
        var watch = Stopwatch.StartNew();
        var bytes = transfer();
        watch.Stop();
        return Checked(expected, new Throughput(bytes, watch.Elapsed));
    }

    /// <summary>The fastest of several runs of the same transfer: the one least disturbed by anything else.</summary>
    public static Throughput Best(IEnumerable<Throughput> runs) => runs.MaxBy(r => r.MegabytesPerSecond);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MegabytesPerSecond:N0} MB/s");

    private static Throughput Checked(long expected, Throughput measured) =>
        measured.Bytes == expected
            ? measured
            : throw new InvalidOperationException($"The transfer moved {measured.Bytes:N0} bytes, not the {expected:N0} expected.");
}
