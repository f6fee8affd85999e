using Alluxio.Client;
using Alluxio.Client.Options;
using Alluxio.Configuration;

namespace Alluxio.Server.Web.Sources;

/// <summary>
/// Reads the window of a file the browse page shows through the cluster, as any client would (NO_CACHE, so looking
/// at a file does not cache it), with one client of this master made on first use.
/// </summary>
internal sealed class FilePreview(AlluxioConfiguration configuration, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly Lazy<FileSystem> _client = new(() => FileSystem.Create(configuration, loggerFactory));

    public async Task<string> ReadAsync(string path, long start, CancellationToken cancellationToken)
    {
        var stream = await _client.Value.OpenFileAsync(path, new OpenFileOptions { ReadType = ReadType.NoCache }, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await FileWindow.ReadAsync(stream, start, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsValueCreated)
        {
            await _client.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}
