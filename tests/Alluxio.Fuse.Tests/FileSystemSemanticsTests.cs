using Alluxio.Client;
using Alluxio.Fuse.Files;
using Alluxio.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alluxio.Fuse.Tests;

/// <summary>
/// The mount's file system called as the kernel would, without the kernel: over a real master and worker, checking
/// what no POSIX tool can show directly (offsets, lookup references, rename flags).
/// </summary>
public sealed class FileSystemSemanticsTests : IAsyncLifetime
{
    private TestCluster? _cluster;
    private FileSystem? _client;
    private AlluxioFuseFileSystem? _fuse;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>This test process, as the kernel would name it.</summary>
    private static FuseCaller Me => new(0, 0, Environment.ProcessId);

    private FileSystem Client => _client!;

    private AlluxioFuseFileSystem Fuse => _fuse!;

    public async ValueTask InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(cancellationToken: Token);
        _client = _cluster.Connect();
        await Client.CreateDirectoryAsync("/m", cancellationToken: Token);
        var settings = new AlluxioFuseSettings("/m", FuseMountOptions.Parse((string?)null), TimeSpan.Zero, TimeSpan.FromMinutes(5));
        _fuse = new AlluxioFuseFileSystem(Client, settings, TimeProvider.System, NullLoggerFactory.Instance);
        await Fuse.CheckRootAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_fuse is not null)
        {
            await _fuse.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task AListingResumesAtEveryOffsetAndEachPlusEntryTakesOneReference()
    {
        await Client.CreateDirectoryAsync("/m/many", cancellationToken: Token);
        var names = Enumerable.Range(0, 57).Select(i => $"f{i:D3}").ToHashSet();
        foreach (var name in names)
        {
            await (await Client.CreateFileAsync("/m/many/" + name, cancellationToken: Token)).DisposeAsync();
        }

        var dir = await Fuse.LookupAsync(1, "many", Token);
        var handle = (await Fuse.OpenDirectoryAsync(dir.Attributes.Ino, Token)).Handle;
        var seen = new List<(string Name, FuseEntry Entry, long NextOffset)>();
        long offset = 0;
        while (true)
        {
            var reply = new RecordingDirectoryWriter(capacity: 10, plus: true);
            await Fuse.ReadDirectoryAsync(dir.Attributes.Ino, handle, offset, reply, Token);
            if (reply.Entries.Count == 0)
            {
                break;
            }

            seen.AddRange(reply.Entries);
            offset = reply.Entries[^1].NextOffset;
        }

        Assert.Equal([".", ".."], seen.Take(2).Select(e => e.Name));
        Assert.Equal(names, seen.Skip(2).Select(e => e.Name).ToHashSet());
        Assert.Equal(59, seen.Count);
        Assert.Equal(Enumerable.Range(1, 59).Select(i => (long)i), seen.Select(e => e.NextOffset));
        var first = await Client.GetStatusAsync("/m/many/" + seen[2].Name, cancellationToken: Token);
        Assert.Equal((ulong)first.FileId, seen[2].Entry.Attributes.Ino);

        // Reading again from an earlier offset (telldir/seekdir) gives the same entries from there on.
        var again = new RecordingDirectoryWriter(capacity: 5, plus: false);
        await Fuse.ReadDirectoryAsync(dir.Attributes.Ino, handle, seen[30].NextOffset, again, Token);
        Assert.Equal(seen.Skip(31).Take(5).Select(e => e.Name), again.Entries.Select(e => e.Name));
        await Fuse.ReleaseDirectoryAsync(dir.Attributes.Ino, handle, Token);

        // 57 plus entries, the lookup of the directory and the root: forgetting them all leaves only the root.
        Assert.Equal(59, Fuse.InodeCount);
        foreach (var entry in seen.Skip(2))
        {
            Fuse.Forget(entry.Entry.Attributes.Ino, 1);
        }

        Fuse.Forget(dir.Attributes.Ino, 1);
        Assert.Equal(1, Fuse.InodeCount);
        Assert.Equal(Errno.ESTALE, (await Assert.ThrowsAsync<FuseException>(() => Fuse.GetAttributesAsync(dir.Attributes.Ino, Token).AsTask())).Errno);
    }

    [Fact]
    public async Task FilesAreWrittenInOrderOnceAndCommittedAtTheFirstCloseAfterAWrite()
    {
        var created = await Fuse.CreateAsync(1, "w.bin", 0x1A4, 1, Me, Token);
        var ino = created.Entry.Attributes.Ino;
        var handle = created.Opened.Handle;
        Assert.Equal(TimeSpan.Zero, created.Entry.AttributeTimeout);

        // A close before any write (a shell's dup2 then close) commits nothing, nor does one by another process
        // (a child that inherited the descriptor and exited).
        await Fuse.FlushAsync(ino, handle, Me, Token);
        Assert.Equal(3, await Fuse.WriteAsync(ino, handle, 0, "abc"u8.ToArray(), Token));
        await Fuse.FlushAsync(ino, handle, new FuseCaller(0, 0, 1), Token);
        Assert.Equal(3, await Fuse.WriteAsync(ino, handle, 3, "def"u8.ToArray(), Token));
        Assert.Equal(3, await Fuse.WriteAsync(ino, handle, 4, "efg"u8.ToArray(), Token));
        var gap = await Assert.ThrowsAsync<FuseException>(() => Fuse.WriteAsync(ino, handle, 100, "x"u8.ToArray(), Token).AsTask());
        Assert.Equal(Errno.EOPNOTSUPP, gap.Errno);
        Assert.Equal(7, (await Fuse.GetAttributesAsync(ino, Token)).Attributes.Size);

        await Fuse.FlushAsync(ino, handle, Me, Token);
        Assert.Equal(Errno.EBADF, (await Assert.ThrowsAsync<FuseException>(() => Fuse.WriteAsync(ino, handle, 7, "h"u8.ToArray(), Token).AsTask())).Errno);
        await Fuse.ReleaseAsync(ino, handle, Token);
        await using (var read = await Client.OpenFileAsync("/m/w.bin", cancellationToken: Token))
        {
            Assert.Equal("abcdefg", await new StreamReader(read).ReadToEndAsync(Token));
        }

        // An existing file opens for writing only with O_TRUNC; O_RDWR without it reads.
        Assert.Equal(Errno.EOPNOTSUPP, (await Assert.ThrowsAsync<FuseException>(() => Fuse.OpenAsync(ino, 1, Me, Token).AsTask())).Errno);
        var truncated = await Fuse.OpenAsync(ino, 1 | 0x200, Me, Token);
        Assert.Equal(2, await Fuse.WriteAsync(ino, truncated.Handle, 0, "hi"u8.ToArray(), Token));
        await Fuse.FlushAsync(ino, truncated.Handle, Me, Token);
        await Fuse.ReleaseAsync(ino, truncated.Handle, Token);
        Assert.Equal(2, (await Client.GetStatusAsync("/m/w.bin", cancellationToken: Token)).Length);

        // O_RDWR reads until the handle is truncated to 0 (ftruncate), then writes the file's replacement.
        var readWrite = await Fuse.OpenAsync(ino, 2, Me, Token);
        Assert.Equal(Errno.EOPNOTSUPP, (await Assert.ThrowsAsync<FuseException>(() => Fuse.WriteAsync(ino, readWrite.Handle, 0, "x"u8.ToArray(), Token).AsTask())).Errno);
        var emptied = await Fuse.SetAttributesAsync(ino, new FuseAttributeChange(null, null, null, 0, false), readWrite.Handle, Token);
        Assert.Equal(0, emptied.Attributes.Size);
        Assert.Equal(3, await Fuse.WriteAsync(ino, readWrite.Handle, 0, "new"u8.ToArray(), Token));
        await Fuse.FlushAsync(ino, readWrite.Handle, Me, Token);
        await Fuse.ReleaseAsync(ino, readWrite.Handle, Token);
        await using (var rewritten = await Client.OpenFileAsync("/m/w.bin", cancellationToken: Token))
        {
            Assert.Equal("new", await new StreamReader(rewritten).ReadToEndAsync(Token));
        }
    }

    [Fact]
    public async Task RenameReplacesAFileUnlessToldNotToAndNeverExchanges()
    {
        foreach (var name in new[] { "a", "b" })
        {
            await using var stream = await Client.CreateFileAsync("/m/" + name, cancellationToken: Token);
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(name), Token);
        }

        Assert.Equal(Errno.EEXIST, Errno.From(await Assert.ThrowsAnyAsync<Exception>(() => Fuse.RenameAsync(1, "a", 1, "b", 1, Token).AsTask())));
        Assert.Equal(Errno.ENOTSUP, Errno.From(await Assert.ThrowsAnyAsync<Exception>(() => Fuse.RenameAsync(1, "a", 1, "b", 2, Token).AsTask())));
        await Fuse.RenameAsync(1, "a", 1, "b", 0, Token);

        Assert.False(await Client.ExistsAsync("/m/a", cancellationToken: Token));
        Assert.Equal(1, (await Client.GetStatusAsync("/m/b", cancellationToken: Token)).Length);
        await using var read = await Client.OpenFileAsync("/m/b", cancellationToken: Token);
        Assert.Equal("a", await new StreamReader(read).ReadToEndAsync(Token));
    }

    [Fact]
    public async Task TruncationIsToTheSameSizeOrToNothing()
    {
        await using (var stream = await Client.CreateFileAsync("/m/t", cancellationToken: Token))
        {
            await stream.WriteAsync("12345"u8.ToArray(), Token);
        }

        var ino = (await Fuse.LookupAsync(1, "t", Token)).Attributes.Ino;
        Assert.Equal(5, (await Fuse.SetAttributesAsync(ino, new FuseAttributeChange(null, null, null, 5, false), null, Token)).Attributes.Size);
        Assert.Equal(Errno.EOPNOTSUPP, (await Assert.ThrowsAsync<FuseException>(
            () => Fuse.SetAttributesAsync(ino, new FuseAttributeChange(null, null, null, 2, false), null, Token).AsTask())).Errno);
        Assert.Equal(0, (await Fuse.SetAttributesAsync(ino, new FuseAttributeChange(null, null, null, 0, false), null, Token)).Attributes.Size);
        Assert.Equal(0, (await Client.GetStatusAsync("/m/t", cancellationToken: Token)).Length);
    }

    [Fact]
    public async Task ANameLongerThan255BytesIsENameTooLongAndAMissingOneIsNegative()
    {
        var tooLong = await Assert.ThrowsAsync<FuseException>(() => Fuse.LookupAsync(1, new string('n', 256), Token).AsTask());
        Assert.Equal(Errno.ENAMETOOLONG, tooLong.Errno);
        var missing = await Fuse.LookupAsync(1, "nothing-here", Token);
        Assert.Equal(0ul, missing.Attributes.Ino);
    }
}
