using Alluxio.Grpc;
using Alluxio.Worker.BlockStore;
using BlockInfo = Alluxio.Worker.BlockStore.BlockInfo;

namespace Alluxio.Worker.Blocks;

/// <summary>Where a block of the store lives as the master names it: its tier alias and the medium of its folder.</summary>
internal sealed class StoreLocations(TieredStoreOptions options)
{
    private readonly Dictionary<string, string> _mediumByFolder = options.Tiers
        .SelectMany(t => t.Dirs)
        .ToDictionary(d => d.DataPath, d => d.MediumType, StringComparer.Ordinal);

    public BlockStoreLocationProto Of(BlockInfo block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return new BlockStoreLocationProto { TierAlias = block.TierAlias, MediumType = _mediumByFolder.GetValueOrDefault(block.DirPath, block.TierAlias) };
    }
}
