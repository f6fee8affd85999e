using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.Master;
using Alluxio.Master.Operations;
using Alluxio.Master.Services;
using Alluxio.Paths;
using Alluxio.Server.Web.Models;
using FileInfo = Alluxio.Grpc.FileInfo;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// What the browse page shows for a path: a directory's children one page at a time, or a file's status, blocks and a
/// window of its bytes read through the cluster (<see cref="FilePreview"/>).
/// </summary>
internal sealed class BrowseSource(
    FileSystemMaster master, MasterProcessInfo info, AlluxioConfiguration configuration, WebFormats formats, FilePreview preview)
{
    private string HighestTier => UiFiles.HighestTier(configuration);

    public async Task<MasterBrowse> BuildAsync(string? pathText, string? offsetText, string? limitText, string? endText, CancellationToken cancellationToken)
    {
        var path = string.IsNullOrEmpty(pathText) ? "/" : pathText;
        var empty = new MasterBrowse
        {
            Debug = configuration.GetBoolean(PropertyKeys.Debug),
            ShowPermissions = configuration.GetBoolean(PropertyKeys.SecurityAuthorizationPermissionEnabled),
            MasterNodeAddress = info.RpcAddress,
            CurrentPath = path,
            HighestTierAlias = HighestTier,
        };
        if (!configuration.GetBoolean(PropertyKeys.WebFileInfoEnabled))
        {
            return empty with { InvalidPathError = $"Browsing is turned off ({PropertyKeys.WebFileInfoEnabled.Name}=false)." };
        }

        AlluxioUri uri;
        FileInfo status;
        try
        {
            uri = NamespacePaths.Parse(path);
            status = await master.GetStatusAsync(uri, CallContext.Default, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AlluxioException or FormatException or ArgumentException)
        {
            return empty with { InvalidPathError = PathError(path, e) };
        }

        var model = empty with { CurrentDirectory = UiFiles.From(status, formats, HighestTier), PathInfos = await AncestorsAsync(uri, cancellationToken).ConfigureAwait(false) };
        return status.Folder
            ? await ListAsync(model, uri, offsetText, limitText, cancellationToken).ConfigureAwait(false)
            : await ViewAsync(model, status, offsetText, endText, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MasterBrowse> ListAsync(MasterBrowse model, AlluxioUri uri, string? offsetText, string? limitText, CancellationToken cancellationToken)
    {
        if (Paging.Parse(offsetText, limitText, out var error) is not { } paging)
        {
            return model with { FatalError = error };
        }

        var selection = new PageSelection(paging);
        await foreach (var batch in master.ListStatusAsync(uri, recursive: false, CallContext.Default, cancellationToken).ConfigureAwait(false))
        {
            foreach (var child in batch)
            {
                selection.Add(child);
            }
        }

        return model with
        {
            FileInfos = [.. selection.Page().Select(f => UiFiles.From(f, formats, HighestTier))],
            TotalFileCount = selection.Count,
            Offset = paging.Offset,
            Limit = paging.Limit,
        };
    }

    private async Task<MasterBrowse> ViewAsync(MasterBrowse model, FileInfo file, string? offsetText, string? endText, CancellationToken cancellationToken)
    {
        model = model with
        {
            FileBlocks = UiFiles.Blocks(file, HighestTier),
            BlockSizeBytes = WebFormats.Size(file.BlockSizeBytes),
        };
        if (!long.TryParse(string.IsNullOrEmpty(offsetText) ? "0" : offsetText, out var offset))
        {
            return model with { FatalError = $"Error: offset parse error, offset={offsetText}" };
        }

        var start = FileWindow.Start(file.Length, offset, fromEnd: !string.IsNullOrEmpty(endText));
        if (!file.Completed)
        {
            return model with { ViewingOffset = start, FileData = "The requested file is not complete yet." };
        }

        try
        {
            var data = await preview.ReadAsync(file.Path, start, cancellationToken).ConfigureAwait(false);
            return model with { ViewingOffset = start, FileData = data };
        }
        catch (AlluxioException e)
        {
            return model with { ViewingOffset = start, FatalError = $"Unable to read file: {e.Message}" };
        }
    }

    /// <summary>The directories from the root down to the path's parent, for the breadcrumbs.</summary>
    private async Task<IReadOnlyList<UiFileInfo>> AncestorsAsync(AlluxioUri uri, CancellationToken cancellationToken)
    {
        var ancestors = new List<UiFileInfo>();
        for (var parent = uri.Parent; parent is not null; parent = parent.Parent)
        {
            var status = await master.GetStatusAsync(parent, CallContext.Default, cancellationToken).ConfigureAwait(false);
            ancestors.Add(UiFiles.From(status, formats, HighestTier));
        }

        ancestors.Reverse();
        return ancestors;
    }

    private static string PathError(string path, Exception e) => e switch
    {
        AlluxioException { ErrorType: ErrorType.FileDoesNotExist } => $"Error: File {path} is not available: {e.Message}",
        AlluxioException { ErrorType: ErrorType.AccessControl } => $"Error: File {path} cannot be accessed: {e.Message}",
        AlluxioException { ErrorType: ErrorType.Unavailable } => $"The service is temporarily unavailable: {e.Message}",
        _ => $"Error: Invalid Path {path}: {e.Message}",
    };
}
