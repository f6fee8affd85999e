using System.Diagnostics;
using Alluxio.Testing;

namespace Alluxio.Fuse.Tests;

/// <summary>
/// Starting and ending mounts with the real processes: SIGTERM drains open files then unmounts, a crash leaves a
/// mount the next one detaches, a stopped cluster makes calls fail instead of hang, and bin/alluxio-fuse runs all
/// of it as Alluxio's does. Needs root, /dev/fuse and libfuse3; skipped, with the reason, elsewhere.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MountLifecycleTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SigtermWaitsForOpenFilesThenUnmountsAndEnds()
    {
        SkipUnlessMountable();
        await using var cluster = await TestCluster.StartAsync(cancellationToken: Token);
        await using var mount = await FuseMountProcess.StartAsync(
            cluster.Master, siteProperties: "alluxio.fuse.umount.timeout=2min\nalluxio.user.file.writetype.default=CACHE_THROUGH", cancellationToken: Token);
        var client = cluster.Connect();

        var file = new FileStream(mount.PathOf("drained.bin"), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        await file.WriteAsync(new byte[300_000], Token);
        Signal(mount.ProcessId, "TERM");

        // Told to stop, the process still serves the file open for writing: more bytes go in and the close commits them.
        await file.WriteAsync(new byte[200_000], Token);
        await file.DisposeAsync();
        await TestCluster.WaitUntilAsync(_ => Task.FromResult(!mount.IsRunning), "the FUSE process to end once the file was closed", Token);

        Assert.False(mount.IsMounted);
        Assert.Equal(500_000, (await client.GetStatusAsync("/drained.bin", cancellationToken: Token)).Length);
        Assert.Contains("Unmounted", await File.ReadAllTextAsync(mount.LogFile, Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("no_splice_write", false)]
    public async Task ACachedFileReadsExactWhetherSplicedOrCopied(string? mountOptions, bool spliced)
    {
        SkipUnlessMountable();
        await using var cluster = await TestCluster.StartAsync(cancellationToken: Token);
        await using var mount = await FuseMountProcess.StartAsync(cluster.Master, mountOptions: mountOptions, cancellationToken: Token);
        var content = TestContent.Bytes((3 * TestContent.MiB) + 12345, seed: 31);
        await using (var stream = await cluster.Connect().CreateFileAsync(
            "/cached", new Client.Options.CreateFileOptions { WriteType = Grpc.WritePType.MustCache }, Token))
        {
            await stream.WriteAsync(content, Token);
        }

        var read = await File.ReadAllBytesAsync(mount.PathOf("cached"), Token);
        Assert.True(content.AsSpan().SequenceEqual(read), "the bytes read through the mount");

        // The kernel granted splicing (FUSE_CAP_SPLICE_WRITE, 0x80) exactly when it was asked for.
        var negotiated = System.Text.RegularExpressions.Regex.Match(await File.ReadAllTextAsync(mount.LogFile, Token), "capabilities 0x([0-9a-f]+)");
        Assert.True(negotiated.Success, mount.Output);
        Assert.Equal(spliced, (Convert.ToUInt32(negotiated.Groups[1].Value, 16) & 0x80) != 0);
    }

    [Fact]
    public async Task AMountLeftByACrashIsDetachedByTheNextOne()
    {
        SkipUnlessMountable();
        await using var cluster = await TestCluster.StartAsync(cancellationToken: Token);
        await using var mount = await FuseMountProcess.StartAsync(cluster.Master, cancellationToken: Token);
        await using (var stream = await cluster.Connect().CreateFileAsync("/kept", cancellationToken: Token))
        {
            await stream.WriteAsync("kept"u8.ToArray(), Token);
        }

        // A cd into the mount asks the daemon for access, which it leaves to the kernel (ENOSYS); from then on the
        // kernel answers access(2) itself, even once the daemon is dead, so only a call that always reaches the daemon
        // tells a dead mount from a live one.
        Assert.Equal("kept", (await mount.ShellAsync("cat kept", Token)).Out);
        await mount.KillAsync(Token);
        Assert.True(mount.IsMounted);
        var dead = await mount.ShellAsync("ls .", Token);
        Assert.Contains("Transport endpoint is not connected", dead.Error, StringComparison.Ordinal);

        await mount.RestartAsync(cancellationToken: Token);
        var read = await mount.ShellAsync("cat kept", Token);
        Assert.True(read.Out == "kept", read.All + mount.Output);
        Assert.Contains("Detached a stale mount", await File.ReadAllTextAsync(mount.LogFile, Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoppedClusterMakesTheMountAnswerErrorsNotHang()
    {
        SkipUnlessMountable();
        await using var cluster = await TestCluster.StartAsync(cancellationToken: Token);
        await using var mount = await FuseMountProcess.StartAsync(
            cluster.Master, siteProperties: "alluxio.fuse.operation.timeout=5s\nalluxio.user.rpc.retry.max.duration=2s", cancellationToken: Token);
        Assert.Equal(0, (await mount.ShellAsync("mkdir before", Token)).ExitCode);

        foreach (var worker in cluster.Workers)
        {
            await worker.StopAsync(Token);
        }

        await cluster.Master.StopAsync(Token);

        // Each call ends within the operation timeout; the test's own deadline would fail a hang.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        foreach (var command in new[] { $"stat '{mount.PathOf("never-seen")}'", $"ls '{mount.PathOf("before")}'", $"mkdir '{mount.PathOf("after")}'" })
        {
            var result = await ProcessRun.RunAsync("/bin/bash", new Dictionary<string, string>(), ["-c", command], deadline.Token);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Matches("Input/output error|Connection timed out", result.Error);
        }

        Assert.Equal(0, await mount.StopAsync(Token));
        Assert.False(mount.IsMounted);
    }

    [Fact]
    public async Task ClosingAFileWhileTheClusterIsDownFailsWithinTheOperationTimeout()
    {
        SkipUnlessMountable();
        await using var cluster = await TestCluster.StartAsync(cancellationToken: Token);
        await using var mount = await FuseMountProcess.StartAsync(
            cluster.Master,
            siteProperties: "alluxio.fuse.operation.timeout=5s\nalluxio.user.rpc.retry.max.duration=3min\nalluxio.user.file.writetype.default=CACHE_THROUGH",
            cancellationToken: Token);
        // .NET drops what close(2) says; Python raises it. The writer waits for the marker to close the file.
        using var folder = new TempDirectory();
        var marker = Path.Combine(folder.Path, "stopped");
        var script = $"""
            import os, time
            fd = os.open('{mount.PathOf("unfinished.bin")}', os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.write(fd, b'x' * 300000)
            print('written', flush=True)
            while not os.path.exists('{marker}'):
                time.sleep(0.02)
            try:
                os.close(fd)
                print('closed')
            except OSError as e:
                print('close failed:', os.strerror(e.errno))
            """;
        using var writer = Process.Start(ChildProcess.StartInfo("/usr/bin/python3", ["-c", script]))!;
        Assert.Equal("written", await writer.StandardOutput.ReadLineAsync(Token));
        foreach (var worker in cluster.Workers)
        {
            await worker.StopAsync(Token);
        }

        await cluster.Master.StopAsync(Token);
        await File.WriteAllTextAsync(marker, "", Token);

        // The close commits, and with nobody to commit to it fails once the request's deadline has passed, not after
        // the client's three minutes of retries; the test's own deadline would fail a close held that long.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        var said = await writer.StandardOutput.ReadLineAsync(deadline.Token);
        Assert.Matches("close failed: (Input/output error|Connection timed out)", said);
        Assert.Equal(0, await mount.StopAsync(Token));
    }

    [Fact]
    public async Task TheAlluxioFuseScriptMountsShowsAndUnmountsAsAlluxiosDoes()
    {
        SkipUnlessMountable();
        await using var cluster = await TestCluster.StartAsync(cancellationToken: Token);
        using var work = new TempDirectory();
        var mountPoint = Path.Combine(work.Path, "mnt");
        Directory.CreateDirectory(mountPoint);
        var environment = new Dictionary<string, string>(cluster.Master.Environment) { ["ALLUXIO_LOGS_DIR"] = Path.Combine(work.Path, "logs") };
        var script = Path.Combine(RepositoryRoot.Path, "bin", "alluxio-fuse");
        try
        {
            var mounted = await ProcessRun.RunAsync(script, environment, ["mount", "-o", "attr_timeout=5", mountPoint, "/"], Token);
            Assert.True(mounted.ExitCode == 0, mounted.All);
            Assert.Contains($"Successfully mounted Alluxio path \"/\" to {mountPoint}.", mounted.OutLines);

            var again = await ProcessRun.RunAsync(script, environment, ["mount", mountPoint], Token);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("is already mounted", again.Error, StringComparison.Ordinal);

            var stat = await ProcessRun.RunAsync(script, environment, ["stat"], Token);
            Assert.Equal(0, stat.ExitCode);
            Assert.Equal("pid\tmount_point\talluxio_path", stat.OutLines[0]);
            Assert.Contains(stat.OutLines, line => line.EndsWith($"\t{mountPoint}\t/", StringComparison.Ordinal));

            Assert.Equal(0, (await ProcessRun.RunAsync("/bin/bash", new Dictionary<string, string>(), ["-c", $"echo through-script > '{mountPoint}/s.txt'"], Token)).ExitCode);
            var unmounted = await ProcessRun.RunAsync(script, environment, ["umount", mountPoint], Token);
            Assert.True(unmounted.ExitCode == 0, unmounted.All);
            Assert.Contains(unmounted.OutLines, line => line.StartsWith($"Successfully unmount fuse at {mountPoint} (PID: ", StringComparison.Ordinal));
            Assert.DoesNotContain(mountPoint, await File.ReadAllTextAsync("/proc/self/mountinfo", Token), StringComparison.Ordinal);
            Assert.Equal(15, (await cluster.Connect().GetStatusAsync("/s.txt", cancellationToken: Token)).Length);

            var notMounted = await ProcessRun.RunAsync(script, environment, ["umount", mountPoint], Token);
            Assert.Equal(1, notMounted.ExitCode);
            Assert.Contains($"{mountPoint} not mounted", notMounted.Error, StringComparison.Ordinal);
        }
        finally
        {
            await ProcessRun.RunAsync(script, environment, ["umount", "-f", mountPoint], CancellationToken.None);
        }
    }

    /// <summary>
    /// A user other than root mounts through fusermount3 (the mount is that user's: user_id in mountinfo), uses it,
    /// recovers from its own crash (the stale mount is detached with fusermount3 -u -z) and unmounts on SIGTERM.
    /// </summary>
    [Fact]
    public async Task AUserOtherThanRootMountsThroughFusermount3()
    {
        SkipUnlessMountable();
        Assert.SkipWhen(!File.Exists("/usr/bin/fusermount3") || !File.Exists("/usr/bin/setpriv"), "fusermount3 (fuse3) and setpriv (util-linux) are needed to mount as another user.");
        const int Nobody = 65534;
        using var device = new FuseDeviceAccess();
        await using var cluster = await TestCluster.StartAsync(cancellationToken: Token);
        await using var mount = await FuseMountProcess.StartAsync(
            cluster.Master, siteProperties: "alluxio.user.file.writetype.default=CACHE_THROUGH", userId: Nobody, cancellationToken: Token);

        Assert.Contains(
            File.ReadLines("/proc/self/mountinfo"),
            line => line.Contains($" {mount.MountPoint} ", StringComparison.Ordinal) && line.Contains($"user_id={Nobody}", StringComparison.Ordinal));
        var used = await mount.ShellAsync("echo written by a user > mine.txt && cat mine.txt && stat -c %u mine.txt", Token);
        Assert.True(used.ExitCode == 0, used.All);
        Assert.Equal(["written by a user", $"{Nobody}"], used.OutLines);
        Assert.Equal("written by a user\n".Length, (await cluster.Connect().GetStatusAsync("/mine.txt", cancellationToken: Token)).Length);

        await mount.KillAsync(Token);
        await mount.RestartAsync(cancellationToken: Token);
        Assert.Equal("mine.txt", (await mount.ShellAsync("ls", Token)).OutLines.Single());

        Assert.Equal(0, await mount.StopAsync(Token));
        Assert.False(mount.IsMounted);
    }

    private static void SkipUnlessMountable() => Assert.SkipWhen(FuseMountProcess.CannotMountReason is not null, FuseMountProcess.CannotMountReason ?? "");

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

}
