using System.Globalization;
using Alluxio.Grpc;
using Alluxio.Grpc.Journal;
using Alluxio.Ids;
using Alluxio.Master.Inodes;
using Alluxio.Master.Journal;
using Alluxio.UnderFs;

namespace Alluxio.SystemBenchmarks;

/// <summary>
/// Master heap per inode: a namespace of files loaded from Kodo (name, fingerprint and all) built by the journal's
/// apply function, measured as the managed heap it adds. Reference: Alluxio's 2–4 KB per inode; goal ≤ 1 KB.
/// </summary>
internal sealed class MasterHeapScenario : IScenario
{
    public string Name => "master-heap";

    public string Description => "managed heap per inode of a namespace loaded from Kodo";

    public Task<IReadOnlyList<string>> RunAsync(bool quick, CancellationToken cancellationToken)
    {
        var directories = quick ? 10 : 1000;
        const int FilesPerDirectory = 1000;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var tree = new InodeTree(new HeapInodeStore());
        var machine = new NamespaceStateMachine(tree, new RecentOperations());
        long container = 0;
        var root = InodeIds.ForContainer(container++);
        var rootEntry = new JournalEntry();
        rootEntry.Ops.Add(new JournalOp { CreateDirectory = new InodeDirectoryEntry { Id = root, ParentId = -1, Mode = 0x1ED, PersistenceState = PersistenceState.Persisted } });
        machine.Apply(rootEntry);
        var modified = DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture);
        for (var d = 0; d < directories; d++)
        {
            var directoryId = InodeIds.ForContainer(container++);
            var entry = new JournalEntry();
            entry.Ops.Add(new JournalOp
            {
                CreateDirectory = new InodeDirectoryEntry
                {
                    Id = directoryId,
                    ParentId = root,
                    Name = "dir-" + d.ToString("D5", CultureInfo.InvariantCulture),
                    Mode = 0x1FF,
                    PersistenceState = PersistenceState.Persisted,
                    DirectChildrenLoaded = true,
                    Ttl = -1,
                },
            });
            for (var f = 0; f < FilesPerDirectory; f++)
            {
                var name = "part-" + f.ToString("D5", CultureInfo.InvariantCulture) + ".parquet";
                var status = new UfsFileStatus(name, QetagLike(d, f), 4 << 20, modified, Mode: 0x1FF);
                entry.Ops.Add(new JournalOp
                {
                    CreateFile = new InodeFileEntry
                    {
                        Id = InodeIds.ForContainer(container++),
                        ParentId = directoryId,
                        Name = name,
                        CreationTimeMs = modified.ToUnixTimeMilliseconds(),
                        Mode = 0x1FF,
                        PersistenceState = PersistenceState.Persisted,
                        BlockSizeBytes = 64 << 20,
                        Length = 4 << 20,
                        Completed = true,
                        Cacheable = true,
                        UfsFingerprint = Fingerprint.Of("kodo", status),
                        ReplicationMax = -1,
                        Ttl = -1,
                    },
                });
            }

            machine.Apply(entry);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var inodes = tree.Store.Count;
        var perInode = (after - before) / (double)inodes;
        GC.KeepAlive(tree);
        return Task.FromResult<IReadOnlyList<string>>(
        [
            $"inodes: {inodes:N0}",
            $"heap added: {(after - before) / (1024.0 * 1024):N1} MiB",
            $"heap per inode: {perInode:N0} B (goal <= 1,024 B; Alluxio publishes 2,048-4,096 B)",
            $"ratio to Alluxio's 2 KB: {perInode / 2048:N2}",
        ]);
    }

    /// <summary>A 28-character qetag-shaped hash, distinct per object, as Kodo reports.</summary>
    private static string QetagLike(int directory, int file) =>
        "Fh" + Convert.ToHexString(BitConverter.GetBytes(((long)directory << 32) | (uint)file)).PadLeft(26, '0');
}
