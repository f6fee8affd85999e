using System.Diagnostics;
using Alluxio.Configuration;
using Alluxio.UnderFs.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alluxio.UnderFs;

/// <summary>
/// Wraps a UFS to time every call (<see cref="UnderFileSystemMetrics"/>), count failures and log slow or failed
/// calls, with every credential of the mount scrubbed from what is logged.
/// </summary>
public sealed class UnderFileSystemWithLogging : IUnderFileSystem
{
    /// <summary>Calls slower than this are logged as warnings, as Alluxio's alluxio.underfs.logging.threshold.</summary>
    public static readonly TimeSpan SlowCallThreshold = TimeSpan.FromSeconds(10);

    private readonly IUnderFileSystem _inner;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<string> _secrets;
    private readonly KeyValuePair<string, object?> _typeTag;

    public UnderFileSystemWithLogging(IUnderFileSystem inner, string root, UnderFileSystemConfiguration configuration, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(configuration);
        _inner = inner;
        _logger = logger ?? NullLogger.Instance;
        _secrets = configuration.SecretValues();
        _typeTag = new("ufs_type", inner.UnderFSType);
        Root = root;
    }

    /// <summary>The UFS URI this instance was made for.</summary>
    public string Root { get; }

    public string UnderFSType => _inner.UnderFSType;

    public bool IsObjectStorage => _inner.IsObjectStorage;

    public Task<Stream> CreateAsync(string path, CreateOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("Create", path, () => _inner.CreateAsync(path, options, cancellationToken));

    public Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("DeleteFile", path, () => _inner.DeleteFileAsync(path, cancellationToken));

    public Task<bool> DeleteDirectoryAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("DeleteDirectory", path, () => _inner.DeleteDirectoryAsync(path, options, cancellationToken));

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("Exists", path, () => _inner.ExistsAsync(path, cancellationToken));

    public Task<bool> IsFileAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("IsFile", path, () => _inner.IsFileAsync(path, cancellationToken));

    public Task<bool> IsDirectoryAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("IsDirectory", path, () => _inner.IsDirectoryAsync(path, cancellationToken));

    public Task<UfsStatus> GetStatusAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("GetStatus", path, () => _inner.GetStatusAsync(path, cancellationToken));

    public Task<UfsFileStatus> GetFileStatusAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("GetFileStatus", path, () => _inner.GetFileStatusAsync(path, cancellationToken));

    public Task<UfsDirectoryStatus> GetDirectoryStatusAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("GetDirectoryStatus", path, () => _inner.GetDirectoryStatusAsync(path, cancellationToken));

    public Task<IReadOnlyList<UfsStatus>?> ListStatusAsync(string path, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("ListStatus", path, () => _inner.ListStatusAsync(path, options, cancellationToken));

    public Task<bool> MkdirsAsync(string path, MkdirsOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("Mkdirs", path, () => _inner.MkdirsAsync(path, options, cancellationToken));

    public Task<Stream> OpenAsync(string path, OpenOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("Open", path, () => _inner.OpenAsync(path, options, cancellationToken));

    public Task<bool> RenameFileAsync(string source, string destination, CancellationToken cancellationToken = default) =>
        RunAsync("RenameFile", source, () => _inner.RenameFileAsync(source, destination, cancellationToken));

    public Task<bool> RenameDirectoryAsync(string source, string destination, CancellationToken cancellationToken = default) =>
        RunAsync("RenameDirectory", source, () => _inner.RenameDirectoryAsync(source, destination, cancellationToken));

    public Task<long> GetSpaceAsync(string path, SpaceType type, CancellationToken cancellationToken = default) =>
        RunAsync("GetSpace", path, () => _inner.GetSpaceAsync(path, type, cancellationToken));

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private async Task<T> RunAsync<T>(string operation, string path, Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var operationTag = new KeyValuePair<string, object?>("op", operation);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            UnderFileSystemMetrics.Failures.Add(1, operationTag, _typeTag);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var shownPath = CredentialMasker.Redact(path, _secrets);
                var error = CredentialMasker.Redact(e.Message, _secrets);
                UnderFileSystemLog.CallFailed(_logger, operation, shownPath, error);
            }
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            UnderFileSystemMetrics.Duration.Record(elapsed.TotalMilliseconds, operationTag, _typeTag);
            if (elapsed > SlowCallThreshold && _logger.IsEnabled(LogLevel.Warning))
            {
                var shownPath = CredentialMasker.Redact(path, _secrets);
                UnderFileSystemLog.SlowCall(_logger, operation, shownPath, (long)elapsed.TotalMilliseconds);
            }
        }
    }
}
