using Alluxio.Configuration;
using Alluxio.Formatting;
using Alluxio.Server.Web.Models;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Server.Web.Sources;

/// <summary>Turns the namespace's file statuses into the rows the browse and data pages show.</summary>
internal static class UiFiles
{
    /// <summary>The alias of the cluster's first tier, the one "in memory" columns speak of.</summary>
    public static string HighestTier(AlluxioConfiguration configuration) =>
        configuration.GetList(PropertyKeys.MasterTieredstoreGlobalMediumtype) is [var first, ..] ? first : "MEM";

    public static UiFileInfo From(FileInfo file, WebFormats formats, string highestTier)
    {
        var blocks = file.FileBlockInfos;
        return new UiFileInfo
        {
            Id = file.FileId,
            Name = file.Path == "/" ? "root" : file.Name,
            AbsolutePath = file.Path,
            BlockSizeBytes = file.Folder ? "" : WebFormats.Size(file.BlockSizeBytes),
            Size = file.Folder ? "" : WebFormats.Size(file.Length),
            CreationTime = formats.Date(file.CreationTimeMs),
            ModificationTime = formats.Date(file.LastModificationTimeMs),
            InAlluxio = file.InAlluxioPercentage == 100,
            InAlluxioPercentage = file.InAlluxioPercentage,
            IsDirectory = file.Folder,
            Pinned = file.Pinned,
            Owner = file.Owner,
            Group = file.Group,
            Mode = ModeText.Format(file.Mode, file.Folder),
            PersistenceState = file.PersistenceState,

            // As Alluxio: where the first block is, which is where a reader of the file starts.
            FileLocations = file.Folder || file.Length == 0 || blocks.Count == 0
                ? []
                : [.. blocks[0].BlockInfo.Locations.Select(l => $"{l.WorkerAddress.Host}:{l.WorkerAddress.DataPort}").Concat(blocks[0].UfsLocations).Distinct()],
            OnTierPercentages = new Dictionary<string, int> { [highestTier] = file.InAlluxioPercentage },
            BlockIds = [.. file.BlockIds],
        };
    }

    public static IReadOnlyList<UiFileBlockInfo> Blocks(FileInfo file, string highestTier) =>
        [.. file.FileBlockInfos.Select(b => new UiFileBlockInfo(
            b.BlockInfo.BlockId,
            b.BlockInfo.Length,
            -1,
            [.. b.BlockInfo.Locations.Select(l => l.WorkerAddress.Host).Concat(b.UfsLocations).Distinct()],
            b.BlockInfo.Locations.Any(l => l.TierAlias == highestTier),
            b.BlockInfo.Locations.FirstOrDefault()?.TierAlias ?? ""))];
}
