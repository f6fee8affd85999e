using Alluxio.Worker.BlockStore;
using Microsoft.Extensions.Logging;

namespace Alluxio.Worker.Tests;

public sealed class RestartTests : IDisposable
{
    private readonly StoreFolders _folders = new();

    private static CancellationToken Token => StoreFolders.Token;

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task ANewStoreFindsCommittedBlocksAndDeletesUnfinishedOnes()
    {
        var options = _folders.Options([1000, 1000], [1000]);
        var first = await _folders.OpenAsync(options);
        var written = new List<BlockInfo>();
        for (var id = 1; id <= 4; id++)
        {
            written.Add(await StoreFolders.WriteBlockAsync(first, id, 10 * id));
        }

        var unfinished = await first.CreateTempBlockAsync(5, 99, 50, Token);
        await File.WriteAllBytesAsync(unfinished.Path, [1, 2, 3], Token);
        var foreign = Path.Combine(options.Tiers[0].Dirs[0].DataPath, "007");
        await File.WriteAllTextAsync(foreign, "not a block", Token);

        var second = await _folders.OpenAsync(options);

        var found = second.GetReport().SelectMany(t => t.Dirs).SelectMany(d => d.Blocks).OrderBy(b => b.BlockId);
        Assert.Equal(written, found);
        Assert.Null(second.FindBlock(99));
        Assert.False(File.Exists(unfinished.Path));
        Assert.All(
            options.Tiers.SelectMany(t => t.Dirs),
            d => Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(d.DataPath, ".tmp_blocks"))));
        Assert.Equal(written.Sum(b => b.Length), second.GetReport()[0].UsedBytes);
        Assert.True(File.Exists(foreign));
        Assert.Contains(_folders.Logs.Records, r => r.Level == LogLevel.Warning && r.Message.Contains(foreign, StringComparison.Ordinal));

        using var lease = second.AcquireReadLease(3);
        Assert.Equal(StoreFolders.Content(3, 30), await File.ReadAllBytesAsync(lease.Path, Token));
    }
}
