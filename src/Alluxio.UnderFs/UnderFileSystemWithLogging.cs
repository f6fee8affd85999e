using System.Runtime.CompilerServices;
using Alluxio.Configuration;
using Alluxio.Errors;
using Alluxio.UnderFs.Options;
using Microsoft.Extensions.Logging;

namespace Alluxio.UnderFs;

/// <summary>
/// The decorator every UFS of a registry is wrapped in: it times every call (<see cref="UnderFileSystemMetrics"/>),
/// counts failures, logs slow or failed calls with every credential of the mount scrubbed, and is the one error
/// boundary: whatever the UFS throws, here or later from its streams and listings, leaves as an
/// <see cref="AlluxioException"/> (<see cref="UnderFileSystemErrors"/>).
/// </summary>
public sealed class UnderFileSystemWithLogging : UnderFileSystem
{
    /// <summary>Calls slower than this are logged as warnings, as Alluxio's alluxio.underfs.logging.threshold.</summary>
    public static readonly TimeSpan SlowCallThreshold = TimeSpan.FromSeconds(10);

    private readonly UnderFileSystem _inner;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly UnderFileSystemMetrics _metrics;
    private readonly IReadOnlyList<string> _secrets;
    private readonly string _metricTags;

    public UnderFileSystemWithLogging(UnderFileSystem inner, string root, UnderFileSystemConfiguration configuration, UnderFileSystemContext context)
        : this(inner, root, configuration, context, new UnderFileSystemMetrics(
            context?.Meter ?? throw new ArgumentNullException(nameof(context)), context.Instance))
    {
    }

    internal UnderFileSystemWithLogging(
        UnderFileSystem inner, string root, UnderFileSystemConfiguration configuration, UnderFileSystemContext context, UnderFileSystemMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(context);
        _inner = inner;
        _logger = context.LoggerFactory.CreateLogger<UnderFileSystemWithLogging>();
        _time = context.TimeProvider;
        _metrics = metrics;
        _secrets = configuration.SecretValues();
        _metricTags = UnderFileSystemMetrics.Tags(CredentialMasker.Redact(root, _secrets), inner.UnderFSType);
        Root = root;
    }

    /// <summary>The UFS URI this instance was made for.</summary>
    public string Root { get; }

    public override string UnderFSType => _inner.UnderFSType;

    public override bool IsObjectStorage => _inner.IsObjectStorage;

    public override async Task<Stream> CreateAsync(string path, CreateOptions? options = null, CancellationToken cancellationToken = default) =>
        new ErrorTranslatingStream(await RunAsync("Create", path, () => _inner.CreateAsync(path, options, cancellationToken)).ConfigureAwait(false), Translate);

    public override Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("DeleteFile", path, () => _inner.DeleteFileAsync(path, cancellationToken));

    public override Task<bool> DeleteDirectoryAsync(string path, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("DeleteDirectory", path, () => _inner.DeleteDirectoryAsync(path, options, cancellationToken));

    public override Task<bool> ExistsAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("Exists", path, () => _inner.ExistsAsync(path, cancellationToken));

    public override Task<bool> IsFileAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("IsFile", path, () => _inner.IsFileAsync(path, cancellationToken));

    public override Task<bool> IsDirectoryAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("IsDirectory", path, () => _inner.IsDirectoryAsync(path, cancellationToken));

    public override Task<UfsStatus> GetStatusAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("GetStatus", path, () => _inner.GetStatusAsync(path, cancellationToken));

    public override Task<UfsFileStatus> GetFileStatusAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("GetFileStatus", path, () => _inner.GetFileStatusAsync(path, cancellationToken));

    public override Task<UfsDirectoryStatus> GetDirectoryStatusAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync("GetDirectoryStatus", path, () => _inner.GetDirectoryStatusAsync(path, cancellationToken));

    public override async Task<IAsyncEnumerable<UfsStatus>?> ListStatusAsync(string path, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        await RunAsync("ListStatus", path, () => _inner.ListStatusAsync(path, options, cancellationToken)).ConfigureAwait(false) is { } listing
            ? TranslateErrorsAsync(listing, path, cancellationToken)
            : null;

    public override Task<bool> MkdirsAsync(string path, MkdirsOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("Mkdirs", path, () => _inner.MkdirsAsync(path, options, cancellationToken));

    public override async Task<Stream> OpenAsync(string path, OpenOptions? options = null, CancellationToken cancellationToken = default) =>
        new ErrorTranslatingStream(await RunAsync("Open", path, () => _inner.OpenAsync(path, options, cancellationToken)).ConfigureAwait(false), Translate);

    public override Task<bool> RenameFileAsync(string source, string destination, CancellationToken cancellationToken = default) =>
        RunAsync("RenameFile", source, () => _inner.RenameFileAsync(source, destination, cancellationToken));

    public override Task<bool> RenameDirectoryAsync(string source, string destination, CancellationToken cancellationToken = default) =>
        RunAsync("RenameDirectory", source, () => _inner.RenameDirectoryAsync(source, destination, cancellationToken));

    public override Task<long> GetSpaceAsync(string path, SpaceType type, CancellationToken cancellationToken = default) =>
        RunAsync("GetSpace", path, () => _inner.GetSpaceAsync(path, type, cancellationToken));

    public override ErrorType? ClassifyError(Exception exception) => _inner.ClassifyError(exception);

    public override ValueTask DisposeAsync() => _inner.DisposeAsync();

    private AlluxioException Translate(Exception error) => UnderFileSystemErrors.Translate(_inner, error, _secrets);

    private async Task<T> RunAsync<T>(string operation, string path, Func<Task<T>> call)
    {
        var started = _time.GetTimestamp();
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Failed(operation, path, e);
        }
        finally
        {
            var elapsed = _time.GetElapsedTime(started);
            _metrics.Record(operation, _metricTags, elapsed);
            if (elapsed > SlowCallThreshold && _logger.IsEnabled(LogLevel.Warning))
            {
                var shownPath = CredentialMasker.Redact(path, _secrets);
                UnderFileSystemLog.SlowCall(_logger, operation, shownPath, (long)elapsed.TotalMilliseconds);
            }
        }
    }

    private AlluxioException Failed(string operation, string path, Exception e)
    {
        _metrics.Failed(operation, _metricTags);
        var error = Translate(e);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var shownPath = CredentialMasker.Redact(path, _secrets);
            UnderFileSystemLog.CallFailed(_logger, operation, shownPath, error.ErrorType, error.Message);
        }

        return error;
    }

    /// <summary>A listing whose later pages fail across the same boundary as the call that started it.</summary>
    private async IAsyncEnumerable<UfsStatus> TranslateErrorsAsync(
        IAsyncEnumerable<UfsStatus> listing, string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entries = listing.WithCancellation(cancellationToken).ConfigureAwait(false).GetAsyncEnumerator();
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await entries.MoveNextAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw Failed("ListStatus", path, e);
                }

                if (!more)
                {
                    yield break;
                }

                yield return entries.Current;
            }
        }
        finally
        {
            await entries.DisposeAsync();
        }
    }
}
