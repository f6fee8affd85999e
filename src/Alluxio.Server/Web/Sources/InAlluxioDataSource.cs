using Alluxio.Configuration;
using Alluxio.Master;
using Alluxio.Master.Operations;
using Alluxio.Master.Services;
using Alluxio.Paths;
using Alluxio.Server.Web.Models;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// The In-Alluxio Data page: the files wholly cached, in path order, one page at a time. It walks what the master
/// knows without asking any UFS, so a large unloaded bucket costs nothing.
/// </summary>
internal sealed class InAlluxioDataSource(FileSystemMaster master, MasterProcessInfo info, AlluxioConfiguration configuration, WebFormats formats)
{
    private static readonly CallContext s_knownOnly = CallContext.Default with { LoadType = MetadataLoadType.Never };

    public async Task<MasterData> BuildAsync(string? offsetText, string? limitText, CancellationToken cancellationToken)
    {
        var model = new MasterData
        {
            ShowPermissions = configuration.GetBoolean(PropertyKeys.SecurityAuthorizationPermissionEnabled),
            MasterNodeAddress = info.RpcAddress,
            FileInfos = [],
        };
        if (Paging.Parse(offsetText, limitText, out var error) is not { } paging)
        {
            return model with { FatalError = error };
        }

        var selection = new PageSelection(paging);
        await foreach (var batch in master.ListStatusAsync(AlluxioUri.Root, recursive: true, s_knownOnly, cancellationToken).ConfigureAwait(false))
        {
            foreach (var file in batch.Where(f => !f.Folder && f.InAlluxioPercentage == 100))
            {
                selection.Add(file);
            }
        }

        var tier = UiFiles.HighestTier(configuration);
        return model with
        {
            InAlluxioFileNum = selection.Count,
            FileInfos = [.. selection.Page().Select(f => UiFiles.From(f, formats, tier))],
            Offset = paging.Offset,
            Limit = paging.Limit,
        };
    }
}
