using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Master.Operations;
using Alluxio.Paths;
using Alluxio.Testing;

namespace Alluxio.Master.Tests;

public sealed class MountTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task MountAsync(NamespaceFixture ns, string path, string ufs, MountPOptions? options = null) =>
        ns.Master.MountAsync(NamespacePaths.Parse(path), ufs, options ?? new MountPOptions(), CallContext.Default, Token);

    [Fact]
    public async Task ANestedLocalMountShowsItsUfsAndUnmountKeepsTheData()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        using var other = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(other.Path, "f"), "abc", Token);

        await MountAsync(ns, "/mnt", other.Path);

        var mountPoint = await ns.StatAsync("/mnt");
        Assert.True(mountPoint.MountPoint);
        Assert.Equal(3, (await ns.StatAsync("/mnt/f")).Length);
        Assert.Equal(Path.Combine(other.Path, "f"), (await ns.StatAsync("/mnt/f")).UfsPath);

        await ns.Master.UnmountAsync(AlluxioUri.Parse("/mnt"), CallContext.Default, Token);

        Assert.False(await ns.Master.ExistsAsync(AlluxioUri.Parse("/mnt"), CallContext.Default with { LoadType = MetadataLoadType.Never }, Token));
        Assert.True(File.Exists(Path.Combine(other.Path, "f")));
    }

    [Fact]
    public async Task EveryMountCheckFailsWithAlluxiosMessage()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        using var other = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(other.Path, "sub"));
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/taken"), new CreateDirectoryPOptions { WriteType = WritePType.MustCache }, CallContext.Default, Token);
        Directory.CreateDirectory(ns.UfsPath("/shadowed"));
        await MountAsync(ns, "/m1", other.Path);

        async Task<AlluxioException> Fails(string path, string ufs, MountPOptions? options = null) =>
            await Assert.ThrowsAnyAsync<AlluxioException>(() => MountAsync(ns, path, ufs, options));

        Assert.Equal("Mount point target path /taken already exists in Alluxio namespace", (await Fails("/taken", other.Path)).Message);
        Assert.Equal($"Mount point {other.Path} is a prefix of {other.Path}/sub", (await Fails("/m2", other.Path + "/sub")).Message);
        Assert.Equal($"Mount path /shadowed shadows an existing path {ns.Ufs}/shadowed in the parent underlying filesystem", (await Fails("/shadowed", other.Path + "2")).Message);
        Assert.Equal($"Ufs path {other.Path}-missing does not exist", (await Fails("/m4", other.Path + "-missing")).Message);
        var scheme = await Fails("/m5", "nope://x/y");
        Assert.Equal(ErrorType.InvalidPath, scheme.ErrorType);
        Assert.StartsWith("No under file system supports the scheme 'nope'", scheme.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadOnlyMountRefusesWritesAndUpdateMountLiftsItKeepingMetadata()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        using var other = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(other.Path, "f"), "abc", Token);
        await MountAsync(ns, "/ro", other.Path, new MountPOptions { ReadOnly = true });
        var before = await ns.StatAsync("/ro/f");

        var e = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/ro/d"), new CreateDirectoryPOptions { WriteType = WritePType.CacheThrough }, CallContext.Default, Token));
        Assert.Equal(ErrorType.AccessControl, e.ErrorType);
        Assert.Equal("A write operation on /ro/d under a readonly mount point /ro is not allowed", e.Message);
        await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.DeleteAsync(AlluxioUri.Parse("/ro/f"), new DeletePOptions(), CallContext.Default, Token));
        Assert.True(File.Exists(Path.Combine(other.Path, "f")));

        await ns.Master.UpdateMountAsync(AlluxioUri.Parse("/ro"), new MountPOptions { ReadOnly = false }, CallContext.Default, Token);

        Assert.Equal(before.FileId, (await ns.StatAsync("/ro/f")).FileId);
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/ro/d"), new CreateDirectoryPOptions { WriteType = WritePType.CacheThrough }, CallContext.Default, Token);
        Assert.True(Directory.Exists(Path.Combine(other.Path, "d")));
    }

    [Fact]
    public async Task ASharedMountGivesOthersTheOwnersBits()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        using var other = new TempDirectory();
        await MountAsync(ns, "/shared", other.Path, new MountPOptions { Shared = true });
        Assert.Equal(0b111_101_111, (await ns.StatAsync("/shared")).Mode);
    }

    [Fact]
    public async Task RenameAcrossMountsIsRefused()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        using var other = new TempDirectory();
        await MountAsync(ns, "/mnt", other.Path);
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/local"), new CreateDirectoryPOptions { WriteType = WritePType.CacheThrough }, CallContext.Default, Token);

        var e = await Assert.ThrowsAsync<AlluxioException>(() => ns.Master.RenameAsync(AlluxioUri.Parse("/local"), AlluxioUri.Parse("/mnt/local"), CallContext.Default, Token));
        Assert.Equal("Renaming /local to /mnt/local is a cross mount operation", e.Message);
    }

    [Fact]
    public async Task AnUnreachableUfsFailsTheMountAtOnceNotAsAnOutageToWaitOut()
    {
        await using var ns = await NamespaceFixture.StartAsync();
        var closedPort = FreePorts.Pick(1)[0];
        var options = new MountPOptions();
        options.Properties["fs.kodo.accesskey"] = "ak";
        options.Properties["fs.kodo.secretkey"] = "FAKE-UNREACHABLE-SECRET";
        options.Properties["alluxio.underfs.kodo.downloadhost"] = $"127.0.0.1:{closedPort}";
        options.Properties["alluxio.underfs.kodo.endpoint"] = $"127.0.0.1:{closedPort}";
        options.Properties["alluxio.underfs.kodo.uc.endpoint"] = $"http://127.0.0.1:{closedPort}";
        options.Properties["alluxio.underfs.kodo.retry.max.num"] = "0";

        // Unavailable is what clients retry; the master itself is up, so the user must hear why now.
        var e = await Assert.ThrowsAnyAsync<AlluxioException>(() => MountAsync(ns, "/unreachable", "kodo://bucket/dir/", options));
        Assert.Equal(ErrorType.FailedPrecondition, e.ErrorType);
        Assert.StartsWith("Cannot mount kodo://bucket/dir: ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{closedPort}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FAKE-UNREACHABLE-SECRET", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKodoMountInTheSeedsShapeMasksItsSecretAndSyncsOutOfBandChanges()
    {
        await using var emulator = await TestKodo.StartEmulatorAsync(Token);
        await using var kodo = TestKodo.Client(emulator);
        await kodo.PutAsync("dir/a.txt", "first"u8.ToArray(), Token);
        await kodo.PutAsync("dir/keep.txt", "keep"u8.ToArray(), Token);
        await using var ns = await NamespaceFixture.StartAsync();
        var options = new MountPOptions();

        // The seed page writes fs.kodo.accessKey with a capital K.
        foreach (var (key, value) in TestKodo.Options(emulator))
        {
            options.Properties[key == "fs.kodo.accesskey" ? "fs.kodo.accessKey" : key] = value;
        }

        await MountAsync(ns, "kodo/", "kodo://" + TestKodo.Bucket + "/dir/", options);

        var table = await ns.Master.GetMountTableAsync(Token);
        Assert.Equal("******", table["/kodo"].Properties["fs.kodo.secretkey"]);
        Assert.Equal("******", table["/kodo"].Properties["fs.kodo.accessKey"]);
        Assert.DoesNotContain(table.Values.SelectMany(m => m.Properties.Values), v => v.Contains(TestKodo.SecretKey, StringComparison.Ordinal));

        var first = (await ns.ListAsync("/kodo")).ToDictionary(i => i.Name);
        Assert.Equal(["a.txt", "keep.txt"], first.Keys.Order(StringComparer.Ordinal));

        await kodo.PutAsync("dir/a.txt", "changed content"u8.ToArray(), Token);
        await kodo.DeleteAsync("dir/keep.txt", Token);
        await kodo.PutAsync("dir/new/b.txt", "b"u8.ToArray(), Token);

        var synced = (await ns.ListAsync("/kodo", recursive: true, call: CallContext.Default with { SyncIntervalMs = 0 })).ToDictionary(i => i.Path);
        Assert.Equal(["/kodo/a.txt", "/kodo/new", "/kodo/new/b.txt"], synced.Keys.Order(StringComparer.Ordinal));
        Assert.NotEqual(first["a.txt"].FileId, synced["/kodo/a.txt"].FileId);
        Assert.Equal(15, synced["/kodo/a.txt"].Length);

        // mkdir, mv and rm change the bucket.
        await ns.Master.CreateDirectoryAsync(AlluxioUri.Parse("/kodo/made"), new CreateDirectoryPOptions { WriteType = WritePType.AsyncThrough }, CallContext.Default, Token);
        Assert.NotNull(await kodo.StatAsync("dir/made/", Token));
        await ns.Master.RenameAsync(AlluxioUri.Parse("/kodo/a.txt"), AlluxioUri.Parse("/kodo/made/a.txt"), CallContext.Default, Token);
        Assert.Null(await kodo.StatAsync("dir/a.txt", Token));
        Assert.NotNull(await kodo.StatAsync("dir/made/a.txt", Token));
        await ns.Master.DeleteAsync(AlluxioUri.Parse("/kodo/made"), new DeletePOptions { Recursive = true }, CallContext.Default, Token);
        Assert.Null(await kodo.StatAsync("dir/made/a.txt", Token));

        Assert.DoesNotContain(ns.Logs.Records, r => r.Message.Contains(TestKodo.SecretKey, StringComparison.Ordinal));
    }
}
