using Alluxio.Configuration;
using Alluxio.Testing;
using Alluxio.UnderFs.Local;
using Alluxio.UnderFs.Options;

namespace Alluxio.UnderFs.Tests;

/// <summary>An abandoned local write leaves nothing behind: no file, no temporary file.</summary>
public sealed class AbortTests : IDisposable
{
    private readonly LogCapture _logs = new();
    private readonly TempDirectory _root = new();

    public void Dispose()
    {
        _root.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task AnAbortedWriteCreatesNothingAndADisposeAfterItCommitsNothing()
    {
        await using var ufs = new UnderFileSystemRegistry(TestUfs.Context(_logs))
            .Register(new LocalUnderFileSystemFactory())
            .Create(_root.Path, UnderFileSystemConfiguration.ForMount(AlluxioConfiguration.Defaults, []));
        var path = _root.Path + "/dir/file";
        var stream = await ufs.CreateAsync(path, new CreateOptions { CreateParent = true }, TestContext.Current.CancellationToken);
        await stream.WriteAsync(TestContent.Bytes(100_000), TestContext.Current.CancellationToken);

        await stream.AbortAsync(TestContext.Current.CancellationToken);
        await stream.DisposeAsync();

        Assert.False(await ufs.ExistsAsync(path, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root.Path + "/dir"));
    }

    [Fact]
    public async Task AStreamNotMadeByCreateCannotBeAbandoned()
    {
        using var memory = new MemoryStream();

        await Assert.ThrowsAsync<NotSupportedException>(() => memory.AbortAsync(TestContext.Current.CancellationToken));
    }
}
