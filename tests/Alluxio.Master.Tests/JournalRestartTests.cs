using System.Net;
using Alluxio.Grpc;
using Alluxio.Journal;
using Alluxio.Master.Operations;
using Alluxio.Paths;
using Alluxio.Testing;

namespace Alluxio.Master.Tests;

/// <summary>The namespace over the real embedded journal survives a restart, with and without a checkpoint.</summary>
public sealed class JournalRestartTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARestartedMasterHasTheSameTree(bool checkpointFirst)
    {
        using var folder = new TempDirectory();
        using var logs = new LogCapture();
        var ufs = Path.Combine(folder.Path, "ufs");
        var journalFolder = Path.Combine(folder.Path, "journal");
        Func<IJournalStateMachine, IJournal> open = sm =>
            new RaftJournal(new RaftJournalOptions(journalFolder, new IPEndPoint(IPAddress.Loopback, 0)), sm, logs.Factory);

        string before;
        await using (var first = await TestMaster.StartAsync(ufs, logs, openJournal: open))
        {
            var master = first.Master;
            await master.CreateDirectoryAsync(AlluxioUri.Parse("/a/b"), new CreateDirectoryPOptions { Recursive = true, WriteType = WritePType.CacheThrough }, CallContext.Default, Token);
            await master.CreateFileAsync(
                AlluxioUri.Parse("/a/f"), new CreateFilePOptions { WriteType = WritePType.AsyncThrough, Xattr = { ["s3_content_type"] = Bytes("text/plain") } }, CallContext.Default, Token);
            await master.CompleteFileAsync(AlluxioUri.Parse("/a/f"), new CompleteFilePOptions { Xattr = { ["s3_etag"] = Bytes("abc") } }, CallContext.Default, Token);
            await master.CreateFileAsync(AlluxioUri.Parse("/a/kept"), new CreateFilePOptions { Xattr = { ["k"] = Bytes("v") } }, CallContext.Default, Token);
            await master.SetAttributeAsync(
                AlluxioUri.Parse("/a/b"), new SetAttributePOptions { Pinned = true, Mode = 0b111_000_000, Xattr = { ["s3_tags"] = Bytes("t=1") } }, CallContext.Default, Token);
            if (checkpointFirst)
            {
                await master.Context.Journal.CheckpointAsync(Token);
            }

            await master.RenameAsync(AlluxioUri.Parse("/a/b"), AlluxioUri.Parse("/a/c"), CallContext.Default, Token);
            var mounted = Directory.CreateDirectory(Path.Combine(folder.Path, "mounted")).FullName;
            await master.MountAsync(AlluxioUri.Parse("/m"), mounted, new MountPOptions { Shared = true, Properties = { ["some.option"] = "kept" } }, CallContext.Default, Token);
            await master.DeleteAsync(AlluxioUri.Parse("/a/f"), new DeletePOptions(), CallContext.Default, Token);
            before = TreeDump.Of(master.Context.Tree);
        }

        await using var second = await TestMaster.StartAsync(ufs, logs, openJournal: open);
        Assert.Equal(before, TreeDump.Of(second.Master.Context.Tree));

        // New ids never reuse old ones after a restart.
        var made = await second.Master.CreateDirectoryAsync(AlluxioUri.Parse("/new"), new CreateDirectoryPOptions(), CallContext.Default, Token);
        var oldIds = (await ListIdsAsync(second.Master)).Where(id => id != made.FileId);
        Assert.DoesNotContain(made.FileId, oldIds);
    }

    private static Google.Protobuf.ByteString Bytes(string text) => Google.Protobuf.ByteString.CopyFromUtf8(text);

    private static async Task<List<long>> ListIdsAsync(FileSystemMaster master)
    {
        var ids = new List<long>();
        await foreach (var batch in master.ListStatusAsync(AlluxioUri.Root, recursive: true, CallContext.Default with { LoadType = MetadataLoadType.Never }, Token))
        {
            ids.AddRange(batch.Select(i => i.FileId));
        }

        return ids;
    }
}
