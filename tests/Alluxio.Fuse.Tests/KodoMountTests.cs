using System.Text;
using Alluxio.Testing;

namespace Alluxio.Fuse.Tests;

/// <summary>
/// A Kodo bucket directory mounted as the root of the namespace (the seed page's setup, on the emulator) and used
/// through FUSE with POSIX tools: what is written through the mount is in the bucket, and an object added to the
/// bucket behind Alluxio's back shows up. Needs root, /dev/fuse and libfuse3; skipped, with the reason, elsewhere.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KodoMountTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABucketDirectoryIsListedReadWrittenAndRenamedThroughTheMount()
    {
        Assert.SkipWhen(FuseMountProcess.CannotMountReason is not null, FuseMountProcess.CannotMountReason ?? "");
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var kodo = TestKodo.Client(emulator);
        await kodo.PutAsync("root/data/seed.txt", Encoding.ASCII.GetBytes("seeded in the bucket\n"), Token);
        await using var cluster = await TestCluster.StartAsync(
            new MasterProcessOptions { SiteProperties = TestKodo.RootMountSiteProperties(emulator, "root") }, cancellationToken: Token);
        await using var mount = await FuseMountProcess.StartAsync(
            cluster.Master,
            siteProperties: "alluxio.user.file.writetype.default=CACHE_THROUGH\nalluxio.user.file.metadata.sync.interval=1s",
            cancellationToken: Token);

        var shell = await mount.ShellAsync(
            "ls data && cat data/seed.txt && mkdir out && cp data/seed.txt out/a.txt && seq 1 50000 > out/n.txt && mv out/a.txt out/b.txt && ls out", Token);
        Assert.True(shell.ExitCode == 0, shell.All);
        Assert.Equal(["seed.txt", "seeded in the bucket", "b.txt", "n.txt"], shell.OutLines);

        Assert.Null(await kodo.StatAsync("root/out/a.txt", Token));
        Assert.Equal(21, (await kodo.StatAsync("root/out/b.txt", Token))!.Size);
        await using (var object1 = await kodo.OpenReadAsync("root/out/n.txt", cancellationToken: Token))
        {
            var expected = string.Concat(Enumerable.Range(1, 50000).Select(i => i + "\n"));
            Assert.Equal(expected, await new StreamReader(object1).ReadToEndAsync(Token));
        }

        // An object put behind Alluxio's back shows once the directory's metadata is synced again (1 s here).
        await kodo.PutAsync("root/data/late.txt", Encoding.ASCII.GetBytes("late\n"), Token);
        await TestCluster.WaitUntilAsync(
            async _ => (await mount.ShellAsync("ls data", Token)).OutLines.Contains("late.txt"), "late.txt to show in the mounted directory", Token);
        Assert.Equal("late", (await mount.ShellAsync("cat data/late.txt", Token)).Out.Trim());

        cluster.AssertSecretNeverShown(TestKodo.SecretKey);
        Assert.DoesNotContain(TestKodo.SecretKey, mount.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKodo.SecretKey, await File.ReadAllTextAsync(mount.LogFile, Token), StringComparison.Ordinal);
    }
}
