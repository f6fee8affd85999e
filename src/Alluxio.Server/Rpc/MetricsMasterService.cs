using Alluxio.Grpc;
using Alluxio.Master;
using Alluxio.Server.Web;
using Grpc.Core;
using WireMetricValue = Alluxio.Grpc.MetricValue;

namespace Alluxio.Server.Rpc;

/// <summary>
/// The metrics master's gRPC service: clients' heartbeats feed the cluster's counters with what only clients see
/// (short-circuit bytes), and fsadmin report metrics reads the master's metrics by their Alluxio names.
/// </summary>
internal sealed class MetricsMasterService(FileSystemMaster master, PrometheusExporter metrics, TimeProvider time)
    : MetricsMasterClientService.MetricsMasterClientServiceBase
{
    /// <summary>Alluxio's instance types; a metric whose name starts with none of them is not Alluxio's (MetricsSystem.InstanceType).</summary>
    private static readonly string[] s_instances = ["Cluster.", "Master.", "Worker.", "JobMaster.", "JobWorker.", "Client.", "Proxy.", "Fuse.", "Plugin."];

    public override Task<MetricsHeartbeatPResponse> MetricsHeartbeat(MetricsHeartbeatPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        foreach (var client in request.Options?.ClientMetrics ?? [])
        {
            if (client.Source.Length == 0)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, "A client's metrics heartbeat must name its source."));
            }

            var totals = client.Metrics
                .Where(m => m.Name.StartsWith("Client.", StringComparison.Ordinal))
                .Select(m => KeyValuePair.Create(m.Name["Client.".Length..], m.Value));
            master.Blocks.Metrics.ReportClient(client.Source, totals, now);
        }

        return Task.FromResult(new MetricsHeartbeatPResponse());
    }

    public override Task<GetMetricsPResponse> GetMetrics(GetMetricsPOptions request, ServerCallContext context)
    {
        var response = new GetMetricsPResponse();
        foreach (var value in metrics.Snapshot())
        {
            // Tagged in Prometheus form, or not named by Alluxio: not something Alluxio's report would list.
            if (value.Name.Contains('{', StringComparison.Ordinal) || !s_instances.Any(i => value.Name.StartsWith(i, StringComparison.Ordinal)))
            {
                continue;
            }

            response.Metrics[value.Name] = value.Kind switch
            {
                MetricKind.Counter => new WireMetricValue { DoubleValue = value.Value, MetricType = MetricType.Counter },
                MetricKind.Gauge => new WireMetricValue { DoubleValue = value.Value, MetricType = MetricType.Gauge },
                MetricKind.Timer => new WireMetricValue { DoubleValue = value.Count, MetricType = MetricType.Timer },
                _ => new WireMetricValue { DoubleValue = value.Count, MetricType = MetricType.Histogram },
            };
        }

        return Task.FromResult(response);
    }
}
