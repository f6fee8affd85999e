using Alluxio.Client.Rpc;
using Alluxio.Errors;
using Alluxio.Grpc;

namespace Alluxio.Client.Data;

/// <summary>
/// The live workers as the master last reported them, kept for alluxio.user.worker.list.refresh.interval and
/// asked for again sooner when a caller found the list wanting (every worker it knows has failed it).
/// </summary>
internal sealed class WorkerList(MasterClient master, TimeSpan refreshInterval, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<WorkerInfo> _workers = [];
    private long _fetchedAt;
    private bool _fetched;

    /// <summary>The live workers, ordered by id; an Unavailable error when there is none.</summary>
    public async Task<IReadOnlyList<WorkerInfo>> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && Fresh())
        {
            return _workers;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!refresh && Fresh())
            {
                return _workers;
            }

            var response = await master.CallAsync(
                "GetWorkerInfoListAsync",
                retryable: true,
                (c, o) => new BlockMasterClientService.BlockMasterClientServiceClient(c).GetWorkerInfoListAsync(new GetWorkerInfoListPOptions(), o),
                cancellationToken).ConfigureAwait(false);
            _workers = [.. response.WorkerInfos.OrderBy(w => w.Id)];
            _fetchedAt = time.GetTimestamp();
            _fetched = true;
        }
        finally
        {
            _refresh.Release();
        }

        return _workers.Count > 0
            ? _workers
            : throw new AlluxioException(ErrorType.Unavailable, "No Alluxio worker is available: start one with bin/alluxio-start.sh worker, or check that the workers can reach the master.");
    }

    public void Dispose() => _refresh.Dispose();

    private bool Fresh() => _fetched && _workers.Count > 0 && time.GetElapsedTime(_fetchedAt) < refreshInterval;
}
