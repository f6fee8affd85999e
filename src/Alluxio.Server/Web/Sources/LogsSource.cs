using Alluxio.Configuration;
using Alluxio.Server.Web.Models;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// The logs page of a master or worker: the *.log files in alluxio.logs.dir, one page at a time, or a 5 KB window of
/// one of them. Only a file name is taken from the request, so no path outside the folder can be read; what is shown
/// passes through the known secrets once more, although the logs are written scrubbed.
/// </summary>
internal sealed class LogsSource(AlluxioConfiguration configuration, KnownSecrets secrets, WebFormats formats)
{
    private string Folder => configuration.Get(PropertyKeys.LogsDir);

    public async Task<WebLogs> BuildAsync(string? path, string? offsetText, string? limitText, string? endText, CancellationToken cancellationToken)
    {
        var model = new WebLogs { Debug = configuration.GetBoolean(PropertyKeys.Debug), CurrentPath = path ?? "" };
        if (string.IsNullOrEmpty(path))
        {
            return List(model, offsetText, limitText);
        }

        var name = Path.GetFileName(path);
        var file = new System.IO.FileInfo(Path.Combine(Folder, name));
        if (!file.Exists || !name.EndsWith(".log", StringComparison.Ordinal))
        {
            return model with { InvalidPathError = $"Error: File {name} is not available: there is no such log in {Folder}." };
        }

        if (!long.TryParse(string.IsNullOrEmpty(offsetText) ? "0" : offsetText, out var offset))
        {
            return model with { FatalError = $"Error: offset parse error, offset={offsetText}" };
        }

        var start = FileWindow.Start(file.Length, offset, fromEnd: !string.IsNullOrEmpty(endText));
        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var data = await FileWindow.ReadAsync(stream, start, cancellationToken).ConfigureAwait(false);
            return model with { CurrentPath = name, ViewingOffset = start, FileData = secrets.Scrub(data) };
        }
    }

    private WebLogs List(WebLogs model, string? offsetText, string? limitText)
    {
        if (Paging.Parse(offsetText, limitText, out var error) is not { } paging)
        {
            return model with { FatalError = error };
        }

        var files = Directory.Exists(Folder)
            ? new DirectoryInfo(Folder).EnumerateFiles("*.log").OrderBy(f => f.Name, StringComparer.Ordinal).ToList()
            : [];
        var (skip, take) = paging.Within(files.Count);
        return model with
        {
            FileInfos = [.. files.Skip(skip).Take(take).Select(f => new UiFileInfo
            {
                Id = -1,
                Name = f.Name,
                AbsolutePath = f.Name,
                Size = WebFormats.Size(f.Length),
                BlockSizeBytes = "0B",
                ModificationTime = formats.Date(new DateTimeOffset(f.LastWriteTimeUtc).ToUnixTimeMilliseconds()),
                PersistenceState = "NOT_PERSISTED",
            })],
            TotalFileCount = files.Count,
            Offset = paging.Offset,
            Limit = paging.Limit,
        };
    }
}
