using Alluxio.Errors;
using Alluxio.Grpc;
using Alluxio.Master.Inodes;
using Alluxio.Master.Journal;
using Alluxio.Master.Operations;
using Alluxio.Paths;
using Alluxio.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Alluxio.Master.Tests;

/// <summary>Random operation sequences, applied live, give the same tree when replayed from the journal or a checkpoint.</summary>
public sealed class JournalReplayPropertyTests
{
    private static readonly string[] s_paths = ["/a", "/b", "/a/c", "/a/d", "/b/e", "/a/c/f", "/g"];

    [Property(MaxTest = 25)]
    public async Task ReplayAndCheckpointRebuildTheLiveTree(byte[][] operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        using var folder = new TempDirectory();
        using var logs = new LogCapture();
        RecordingJournal? journal = null;
        await using var test = await TestMaster.StartAsync(Path.Combine(folder.Path, "ufs"), logs, openJournal: sm => journal = new RecordingJournal(sm));
        foreach (var op in operations.Where(o => o is { Length: >= 3 }))
        {
            await ApplyAsync(test.Master, op[0], s_paths[op[1] % s_paths.Length], s_paths[op[2] % s_paths.Length]);
        }

        var live = TreeDump.Of(test.Master.Context.Tree);

        // Replay every journal entry into an empty tree.
        using var replayed = new InodeTree(new HeapInodeStore());
        var replayMachine = new NamespaceStateMachine(replayed, new RecentOperations());
        foreach (var entry in journal!.Entries)
        {
            replayMachine.Apply(entry);
        }

        Assert.Equal(live, TreeDump.Of(replayed));

        // A checkpoint of the live tree restores the same tree.
        using var checkpoint = new MemoryStream();
        await new NamespaceStateMachine(test.Master.Context.Tree, new RecentOperations()).WriteCheckpointAsync(checkpoint, CancellationToken.None);
        checkpoint.Position = 0;
        using var restored = new InodeTree(new HeapInodeStore());
        await new NamespaceStateMachine(restored, new RecentOperations()).RestoreCheckpointAsync(checkpoint, CancellationToken.None);
        Assert.Equal(live, TreeDump.Of(restored));
    }

    private static async Task ApplyAsync(FileSystemMaster master, byte kind, string a, string b)
    {
        var call = CallContext.Default;
        var ct = CancellationToken.None;
        try
        {
            switch (kind % 7)
            {
                case 0:
                    await master.CreateDirectoryAsync(AlluxioUri.Parse(a), new CreateDirectoryPOptions { Recursive = true, WriteType = kind % 2 == 0 ? WritePType.CacheThrough : WritePType.MustCache }, call, ct);
                    break;
                case 1:
                    await master.CreateFileAsync(AlluxioUri.Parse(a), new CreateFilePOptions { Recursive = true, WriteType = WritePType.AsyncThrough }, call, ct);
                    await master.CompleteFileAsync(AlluxioUri.Parse(a), new CompleteFilePOptions(), call, ct);
                    break;
                case 2:
                    await master.DeleteAsync(AlluxioUri.Parse(a), new DeletePOptions { Recursive = true, AlluxioOnly = kind % 2 == 0 }, call, ct);
                    break;
                case 3:
                    await master.RenameAsync(AlluxioUri.Parse(a), AlluxioUri.Parse(b), call, ct);
                    break;
                case 4:
                    await master.SetAttributeAsync(AlluxioUri.Parse(a), new SetAttributePOptions { Mode = kind, Pinned = kind % 2 == 0, Recursive = true }, call, ct);
                    break;
                case 5:
                    await master.SetAttributeAsync(AlluxioUri.Parse(a), new SetAttributePOptions { CommonOptions = new FileSystemMasterCommonPOptions { Ttl = kind * 1000L, TtlAction = TtlAction.Free } }, call, ct);
                    break;
                default:
                    await foreach (var _ in master.ListStatusAsync(AlluxioUri.Root, recursive: true, call with { SyncIntervalMs = 0 }, ct))
                    {
                    }

                    break;
            }
        }
        catch (AlluxioException)
        {
            // Refused operations (a missing path, an existing destination) change nothing, which is the point.
        }
    }
}
