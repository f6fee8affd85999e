using System.Globalization;
using Alluxio.Client.Options;
using Alluxio.Testing;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// The FUSE mount of a Kodo root against <c>rclone mount --vfs-cache-mode full</c> of the same bucket directory
/// through the emulator's S3 face, the way users mount an object store without Alluxio. Both mounts keep no
/// attributes in the kernel (attr_timeout 0, rclone's --attr-timeout 0), so every stat is an upcall; ours keeps
/// metadata in-process (alluxio.user.metadata.cache.enabled), rclone in its directory cache. Goals: a cached re-read
/// and an uncached stat each at least 2x rclone's. The first, cold read of the object is set against a cold read of
/// its twin through the client API in the same run, which is what the mount's reading ahead aims at.
/// </summary>
internal sealed class FuseRcloneScenario : IScenario
{
    private const double Goal = 2;
    private const string Object = "fuse/object.bin";
    private const string Twin = "fuse/twin.bin";

    /// <summary>A cold read through the mount against one through the client API: P1's ratio, where Kodo sets the pace.</summary>
    private const double ColdGoal = 0.7;

    public string Name => "fuse-rclone";

    public string Description => "re-reading a Kodo object and stat through the FUSE mount against rclone mount --vfs-cache-mode full";

    public async Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        if (FuseMountProcess.CannotMountReason is { } reason)
        {
            return [$"not run: {reason}"];
        }

        Expect.That(Rclone.IsInstalled, $"rclone is not installed at {Rclone.Executable} (eng/install-test-tools.sh installs it)");
        var repeats = quick ? 1 : 3;
        var scale = new DataPathScale(quick ? 8L << 20 : 256L << 20, 64L << 20, repeats);
        var statTime = TimeSpan.FromSeconds(quick ? 0.2 : 2);
        await using var cluster = await DataPathCluster.StartAsync(scale, cachedFiles: 2, kodoRoot: true, cancellationToken);
        var content = new SeededContent(scale.FileBytes);
        await KodoObjects.UploadAsync(cluster.Kodo, DataPathCluster.RootPrefix + Object, content, cancellationToken);
        await KodoObjects.UploadAsync(cluster.Kodo, DataPathCluster.RootPrefix + Twin, content, cancellationToken);

        using var rclone = new Rclone(cluster.KodoS3Remote);
        await using var theirs = await RcloneMount.StartAsync(
            rclone, $"kodo:{TestKodo.Bucket}/{DataPathCluster.RootPrefix}", ["--vfs-cache-mode", "full", "--attr-timeout", "0"], cancellationToken);
        await using var ours = await FuseMountProcess.StartAsync(
            cluster.Master,
            siteProperties: "alluxio.user.short.circuit.enabled=true\nalluxio.user.metadata.cache.enabled=true",
            mountOptions: "attr_timeout=0",
            cancellationToken: cancellationToken);
        var (ourPath, theirPath) = (ours.PathOf(Object), Path.Combine(theirs.MountPoint, Object));
        var buffer = new byte[DataPathScale.BufferBytes];

        // The first read fills each one's cache: the worker's (and the page cache) for ours, the VFS cache for rclone.
        var (ourFirst, theirFirst) = (ReadWhole(ourPath, buffer, scale.FileBytes), ReadWhole(theirPath, buffer, scale.FileBytes));
        var client = cluster.Client();
        await client.GetStatusAsync("/" + Twin, cancellationToken: cancellationToken);
        var clientFirst = await Reads.TimeAsync(client, "/" + Twin, ReadCall.ReadAsync, buffer, cancellationToken, ReadType.Cache);
        var (ourReads, theirReads, ourStats, theirStats) = (new List<Throughput>(), new List<Throughput>(), new List<double>(), new List<double>());
        for (var i = 0; i < repeats; i++)
        {
            ourReads.Add(ReadWhole(ourPath, buffer, scale.FileBytes));
            theirReads.Add(ReadWhole(theirPath, buffer, scale.FileBytes));
            ourStats.Add(FuseProbes.StatsPerSecond(ourPath, statTime));
            theirStats.Add(FuseProbes.StatsPerSecond(theirPath, statTime));
        }

        return
        [
            string.Create(CultureInfo.InvariantCulture, $"object: {scale.FileBytes >> 20:N0} MiB in Kodo (emulator), read with 1 MiB reads; rclone v1.60 on the emulator's S3 face; best of {repeats}, stat the median"),
            $"first read: through the mount {ourFirst}; through rclone mount {theirFirst}; of its twin through the client API {clientFirst}",
            Ratios.Line("first read through the mount", ourFirst, "the client API", clientFirst, ColdGoal),
            Ratios.Line("cached re-read through the mount", Throughput.Best(ourReads), "rclone mount, VFS cache full", Throughput.Best(theirReads), Goal),
            Ratios.Rate("stat through the mount (attr_timeout=0)", FuseProbes.Median(ourStats), "rclone mount (--attr-timeout 0)", FuseProbes.Median(theirStats), "stat/s", Goal),
        ];
    }

    private static Throughput ReadWhole(string path, byte[] buffer, long expected) =>
        Throughput.Measure(expected, () =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            return Reads.ToEnd(stream, buffer);
        });
}
