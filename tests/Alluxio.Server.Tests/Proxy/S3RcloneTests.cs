using System.Globalization;
using Alluxio.Testing;

namespace Alluxio.Server.Tests.Proxy;

/// <summary>
/// The proxy's S3 API judged by Debian's rclone with an S3 remote on it: mkdir, copy, lsf, check (sizes and MD5s,
/// which rclone takes from ETags and from the metadata it stores with multipart uploads), delete and rmdir.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "rclone reports S3 objects' MD5s.")]
public sealed class S3RcloneTests : IAsyncLifetime
{
    private ProxyCluster? _cluster;
    private Rclone? _rclone;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await ProxyCluster.StartAsync(worker: new WorkerProcessOptions { Quota = "512MB" }, cancellationToken: Token);
        _rclone = new Rclone(new RcloneS3Remote("alluxio", _cluster.Proxy.S3Endpoint.ToString(), "rclone-user", "FAKE-RCLONE-SECRET-not-checked"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _rclone?.Dispose();
    }

    [Fact]
    public async Task CopyListCheckAndDeleteAsAUserDoes()
    {
        var local = Path.Combine(_rclone!.Home, "files");
        Directory.CreateDirectory(Path.Combine(local, "deep", "er"));
        await File.WriteAllBytesAsync(Path.Combine(local, "one.bin"), TestContent.Bytes(3 << 20), Token);
        await File.WriteAllTextAsync(Path.Combine(local, "two words.txt"), "two", Token);
        await File.WriteAllTextAsync(Path.Combine(local, "deep", "er", "three.txt"), "three", Token);

        await OkAsync("mkdir", "alluxio:rbucket");
        await OkAsync("copy", local, "alluxio:rbucket/dir");
        var listed = await OkAsync("lsf", "-R", "--files-only", "alluxio:rbucket/dir");
        Assert.Equal(["deep/er/three.txt", "one.bin", "two words.txt"], listed.Order(StringComparer.Ordinal));

        // check compares sizes and hashes both ways and exits 0 only when all match.
        await OkAsync("check", local, "alluxio:rbucket/dir");
        var md5 = await OkAsync("md5sum", "alluxio:rbucket/dir/one.bin");
        Assert.StartsWith(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(await File.ReadAllBytesAsync(Path.Combine(local, "one.bin"), Token))), md5[0], StringComparison.Ordinal);

        await OkAsync("delete", "alluxio:rbucket/dir");
        Assert.Empty(await OkAsync("lsf", "-R", "alluxio:rbucket"));
        await OkAsync("rmdir", "alluxio:rbucket");
        Assert.DoesNotContain("rbucket/", await OkAsync("lsf", "alluxio:"));
    }

    private async Task<string[]> OkAsync(params string[] args)
    {
        var run = await _rclone!.RunAsync(["--retries", "1", "--low-level-retries", "1", .. args], Token);
        Assert.True(run.ExitCode == 0, string.Create(CultureInfo.InvariantCulture, $"rclone {string.Join(' ', args)} exited {run.ExitCode}: {run.All}\n{_cluster!.Proxy.Output}"));
        return run.OutLines;
    }
}
