using Alluxio.Client.Rpc;
using Alluxio.Configuration;
using Alluxio.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Alluxio.Client.Metrics;

/// <summary>
/// Sends the client's counters to the master every alluxio.user.metrics.heartbeat.interval when they changed, and
/// once more when the client closes, so that even a short command's short-circuit reads reach Cluster.BytesReadLocal.
/// </summary>
/// <remarks>
/// A heartbeat carries running totals and the master counts what they grew by, so one sent again after its answer
/// was lost counts once: a failed heartbeat is simply left to the next. Closing waits for the last one at most
/// <see cref="FinalReportTimeout"/>.
/// </remarks>
internal sealed class ClientMetricsReporter : IAsyncDisposable, IDisposable
{
    /// <summary>How long closing a client waits for its last heartbeat.</summary>
    public static readonly TimeSpan FinalReportTimeout = TimeSpan.FromSeconds(3);

    private readonly ClientCounters _counters;
    private readonly MasterClient _master;
    private readonly string _source;
    private readonly string _hostname;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Task _loop;
    private long _reported;

    public ClientMetricsReporter(
        ClientCounters counters, MasterClient master, string source, string hostname, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        _counters = counters;
        _master = master;
        _source = source;
        _hostname = hostname;
        _logger = logger;
        _loop = RunAsync(interval, time, _stop.Token);
    }

    /// <summary>The reporter the configuration asks for, or none when alluxio.user.metrics.collection.enabled is off.</summary>
    public static ClientMetricsReporter? Start(
        AlluxioConfiguration configuration, ClientCounters counters, MasterClient master, string hostname, TimeProvider time, ILogger logger)
    {
        if (!configuration.GetBoolean(PropertyKeys.UserMetricsCollectionEnabled))
        {
            return null;
        }

        var source = configuration.Get(PropertyKeys.UserAppId) is { Length: > 0 } appId ? appId : $"app-{Guid.NewGuid():N}";
        var interval = configuration.GetDuration(PropertyKeys.UserMetricsHeartbeatInterval);
        return new ClientMetricsReporter(counters, master, source, hostname, interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(10), time, logger);
    }

    /// <summary>Sends the counters if they changed since the master last took them; false when that failed.</summary>
    public async Task<bool> ReportAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            var bytesReadLocal = _counters.BytesReadLocal;
            if (bytesReadLocal == _reported)
            {
                return true;
            }

            var client = new ClientMetrics { Source = _source };
            client.Metrics.Add(new Metric
            {
                Instance = "Client",
                Hostname = _hostname,
                Name = "Client.BytesReadLocal",
                Value = bytesReadLocal,
                MetricType = MetricType.Counter,
            });
            var request = new MetricsHeartbeatPRequest { Options = new MetricsHeartbeatPOptions { ClientMetrics = { client } } };
            await _master.CallAsync(
                "MetricsHeartbeat", retryable: false, (c, o) => new MetricsMasterClientService.MetricsMasterClientServiceClient(c).MetricsHeartbeatAsync(request, o), cancellationToken)
                .ConfigureAwait(false);
            _reported = bytesReadLocal;
            return true;
        }
        catch (Exception e) when (e is Errors.AlluxioException or RpcException or OperationCanceledException)
        {
            // The totals stay unreported and go with the next heartbeat.
            Log.MetricsHeartbeatFailed(_logger, e.Message);
            return false;
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(FinalReportTimeout);
        await ReportAsync(timeout.Token).ConfigureAwait(false);
        _stop.Dispose();
    }

    public void Dispose()
    {
        // Only a short command disposes synchronously; its last figures are worth the bounded wait.
        DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task RunAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await ReportAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Closed.
        }
    }
}
