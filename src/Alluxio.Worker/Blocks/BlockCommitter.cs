using Alluxio.Worker.BlockStore;
using Alluxio.Worker.Master;

namespace Alluxio.Worker.Blocks;

/// <summary>Commits a written block in the store and tells the master, so no commit goes unreported.</summary>
internal sealed class BlockCommitter(MasterLink master)
{
    public async Task<BlockInfo> CommitAsync(TempBlockWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var block = await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        await master.ReportCommittedAsync(block, cancellationToken).ConfigureAwait(false);
        return block;
    }
}
