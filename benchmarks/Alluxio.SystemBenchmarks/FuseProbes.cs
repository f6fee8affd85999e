using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>What the FUSE scenarios time through a mount, the same way on every file system compared.</summary>
internal static class FuseProbes
{
    /// <summary>stat(2) calls per second on <paramref name="path"/> by one thread, for <paramref name="duration"/>.</summary>
    public static double StatsPerSecond(string path, TimeSpan duration)
    {
        var calls = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < 100; i++)
            {
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException($"{path} is gone.");
                }
            }

            calls += 100;
        }

        return calls / watch.Elapsed.TotalSeconds;
    }

    /// <summary>fio's read IOPS on the first <paramref name="bytes"/> of <paramref name="path"/>: 4 KiB O_DIRECT sequential reads, queue depth 1, for <paramref name="seconds"/> s.</summary>
    public static async Task<double> DirectReadIopsAsync(string path, int seconds, long bytes, CancellationToken cancellationToken)
    {
        var fio = await ProcessRun.RunAsync(
            "/usr/bin/fio",
            new Dictionary<string, string>(),
            ["--name=qd1", $"--filename={path}", "--rw=read", "--bs=4k", "--direct=1", "--iodepth=1", "--ioengine=psync",
                $"--size={bytes >> 20}M", $"--runtime={seconds}", "--time_based", "--output-format=json"],
            cancellationToken);
        if (fio.ExitCode != 0)
        {
            throw new InvalidOperationException($"fio failed on {path} (apt-get install fio): {fio.All.Trim()}");
        }

        var read = JsonDocument.Parse(fio.Out).RootElement.GetProperty("jobs")[0].GetProperty("read");
        return read.GetProperty("iops").GetDouble();
    }

    /// <summary>The median of <paramref name="runs"/> figures, the run neither luckiest nor unluckiest.</summary>
    public static double Median(IEnumerable<double> runs)
    {
        var sorted = runs.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Empties the kernel's page cache (3) or its dentries and inodes (2); needs root.</summary>
    public static Task DropCachesAsync(int what, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync("/proc/sys/vm/drop_caches", what.ToString(CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>A process's resident set, from /proc/PID/status.</summary>
    public static long ResidentBytes(int processId) =>
        File.ReadLines($"/proc/{processId}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).Single();
}
