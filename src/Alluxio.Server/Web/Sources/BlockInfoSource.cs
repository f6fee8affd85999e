using Alluxio.Errors;
using Alluxio.Ids;
using Alluxio.Server.Web.Models;
using Alluxio.Worker;
using WorkerBlock = Alluxio.Worker.BlockStore.BlockInfo;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// The worker's block info page: the files with blocks on this worker, one page at a time in file id order, their
/// paths asked of the master for that page only; or the blocks here of one file.
/// </summary>
internal sealed class BlockInfoSource(AlluxioWorker worker)
{
    public async Task<WorkerBlockInfo> BuildAsync(string? path, string? offsetText, string? limitText, CancellationToken cancellationToken)
    {
        var report = worker.Store.GetReport();
        var tiers = report.OrderBy(t => t.Ordinal).Select(t => t.Alias).ToList();
        var byFile = report.SelectMany(t => t.Dirs).SelectMany(d => d.Blocks)
            .GroupBy(b => InodeIds.FileIdOfBlock(b.BlockId))
            .OrderBy(g => g.Key)
            .ToList();
        var model = new WorkerBlockInfo { OrderedTierAliases = tiers };
        try
        {
            return string.IsNullOrEmpty(path)
                ? await ListAsync(model, byFile, offsetText, limitText, cancellationToken).ConfigureAwait(false)
                : await ViewAsync(model, byFile, path, cancellationToken).ConfigureAwait(false);
        }
        catch (AlluxioException e)
        {
            return model with { FatalError = $"Error: alluxio exception. {e.Message}" };
        }
    }

    private async Task<WorkerBlockInfo> ListAsync(
        WorkerBlockInfo model, List<IGrouping<long, WorkerBlock>> byFile, string? offsetText, string? limitText, CancellationToken cancellationToken)
    {
        if (Paging.Parse(offsetText, limitText, out var error) is not { } paging)
        {
            return model with { FatalError = error };
        }

        var (skip, take) = paging.Within(byFile.Count);
        var page = byFile.Skip(skip).Take(take).ToList();
        var paths = await worker.GetFilePathsAsync(page.Select(g => g.Key), cancellationToken).ConfigureAwait(false);
        return model with
        {
            FileInfos = [.. page.Select(g => Row(g, paths.GetValueOrDefault(g.Key), model.OrderedTierAliases))],
            TotalFileCount = byFile.Count,
            Offset = paging.Offset,
            Limit = paging.Limit,
        };
    }

    private async Task<WorkerBlockInfo> ViewAsync(WorkerBlockInfo model, List<IGrouping<long, WorkerBlock>> byFile, string path, CancellationToken cancellationToken)
    {
        // The page knows files by path, the store by id: look the path up among this worker's files, a batch at a time.
        foreach (var chunk in byFile.Chunk(500))
        {
            var paths = await worker.GetFilePathsAsync(chunk.Select(g => g.Key), cancellationToken).ConfigureAwait(false);
            if (chunk.FirstOrDefault(g => paths.GetValueOrDefault(g.Key) == path) is { } file)
            {
                return model with
                {
                    Path = path,
                    BlockSizeBytes = WebFormats.Size(file.Max(b => b.Length)),
                    FileBlocks = [.. file.OrderBy(b => b.BlockId).Select(b => new UiFileBlockInfo(b.BlockId, b.Length, -1, [], model.OrderedTierAliases.Count > 0 && b.TierAlias == model.OrderedTierAliases[0], b.TierAlias))],
                };
            }
        }

        return model with { InvalidPathError = $"Error: File {path} is not available: this worker holds no block of it." };
    }

    private static UiFileInfo Row(IGrouping<long, WorkerBlock> file, string? path, IReadOnlyList<string> tiers)
    {
        var bytes = file.Sum(b => b.Length);
        return new UiFileInfo
        {
            Id = file.Key,
            Name = path is null ? $"(file {file.Key}, deleted)" : Path.GetFileName(path),
            AbsolutePath = path ?? "",
            Size = WebFormats.Size(bytes),
            OnTierPercentages = tiers.ToDictionary(t => t, t => WebFormats.Percent(file.Where(b => b.TierAlias == t).Sum(b => b.Length), bytes)),
            BlocksOnTier = file.GroupBy(b => b.TierAlias).ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<UiFileBlockInfo>)[.. g.Select(b => new UiFileBlockInfo(b.BlockId, b.Length, -1, [], tiers.Count > 0 && g.Key == tiers[0], g.Key))]),
            BlockIds = [.. file.Select(b => b.BlockId).Order()],
        };
    }
}
