using Alluxio.Grpc;
using Alluxio.Master.Inodes;
using Alluxio.Paths;
using Microsoft.Extensions.Logging;

namespace Alluxio.Master.Operations;

/// <summary>
/// Acts on expired TTLs: DELETE removes the path (from the UFS too), FREE frees it and clears the TTL. Runs every
/// alluxio.master.ttl.checker.interval on the master's clock; a test drives <see cref="CheckOnceAsync"/> directly.
/// </summary>
public sealed partial class TtlChecker
{
    private readonly NamespaceContext _context;
    private readonly DeleteOperation _delete;
    private readonly AttributeOperations _attributes;
    private readonly ILogger _logger;

    public TtlChecker(NamespaceContext context, DeleteOperation delete, AttributeOperations attributes)
    {
        _context = context;
        _delete = delete;
        _attributes = attributes;
        _logger = context.LoggerFactory.CreateLogger<TtlChecker>();
    }

    /// <summary>Runs until cancelled, checking once per interval.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, _context.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await CheckOnceAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Applies every TTL that has expired by now; returns how many paths it acted on.</summary>
    public async Task<int> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var now = _context.NowMs;
        var expired = new List<(AlluxioUri Path, TtlAction Action)>();
        using (_context.Tree.ReadLocked())
        {
            foreach (var id in _context.Tree.InodesWithTtl)
            {
                if (_context.Tree.Store.GetById(id) is { Ttl: >= 0 } inode && inode.CreationTimeMs + inode.Ttl <= now)
                {
                    expired.Add((_context.Tree.GetPath(inode), inode.TtlAction));
                }
            }
        }

        // Parents first, so a deleted directory takes its expired children with it.
        var acted = 0;
        foreach (var (path, action) in expired.OrderBy(e => e.Path.Depth))
        {
            try
            {
                if (action == TtlAction.Free)
                {
                    await _attributes.FreeAsync(path, new FreePOptions { Recursive = true, Forced = true }, CallContext.Default, cancellationToken).ConfigureAwait(false);
                    await _attributes.SetAttributeAsync(
                        path,
                        new SetAttributePOptions { CommonOptions = new FileSystemMasterCommonPOptions { Ttl = Inode.NoTtl, TtlAction = TtlAction.Free } },
                        CallContext.Default,
                        cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _delete.DeleteAsync(path, new DeletePOptions { Recursive = true }, CallContext.Default, cancellationToken).ConfigureAwait(false);
                }

                LogExpired(_logger, path, action);
                acted++;
            }
            catch (Errors.AlluxioException e) when (e.ErrorType == Errors.ErrorType.FileDoesNotExist)
            {
                // Gone already, with an expired parent.
            }
            catch (Errors.AlluxioException e)
            {
                LogTtlFailed(_logger, path, e.Message);
            }
        }

        return acted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The TTL of {Path} expired; action {Action} done")]
    private static partial void LogExpired(ILogger logger, AlluxioUri path, TtlAction action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The TTL of {Path} expired but its action failed: {Reason}")]
    private static partial void LogTtlFailed(ILogger logger, AlluxioUri path, string reason);
}
