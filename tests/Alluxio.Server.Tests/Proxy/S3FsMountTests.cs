using System.Diagnostics;
using Alluxio.Testing;

namespace Alluxio.Server.Tests.Proxy;

/// <summary>
/// A proxy bucket mounted with Debian's s3fs and used with cp, ls, cat and rm through the mount, the files checked
/// from the namespace's side. Needs /dev/fuse and root (to mount); skipped, with the reason, where either is missing.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class S3FsMountTests : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private ProxyCluster? _cluster;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string MountPoint => Path.Combine(_root.Path, "mnt");

    public async ValueTask InitializeAsync()
    {
        _cluster = await ProxyCluster.StartAsync(cancellationToken: Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (IsMounted())
        {
            await ProcessRun.RunAsync("fusermount", new Dictionary<string, string>(), ["-u", "-z", MountPoint], CancellationToken.None);
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _root.Dispose();
    }

    [Fact]
    public async Task FilesCopiedListedReadAndRemovedThroughTheMount()
    {
        Assert.SkipUnless(File.Exists("/dev/fuse") && Environment.UserName == "root", "s3fs needs /dev/fuse and root to mount here.");
        var fs = _cluster!.Cluster.Connect();
        await fs.CreateDirectoryAsync("/mounted", cancellationToken: Token);
        Directory.CreateDirectory(MountPoint);
        var passwd = Path.Combine(_root.Path, "passwd");
        await File.WriteAllTextAsync(passwd, "s3fs-user:FAKE-S3FS-SECRET-not-checked\n", Token);
        File.SetUnixFileMode(passwd, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // In the foreground, so that the test owns the process; its log goes to a file, as a pipe nobody reads would
        // fill and stall every call through the mount.
        var log = Path.Combine(_root.Path, "s3fs.log");
        var start = new ProcessStartInfo("/usr/bin/s3fs") { UseShellExecute = false };
        foreach (var arg in new[]
        {
            "mounted", MountPoint, "-f", "-o", $"url={_cluster!.Proxy.S3Endpoint}", "-o", "use_path_request_style", "-o", $"passwd_file={passwd}",
            "-o", "stat_cache_expire=1", "-o", $"logfile={log}", "-o", "dbglevel=warn",
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var s3fs = Process.Start(start)!;
        await TestCluster.WaitUntilAsync(_ => Task.FromResult(IsMounted() || s3fs.HasExited), "s3fs to mount the bucket", Token);
        Assert.False(s3fs.HasExited, "s3fs ended before mounting: " + (File.Exists(log) ? await File.ReadAllTextAsync(log, Token) : ""));

        var local = Path.Combine(_root.Path, "local.txt");
        await File.WriteAllTextAsync(local, "through the mount\n", Token);
        Assert.Equal(0, (await ShellAsync($"cp '{local}' '{MountPoint}/copied.txt'")).ExitCode);
        Assert.Contains("copied.txt", (await ShellAsync($"ls '{MountPoint}'")).OutLines);
        Assert.Equal("through the mount", (await ShellAsync($"cat '{MountPoint}/copied.txt'")).OutLines.Single());
        Assert.Equal(18, (await fs.GetStatusAsync("/mounted/copied.txt", cancellationToken: Token)).Length);

        Assert.Equal(0, (await ShellAsync($"rm '{MountPoint}/copied.txt'")).ExitCode);
        Assert.False(await fs.ExistsAsync("/mounted/copied.txt", cancellationToken: Token));

        Assert.Equal(0, (await ProcessRun.RunAsync("fusermount", new Dictionary<string, string>(), ["-u", MountPoint], Token)).ExitCode);
        await s3fs.WaitForExitAsync(Token);
    }

    private bool IsMounted() => File.ReadAllLines("/proc/mounts").Any(l => l.Split(' ')[1] == MountPoint);

    private static Task<ProcessResult> ShellAsync(string command) =>
        ProcessRun.RunAsync("/bin/sh", new Dictionary<string, string>(), ["-c", command], Token);
}
