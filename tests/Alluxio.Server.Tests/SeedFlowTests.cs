using Alluxio.Testing;

namespace Alluxio.Server.Tests;

/// <summary>
/// The seed page's flow against a real master process and the Kodo emulator: the root mount from the site file,
/// bin/alluxio fs changing the bucket, a nested mount written exactly as the page writes it, and a seeded secret
/// that no output, log, page or journal dump shows.
/// </summary>
public sealed class SeedFlowTests
{
    private const string Secret = "FAKE-SEED-SECRET-7d1c9e";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSeedPagesRootAndNestedMountsWorkAndNeverShowTheSecret()
    {
        await using var emulator = await KodoEmulatorFixture.StartAsync(KodoEmulatorFixture.CreateOptions(TestKodo.AccessKey, Secret, TestKodo.Bucket), Token);
        await using var kodo = TestKodo.Client(emulator, Secret);
        await kodo.PutAsync("dir/a.txt", "hello"u8.ToArray(), Token);
        await kodo.PutAsync("dir/sub/b.txt", "b"u8.ToArray(), Token);
        await kodo.PutAsync("other/c.txt", "c"u8.ToArray(), Token);

        // The root mount as the seed page writes it in alluxio-site.properties, plus the emulator's uc endpoint.
        var site = TestKodo.RootMountSiteProperties(emulator, "dir", Secret);
        await using var master = await MasterProcess.StartAsync(new MasterProcessOptions { SiteProperties = site }, Token);
        var outputs = new List<string>();

        async Task<ProcessResult> Fs(params string[] args)
        {
            var run = await ProcessRun.RunAsync(Path.Combine(RepositoryRoot.Path, "bin", "alluxio"), master.Environment, args, Token);
            outputs.Add(run.All);
            return run;
        }

        var ls = await Fs("fs", "ls", "/");
        Assert.Equal(0, ls.ExitCode);
        Assert.Contains(ls.OutLines, l => l.TrimEnd().EndsWith("/a.txt", StringComparison.Ordinal));
        Assert.Contains(ls.OutLines, l => l.TrimEnd().EndsWith("/sub", StringComparison.Ordinal));

        Assert.Equal(0, (await Fs("fs", "mkdir", "/made")).ExitCode);
        Assert.NotNull(await kodo.StatAsync("dir/made/", Token));
        Assert.Equal(0, (await Fs("fs", "mv", "/a.txt", "/made/a.txt")).ExitCode);
        Assert.Null(await kodo.StatAsync("dir/a.txt", Token));
        Assert.NotNull(await kodo.StatAsync("dir/made/a.txt", Token));
        Assert.Equal(0, (await Fs("fs", "rm", "-R", "/made")).ExitCode);
        Assert.Null(await kodo.StatAsync("dir/made/a.txt", Token));

        // An object added behind Alluxio's back, after the directory was loaded, shows once the caller asks for a sync.
        Assert.Contains("/sub/b.txt", (await Fs("fs", "ls", "-R", "/")).Out, StringComparison.Ordinal);
        await kodo.PutAsync("dir/sub/late.txt", "late"u8.ToArray(), Token);
        Assert.DoesNotContain("late.txt", (await Fs("fs", "ls", "-R", "/")).Out, StringComparison.Ordinal);
        Assert.Contains("/sub/late.txt", (await Fs("-Dalluxio.user.file.metadata.sync.interval=0", "fs", "ls", "-R", "/")).Out, StringComparison.Ordinal);

        // The nested mount exactly as the seed page writes it, relative path and mis-cased key included.
        var mount = await Fs(
            "fs", "mount",
            "--option", $"fs.kodo.accessKey={TestKodo.AccessKey}",
            "--option", $"fs.kodo.secretkey={Secret}",
            "--option", $"alluxio.underfs.kodo.downloadhost={emulator.DomainOf(TestKodo.Bucket)}",
            "--option", $"alluxio.underfs.kodo.endpoint={emulator.Endpoint}",
            "kodo/", $"kodo://{TestKodo.Bucket}/other/");
        Assert.Equal(0, mount.ExitCode);
        Assert.StartsWith("Mounted kodo://", mount.Out, StringComparison.Ordinal);
        Assert.Contains("/kodo/c.txt", (await Fs("fs", "ls", "/kodo")).Out, StringComparison.Ordinal);

        var table = await Fs("fs", "mount");
        Assert.Contains("fs.kodo.secretkey=******", table.Out, StringComparison.Ordinal);
        Assert.Contains("fs.kodo.accessKey=******", table.Out, StringComparison.Ordinal);

        Assert.StartsWith("Successfully took a checkpoint on master localhost:", (await Fs("fsadmin", "journal", "checkpoint")).Out, StringComparison.Ordinal);
        outputs.Add(await master.GetStringAsync("api/v1/master/info", Token));
        outputs.Add(await master.GetStringAsync("metrics/prometheus", Token));
        outputs.Add(await master.GetStringAsync("", Token));
        Assert.Equal(0, await master.StopAsync(Token));
        var dump = await Fs("readJournal");
        Assert.Equal(0, dump.ExitCode);
        Assert.Contains("\"fs.kodo.secretkey\": \"******\"", dump.Out, StringComparison.Ordinal);
        outputs.Add(await File.ReadAllTextAsync(master.LogFile, Token));
        outputs.Add(master.Output);

        Assert.All(outputs, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
    }
}
